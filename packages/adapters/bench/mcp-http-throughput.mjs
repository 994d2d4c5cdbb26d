#!/usr/bin/env node
// MCP Streamable HTTP throughput: tool calls per second with 1, 10 and 50 concurrent clients, all on one Front token
// and spread over 50 tokens, for the built `frontkit-mcp --http` (list-teammates) and for the floor, a bare MCP SDK
// server on the same transport (stateless, one server per POST, SSE answers) whose one tool fetches the same URL
// (bench/mcp-floor-server.mjs --http). Both call the same fast local fake Front, whose rate-limit headers allow
// plenty. Every row runs both servers back to back (order alternating) for the same time; calls/s, the ratio to
// the floor (target ≥ 0.8×), p50/p99 latency, and the memory frontkit holds per warm account are printed.
//
// It only measures: frontkit's limiter paces each account (today 5 starts/s unless Front says otherwise), so the
// one-token rows show that pacing, not server cost. Each client sends its next call when the last one is answered.
//
//   node bench/mcp-http-throughput.mjs [--seconds 4] [--compare label=/path/to/frontkit-mcp.js]   (build first)
//   BENCH_CHECK=1 … exits 1 when a row is below 0.8×.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { median, percentile, processCpuMs, startFakeFront } from "./fake-front.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, "..", "dist", "frontkit-mcp.js");
const FLOOR = join(here, "mcp-floor-server.mjs");
const PROBE = join(here, "memory-probe.mjs");
const TARGET = 0.8;
const at = process.argv.indexOf("--seconds");
const seconds = at >= 0 ? Number(process.argv[at + 1]) : Number(process.env.BENCH_SECONDS ?? 4);
// --compare label=/path/to/frontkit-mcp.js adds another build (e.g. main's) to every row: before/after from one run.
const compare = process.argv.flatMap((arg, i) => (arg === "--compare" ? [String(process.argv[i + 1])] : [])).map((spec) => {
  const [label, file] = spec.split(/=(.*)/su);
  if (file === undefined || !existsSync(file)) throw new Error(`--compare wants label=/path/to/frontkit-mcp.js, got ${spec}`);
  return { label, file };
});
if (!(seconds > 0)) throw new Error(`--seconds must be a positive number, got ${process.argv[at + 1]}`);
if (!existsSync(BIN)) {
  console.error("dist/frontkit-mcp.js is missing: run `npm run build -w @frontkit/adapters` first.");
  process.exit(2);
}

// Made-up tokens of the length frontkit accepts; the fake Front takes any.
const tokens = Array.from({ length: 50 }, (_, i) => `bench-token-${String(i).padStart(2, "0")}-0123456789abcdef`);
const front = await startFakeFront();
const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", FRONT_API_BASE_URL: front.url, FLOOR_FETCH_URL: `${front.url}/teammates` };

/** Spawns a server that prints "listening on http://…/mcp" on stderr; resolves with its URL, pid and a stop(). */
const startServer = (label, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", pathToFileURL(PROBE).href, ...args], { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${label} did not start within 20 s: ${stderr}`));
    }, 20_000);
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      const url = /listening on (http:\/\/\S+)/u.exec(stderr)?.[1];
      if (url === undefined || timer === undefined) return;
      clearTimeout(timer);
      resolve({
        label,
        url,
        pid: child.pid,
        /** Heap and RSS after a full GC (bench/memory-probe.mjs), in MiB. */
        memory: () =>
          new Promise((done) => {
            const seen = stderr.length;
            const poll = setInterval(() => {
              const line = /memory-probe (\{.*\})/u.exec(stderr.slice(seen))?.[1];
              if (line === undefined) return;
              clearInterval(poll);
              const m = JSON.parse(line);
              done({ heapMiB: m.heapUsed / 2 ** 20, rssMiB: m.rss / 2 ** 20 });
            }, 20);
            child.kill("SIGUSR2");
          }),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            const kill = setTimeout(() => child.kill("SIGKILL"), 3_000);
            child.once("exit", () => {
              clearTimeout(kill);
              done();
            });
            child.kill("SIGTERM");
          }),
      });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code}) before listening: ${stderr}`));
    });
  });

/** One tools/call over Streamable HTTP; resolves when the answer has arrived (SSE or JSON), throws on an error. */
const callTool = async (server, tool, token, id) => {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${token}` },
    body: JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name: tool, arguments: {} } }),
  });
  const text = await response.text();
  if (!response.ok || !text.includes(`"id":${id}`) || text.includes('"isError":true') || text.includes('"error":')) {
    throw new Error(`${server.label}: call failed (${response.status}): ${text.slice(0, 300)}`);
  }
};

/** `clients` loops calling for `seconds`; returns calls/s and latencies (ms). */
const load = async (server, tool, clients, tokenFor) => {
  const latencies = [];
  let errors = 0;
  let firstError;
  let id = 0;
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const started = performance.now();
        try {
          await callTool(server, tool, tokenFor(client, n), ++id);
          latencies.push(performance.now() - started);
        } catch (error) {
          errors++;
          firstError ??= error;
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  return { perSecond: latencies.length / elapsed, p50: median(latencies), p99: percentile(latencies, 99), calls: latencies.length, errors, firstError };
};

const ROWS = [
  { clients: 1, tokens: 1 },
  { clients: 10, tokens: 1 },
  { clients: 50, tokens: 1 },
  { clients: 1, tokens: 50 },
  { clients: 10, tokens: 50 },
  { clients: 50, tokens: 50 },
];
// With 50 tokens each client walks through them in its own order, so every account is in use.
const tokenFor = (row) => (row.tokens === 1 ? () => tokens[0] : (client, n) => tokens[(client * 7 + n) % 50]);

const floor = await startServer("floor", [FLOOR, "--http", "0"]);
const kit = await startServer("frontkit-mcp", [BIN, "--http", "--port", "0"]);
const others = [];
for (const { label, file } of compare) others.push(await startServer(label, [file, "--http", "--port", "0"]));
const kits = [kit, ...others];
const results = [];
let memory;
try {
  // Warm-up: JIT, sockets, and one warm account (tokens[0]) in frontkit; the other 49 are warmed before their rows.
  await load(floor, "fetch", 2, () => tokens[0]);
  for (const k of kits) await load(k, "list-teammates", 2, () => tokens[0]);
  let oneAccount;
  for (const [i, row] of ROWS.entries()) {
    if (row.tokens > 1 && memory === undefined) {
      // Before the first many-token row: the 49 other accounts made warm (one call each), and what they cost in heap.
      oneAccount = await kit.memory();
      for (const token of tokens) {
        for (const k of kits) await callTool(k, "list-teammates", token, 0);
        await callTool(floor, "fetch", token, 0);
      }
      const fiftyAccounts = await kit.memory();
      memory = { oneAccount, fiftyAccounts, perAccountKiB: ((fiftyAccounts.heapMiB - oneAccount.heapMiB) / 49) * 1024, floor: await floor.memory() };
    }
    const pick = tokenFor(row);
    const order = i % 2 === 0 ? [floor, ...kits] : [...kits].reverse().concat(floor);
    const r = {};
    for (const server of order) {
      const before = front.requests();
      const cpuBefore = await processCpuMs(server.pid);
      r[server.label] = await load(server, server === floor ? "fetch" : "list-teammates", row.clients, pick);
      r[server.label].cpuPerCall = ((await processCpuMs(server.pid)) - cpuBefore) / r[server.label].calls;
      r[server.label].frontRequests = front.requests() - before;
    }
    results.push({ row, floor: r.floor, kit: r["frontkit-mcp"], others: others.map((o) => ({ label: o.label, ...r[o.label] })) });
  }
} finally {
  await Promise.all([floor.stop(), ...kits.map((k) => k.stop())]);
  await front.close();
}

const fmt = (x, digits = 1) => (Number.isNaN(x) ? "n/a" : x.toFixed(digits));
console.log(`MCP Streamable HTTP throughput, ${seconds} s per row and server (node ${process.version}, ${process.platform}/${process.arch}); fast local fake Front`);
console.log(`  frontkit-mcp --http: list-teammates; floor: bare SDK server, its one tool fetches the same URL`);
console.log(
  `  ${"clients × tokens".padEnd(17)} ${"floor calls/s".padStart(13)} ${"p50/p99 ms".padStart(13)} ${"CPU/call".padStart(9)}   ${"frontkit calls/s".padStart(16)} ${"p50/p99 ms".padStart(13)} ${"CPU/call".padStart(9)}   ratio (≥ ${TARGET}×)  CPU/call ratio`,
);
let ok = true;
for (const { row, floor: f, kit: k, others: o } of results) {
  const ratio = k.perSecond / f.perSecond;
  if (!(ratio >= TARGET) || k.errors > 0) ok = false;
  const errors = k.errors + f.errors > 0 ? `  errors: frontkit ${k.errors}, floor ${f.errors} (${String(k.firstError ?? f.firstError).slice(0, 160)})` : "";
  console.log(
    `  ${`${row.clients} × ${row.tokens}`.padEnd(17)} ${fmt(f.perSecond).padStart(13)} ${`${fmt(f.p50)}/${fmt(f.p99)}`.padStart(13)} ${`${fmt(f.cpuPerCall, 2)} ms`.padStart(9)}   ` +
      `${fmt(k.perSecond).padStart(16)} ${`${fmt(k.p50)}/${fmt(k.p99)}`.padStart(13)} ${`${fmt(k.cpuPerCall, 2)} ms`.padStart(9)}   ` +
      `${`${ratio.toFixed(2)}×`.padStart(6)} ${(ratio >= TARGET ? "met" : "NOT met").padEnd(8)} ${(k.cpuPerCall / f.cpuPerCall).toFixed(2)}×${errors}`,
  );
  for (const c of o) {
    console.log(
      `  ${`  ${c.label}`.padEnd(17)} ${"".padStart(13)} ${"".padStart(13)} ${"".padStart(9)}   ` +
        `${fmt(c.perSecond).padStart(16)} ${`${fmt(c.p50)}/${fmt(c.p99)}`.padStart(13)} ${`${fmt(c.cpuPerCall, 2)} ms`.padStart(9)}   ` +
        `${`${(c.perSecond / f.perSecond).toFixed(2)}×`.padStart(6)} ${"".padEnd(8)} ${(c.cpuPerCall / f.cpuPerCall).toFixed(2)}×${c.errors > 0 ? `  errors: ${c.errors}` : ""}`,
    );
  }
}
console.log(
  `  memory after a full GC: frontkit-mcp heap ${fmt(memory.oneAccount.heapMiB)} MiB with 1 warm account, ${fmt(memory.fiftyAccounts.heapMiB)} MiB with 50 ` +
    `→ ${fmt(memory.perAccountKiB, 0)} KiB per warm account (RSS ${fmt(memory.fiftyAccounts.rssMiB)} MiB); floor heap ${fmt(memory.floor.heapMiB)} MiB (RSS ${fmt(memory.floor.rssMiB)} MiB)`,
);
console.log(`  CPU/call: the server process's CPU time per answered call (all threads, /proc), steadier than calls/s on a busy machine`);
console.log(`  rows: ${ok ? "all met" : "NOT all met"} (single-token rows are paced by frontkit's limiter; see the note at the top)`);
if (process.env.BENCH_CHECK === "1" && !ok) process.exit(1);
