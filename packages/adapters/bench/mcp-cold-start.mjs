#!/usr/bin/env node
// Cold start of the built frontkit-mcp (stdio) against the floor, a bare MCP SDK server with one tool started the
// same way (bench/mcp-floor-server.mjs): from spawning `node <file>` to the answer of the first tools/list, and on to
// the answer of a first tools/call right after it. Both calls go to the same local fake Front (bench/fake-front.mjs):
// frontkit's list-tags, the floor's one tool fetching the same URL. Runs are interleaved in a fresh random order each
// round so machine noise hits every variant alike; medians and ratios are printed for wall time and for the
// server process's own CPU time (from /proc, all threads: steadier than wall time on a busy machine).
//
//   node bench/mcp-cold-start.mjs [runs=21] [--compare label=/path/to/frontkit-mcp.js …]
//   BENCH_CHECK=1 … exits 1 when a CPU-time ratio misses its target (≤ 1.15× to tools/list, ≤ 1.5× to tools/call).
//
// --compare adds other builds of the bin (e.g. a copy of main's dist) to the same interleaved run: before/after
// figures from one run. frontkit-mcp turns on Node's compile cache; the "no compile cache" row shows it without
// (NODE_DISABLE_COMPILE_CACHE=1), and a second floor row shows the floor with one.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, processCpuMs, startFakeFront } from "./fake-front.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, "..", "dist", "frontkit-mcp.js");
const FLOOR = join(here, "mcp-floor-server.mjs");
const LIST_TARGET = 1.15;
const CALL_TARGET = 1.5;

const args = process.argv.slice(2);
const compare = [];
let runs = Number(process.env.BENCH_RUNS ?? 21);
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--compare") {
    const [label, file] = String(args[++i]).split(/=(.*)/su);
    if (file === undefined || !existsSync(file)) throw new Error(`--compare wants label=/path/to/frontkit-mcp.js, got ${args[i]}`);
    compare.push({ label, file });
  } else runs = Number(args[i]);
}
if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${runs}`);
if (!existsSync(BIN)) {
  console.error("dist/frontkit-mcp.js is missing: run `npm run build -w @frontkit/adapters` first.");
  process.exit(2);
}

const front = await startFakeFront();
// Node's compile cache for the bin's runs lives here, not in the user's temp cache; it is filled by the warm-up round.
const cacheDir = await mkdtemp(join(tmpdir(), "frontkit-cold-start-"));
// A fake token: the fake Front accepts anything, and nothing here may hold a real one.
const TOKEN = "bench-not-a-real-token";
const baseEnv = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
// frontkit-mcp turns Node's compile cache on itself (module.enableCompileCache); pointing it here keeps the bench's
// cache apart from the user's. The floor, as people write it, has none; a second floor row shows it with one.
const kit = { FRONT_API_TOKEN: TOKEN, FRONT_API_BASE_URL: front.url, NODE_COMPILE_CACHE: cacheDir };
const floorEnv = { FLOOR_FETCH_URL: `${front.url}/tags`, FLOOR_TOKEN: TOKEN };

const variants = [
  { label: "floor (bare SDK server, 1 tool)", file: FLOOR, env: floorEnv, call: { name: "fetch", arguments: {} } },
  { label: "frontkit-mcp", file: BIN, env: kit, call: { name: "list-tags", arguments: {} } },
  { label: "frontkit-mcp, no compile cache", file: BIN, env: { ...kit, NODE_DISABLE_COMPILE_CACHE: "1" }, call: { name: "list-tags", arguments: {} } },
  { label: "floor with a compile cache", file: FLOOR, env: { ...floorEnv, NODE_COMPILE_CACHE: cacheDir }, call: { name: "fetch", arguments: {} } },
  // Other builds as users run them: no NODE_COMPILE_CACHE (a build that turns the cache on itself uses Node's default place).
  ...compare.map(({ label, file }) => ({ label, file, env: { FRONT_API_TOKEN: TOKEN, FRONT_API_BASE_URL: front.url }, call: { name: "list-tags", arguments: {} } })),
];

/**
 * A minimal MCP stdio client: newline-delimited JSON-RPC over the child's stdin/stdout. Not the SDK's Client, whose
 * listTools() compiles every tool's output schema with Ajv in the client process: that is the client's cost, and on a
 * busy machine it would be counted as the server's start-up.
 */
const spawnServer = (variant) => {
  const child = spawn(process.execPath, [variant.file], { env: { ...baseEnv, ...variant.env }, stdio: ["pipe", "pipe", "ignore"] });
  const waiting = new Map();
  let buffer = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk) => {
    buffer += chunk;
    for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const message = JSON.parse(line);
      if (message.id !== undefined) waiting.get(message.id)?.(message);
    }
  });
  let nextId = 1;
  const request = (method, params) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`${variant.label}: no answer to ${method} within 30 s`)), 30_000);
      waiting.set(id, (message) => {
        clearTimeout(timer);
        if (message.error !== undefined) reject(new Error(`${variant.label}: ${method} failed: ${JSON.stringify(message.error)}`));
        else resolve(message.result);
      });
      child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
    });
  const notify = (method) => child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method })}\n`);
  const close = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill("SIGKILL"), 3_000);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      child.stdin.end(); // how a stdio client says goodbye
    });
  return { pid: child.pid, request, notify, close };
};

/** One cold start: wall ms and server CPU ms to the tools/list answer, then to the tools/call answer. */
const coldStart = async (variant) => {
  const before = front.requests();
  const t0 = performance.now();
  const server = spawnServer(variant);
  try {
    await server.request("initialize", { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "cold-start-bench", version: "1.0.0" } });
    server.notify("notifications/initialized");
    const { tools } = await server.request("tools/list", {});
    const listMs = performance.now() - t0;
    const listCpu = await processCpuMs(server.pid);
    const result = await server.request("tools/call", variant.call);
    const callMs = performance.now() - t0;
    const callCpu = await processCpuMs(server.pid);
    if (tools.length === 0) throw new Error(`${variant.label} listed no tools`);
    if (result.isError === true) throw new Error(`${variant.label}: the first call failed: ${JSON.stringify(result.content)}`);
    if (front.requests() !== before + 1) throw new Error(`${variant.label}: expected one request to the fake Front, saw ${front.requests() - before}`);
    return { listMs, callMs, listCpu, callCpu, tools: tools.length };
  } finally {
    await server.close();
  }
};

const samples = new Map(variants.map((v) => [v, { listMs: [], callMs: [], listCpu: [], callCpu: [], tools: 0 }]));
try {
  // One unmeasured round warms the OS file cache and Node's compile cache, as any second launch would find them.
  for (const v of variants) await coldStart(v);
  for (let i = 0; i < runs; i++) {
    const order = [...variants];
    for (let j = order.length - 1; j > 0; j--) {
      const k = Math.floor(Math.random() * (j + 1));
      [order[j], order[k]] = [order[k], order[j]];
    }
    for (const v of order) {
      const r = await coldStart(v);
      const s = samples.get(v);
      for (const key of ["listMs", "callMs", "listCpu", "callCpu"]) if (r[key] !== undefined) s[key].push(r[key]);
      s.tools = r.tools;
    }
  }
} finally {
  await front.close();
  await rm(cacheDir, { recursive: true, force: true });
}

const floor = samples.get(variants[0]);
const fmt = (x) => (Number.isNaN(x) ? "   n/a  " : `${x.toFixed(1).padStart(6)} ms`);
const ratio = (x, base) => (Number.isNaN(x) || Number.isNaN(base) ? "  n/a" : `${(x / base).toFixed(2)}×`);
console.log(`MCP stdio cold start, median of ${runs} interleaved runs (node ${process.version}, ${process.platform}/${process.arch}); first call against a local fake Front`);
console.log(`  ${"".padEnd(36)} ${"to tools/list".padEnd(30)} ${"to first tools/call answer".padEnd(30)}`);
console.log(`  ${"".padEnd(36)} ${"wall".padEnd(15)}${"server CPU".padEnd(15)} ${"wall".padEnd(15)}${"server CPU".padEnd(15)}`);
const fl = { listMs: median(floor.listMs), listCpu: median(floor.listCpu), callMs: median(floor.callMs), callCpu: median(floor.callCpu) };
let ok = true;
for (const v of variants) {
  const s = samples.get(v);
  const m = { listMs: median(s.listMs), listCpu: median(s.listCpu), callMs: median(s.callMs), callCpu: median(s.callCpu) };
  const cell = (key) => (v === variants[0] ? `${fmt(m[key])}        ` : `${fmt(m[key])} ${ratio(m[key], fl[key]).padStart(6)}`);
  console.log(`  ${`${v.label} (${s.tools} tools)`.padEnd(36)} ${cell("listMs")}  ${cell("listCpu")}  ${cell("callMs")}  ${cell("callCpu")}`);
  if (v === variants[1] && (m.listCpu / fl.listCpu > LIST_TARGET || m.callCpu / fl.callCpu > CALL_TARGET)) ok = false;
}
console.log(`  targets: ≤ ${LIST_TARGET}× to tools/list, ≤ ${CALL_TARGET}× to the first tools/call (frontkit-mcp row, server CPU): ${ok ? "met" : "NOT met"}`);
console.log(`  (wall ratios are shown too; on a shared machine they swing with the load, CPU time much less)`);
if (process.env.BENCH_CHECK === "1" && !ok) process.exit(1);
