// Scale-out benchmark (issue 15): four `frontkit-mcp --http` processes calling Front for ONE simulated company,
// with their limiter state shared through Redis, without it (each process on its own), and with Redis stopped in
// the middle of a run. Also: the extra latency per call of the shared limiter (in process, sequential calls
// against an instant fake Front), memory per warm account, and Redis keys, memory and commands per account.
//
// The simulated company: sliding-minute limit (default 200/min; SCALE_OUT_PER_MINUTE=100 for the plan,
// which makes each run about 3 minutes instead of 75 s) and Front's burst limit of 5/s per resource. The 400
// calls go round-robin over 3 resources, so the per-minute budget is what binds; "% of the allowed rate" is the
// time the burst-optimal schedule needs for the same 400 requests (computed on the same sliding-window rules)
// divided by the time the run took.
//
// `npm run bench -w @frontkit/reliability` runs it after the memory and typecheck benches; alone:
// `npm run bench:scale-out -w @frontkit/reliability` (after `npm run build`). Knobs: SCALE_OUT_PER_MINUTE,
// SCALE_OUT_CALLS, SCALE_OUT_BIN_ARGS (extra frontkit-mcp flags), SCALE_OUT_VERBOSE=1 (the processes' stderr).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createFrontTools } from "@frontkit/tools";
import { findRedisServer, freePort, type RedisServer, SlidingWindowLimiter, startRedisServer, startSimulatedFront } from "@frontkit/testkit";
import { Redis } from "ioredis";

const HERE = dirname(fileURLToPath(import.meta.url));
const BIN = resolve(HERE, "../../adapters/dist/frontkit-mcp.js");
const PROCESSES = 4;
const CALLS = Number(process.env["SCALE_OUT_CALLS"] ?? 400);
const PER_PROCESS_CONCURRENCY = 10;
const PER_MINUTE = Number(process.env["SCALE_OUT_PER_MINUTE"] ?? 200);
const BURST_PER_SECOND = 5;
const PATHS = ["/contacts", "/conversations", "/tags"] as const;
const TOKEN = "scale-out-bench-token-0123456789abcdef";

interface RunFigures {
  readonly label: string;
  readonly seconds: number;
  readonly ok: number;
  readonly failed: number;
  readonly requests: number;
  readonly rateLimited: number;
  readonly share: number;
  readonly redisCommands?: number;
  readonly usecPerScript?: number;
  /** "Redis is unavailable" lines the four processes printed during the run. */
  readonly warnings: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Seconds the burst-optimal schedule needs: each request in order at the earliest time the company's limits admit it. */
const optimalSeconds = (): number => {
  const limiter = new SlidingWindowLimiter(PER_MINUTE, BURST_PER_SECOND);
  let t = 0;
  for (let i = 0; i < CALLS; i++) {
    while (!limiter.admit(t, PATHS[i % PATHS.length]!).allowed) t += 5;
  }
  return t / 1000;
};

const children = new Set<ChildProcess>();
/** "Redis is unavailable" lines the processes printed (each marks a switch to local pacing). */
let binWarnings = 0;
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

/** Starts one `frontkit-mcp --http` on a free port; resolves with its URL once it printed that it listens. */
const startBin = async (frontUrl: string, redisUrl: string | undefined): Promise<{ url: string; stop: () => Promise<void> }> => {
  const port = await freePort();
  // SCALE_OUT_BIN_ARGS: extra flags for every process (e.g. limiter tuning), space-separated.
  const extra = (process.env["SCALE_OUT_BIN_ARGS"] ?? "").split(" ").filter((a) => a !== "");
  const args = [BIN, "--http", "--port", String(port), ...extra, ...(redisUrl === undefined ? [] : ["--redis-url", redisUrl])];
  const child = spawn(process.execPath, args, { env: { ...process.env, FRONT_API_BASE_URL: frontUrl }, stdio: ["ignore", "ignore", "pipe"] });
  children.add(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    stderr += text;
    for (const line of text.split("\n")) if (line.includes("Redis") && line.includes("unavailable")) binWarnings++;
    if (process.env["SCALE_OUT_VERBOSE"] === "1") process.stderr.write(text);
  });
  const deadline = Date.now() + 60_000;
  while (!stderr.includes("listening on")) {
    if (child.exitCode !== null) throw new Error(`frontkit-mcp exited early: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`frontkit-mcp did not start within 60 s: ${stderr}`);
    await sleep(50);
  }
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    stop: async () => {
      child.kill("SIGTERM");
      const end = Date.now() + 5_000;
      while (child.exitCode === null && child.signalCode === null && Date.now() < end) await sleep(20);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      children.delete(child);
    },
  };
};

/** The first failed call's answer, printed to say what went wrong. */
let firstFailure: string | undefined;

/** One tools/call over stateless Streamable HTTP; true when the tool answered without isError. */
const callTool = async (url: string, id: number, path: string): Promise<boolean> => {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "raw-api-request", arguments: { method: "GET", path, query: { limit: 1 } } } }),
      signal: AbortSignal.timeout(300_000),
    });
    const text = await response.text();
    if (response.status !== 200) return false;
    // An SSE answer may carry log notifications before the result: take the message answering this id.
    const messages = text.startsWith("{") ? [text] : text.split("\n").filter((line) => line.startsWith("data: ")).map((line) => line.slice(6));
    const answer = messages.map((m) => JSON.parse(m) as { id?: number; result?: { isError?: boolean } }).find((m) => m.id === id);
    const success = answer?.result !== undefined && answer.result.isError !== true;
    if (!success && firstFailure === undefined) firstFailure = text.slice(-900);
    return success;
  } catch {
    return false;
  }
};

/** 400 calls over the processes; `onProgress(done)` lets the outage run stop and restart Redis mid-way. */
const drive = async (urls: ReadonlyArray<string>, onProgress?: (done: number) => void): Promise<{ ok: number; failed: number; seconds: number }> => {
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  // Round-robin: call i goes to process i % PROCESSES and resource i % PATHS.length; each process works through
  // its share with PER_PROCESS_CONCURRENCY calls in flight.
  const runQueue = async (p: number): Promise<void> => {
    const queue = Array.from({ length: CALLS }, (_, i) => i).filter((i) => i % PROCESSES === p);
    const one = async (): Promise<void> => {
      for (let call = queue.shift(); call !== undefined; call = queue.shift()) {
        if (await callTool(urls[p]!, call, PATHS[call % PATHS.length]!)) ok++;
        else failed++;
        onProgress?.(ok + failed);
      }
    };
    await Promise.all(Array.from({ length: PER_PROCESS_CONCURRENCY }, one));
  };
  await Promise.all(urls.map((_, p) => runQueue(p)));
  return { ok, failed, seconds: (performance.now() - started) / 1000 };
};

/** Script calls Redis ran so far (EVALSHA + EVAL round trips; the commands inside a script are not counted). */
const commandsProcessed = async (redis: Redis | undefined): Promise<number> => {
  if (redis === undefined) return 0;
  const info = await redis.info("commandstats");
  let calls = 0;
  for (const match of info.matchAll(/cmdstat_(?:evalsha|eval):calls=(\d+)/g)) calls += Number(match[1]);
  return calls;
};

/** Redis's own CPU time per EVALSHA, in microseconds. */
const usecPerScript = async (redis: Redis): Promise<number> => Number(/cmdstat_evalsha:calls=\d+,usec=\d+,usec_per_call=([\d.]+)/.exec(await redis.info("commandstats"))?.[1] ?? Number.NaN);

/** One run: a fresh simulated company, four fresh processes, 400 calls. */
const run = async (label: string, redisServer: RedisServer | undefined, outage: boolean): Promise<RunFigures> => {
  const front = await startSimulatedFront({ perMinute: PER_MINUTE, burstPerSecond: BURST_PER_SECOND });
  const admin = redisServer === undefined ? undefined : new Redis(redisServer.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  // The outage run stops the server under this client too: its reconnect errors are expected.
  admin?.on("error", () => undefined);
  const bins: Array<{ url: string; stop: () => Promise<void> }> = [];
  try {
    await admin?.connect();
    await admin?.flushall();
    bins.push(...(await Promise.all(Array.from({ length: PROCESSES }, () => startBin(front.url, redisServer?.url)))));
    const commandsBefore = outage ? 0 : await commandsProcessed(admin);
    const warningsBefore = binWarnings;
    let stopped = false;
    let restarted = false;
    const pending: Array<Promise<void>> = [];
    const result = await drive(
      bins.map((b) => b.url),
      outage && redisServer !== undefined
        ? (done) => {
            if (!stopped && done >= CALLS / 3) {
              stopped = true;
              pending.push(redisServer.stop().then(() => console.log(`  [${label}] redis-server stopped after ${done} calls`)));
            } else if (stopped && !restarted && done >= (2 * CALLS) / 3) {
              restarted = true;
              pending.push(
                Promise.all(pending)
                  .then(() => redisServer.restart())
                  .then(() => console.log(`  [${label}] redis-server restarted after ${done} calls`)),
              );
            }
          }
        : undefined,
    );
    await Promise.all(pending);
    const stats = front.stats();
    const redisCommands = outage || admin === undefined ? undefined : (await commandsProcessed(admin)) - commandsBefore;
    const perScript = outage || admin === undefined ? undefined : await usecPerScript(admin);
    return {
      label,
      seconds: result.seconds,
      ok: result.ok,
      failed: result.failed,
      requests: stats.requests,
      rateLimited: stats.rateLimited,
      share: stats.requests === 0 ? 0 : stats.rateLimited / stats.requests,
      ...(redisCommands === undefined ? {} : { redisCommands }),
      ...(perScript === undefined ? {} : { usecPerScript: perScript }),
      warnings: binWarnings - warningsBefore,
    };
  } finally {
    await Promise.all(bins.map((b) => b.stop()));
    admin?.disconnect();
    await front.stop();
  }
};

/** Median extra time per call of the shared limiter: sequential calls, instant fake Front, interleaved blocks. */
const sharedLimiterLatency = async (redisUrl: string): Promise<{ localMs: number; sharedMs: number }> => {
  const headers = () => ({
    "content-type": "application/json",
    "x-ratelimit-limit": "100000",
    "x-ratelimit-remaining": "99999",
    "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 60),
  });
  const fetch = async (): Promise<Response> => new Response('{"_results":[],"_pagination":{}}', { status: 200, headers: headers() });
  const local = createFrontTools({ token: `${TOKEN}-latency`, baseUrl: "http://127.0.0.1:9", fetch });
  const shared = createFrontTools({ token: `${TOKEN}-latency`, baseUrl: "http://127.0.0.1:9", fetch, redisUrl });
  const input = { method: "GET", path: "/contacts", query: { limit: 1 } } as const;
  const times = { local: [] as number[], shared: [] as number[] };
  try {
    for (let i = 0; i < 100; i++) {
      await local.invoke("raw-api-request", input);
      await shared.invoke("raw-api-request", input);
    }
    for (let block = 0; block < 20; block++) {
      for (const [name, tools] of [["local", local], ["shared", shared]] as const) {
        for (let i = 0; i < 50; i++) {
          const t0 = performance.now();
          await tools.invoke("raw-api-request", input);
          times[name].push(performance.now() - t0);
        }
      }
    }
  } finally {
    await local.dispose();
    await shared.dispose();
  }
  return { localMs: median(times.local), sharedMs: median(times.shared) };
};

/** Heap per warm account (client, limiter, tag cache) and Redis keys/memory per account, over `n` accounts. */
const perAccount = async (redisServer: RedisServer, n: number): Promise<{ heapKiB: number; redisKeys: number; redisBytes: number }> => {
  const admin = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
  await admin.flushall();
  const gc = (globalThis as { gc?: () => void }).gc;
  const usedMemory = async (): Promise<number> => Number(/used_memory:(\d+)/.exec(await admin.info("memory"))?.[1] ?? 0);
  const fetch = async (request: Request): Promise<Response> =>
    new Response(new URL(request.url).pathname === "/tags" ? JSON.stringify({ _results: [{ id: "tag_1", name: "Urgent" }, { id: "tag_2", name: "Billing" }], _pagination: {} }) : '{"_results":[],"_pagination":{}}', {
      status: 200,
      headers: { "content-type": "application/json", "x-ratelimit-limit": "200", "x-ratelimit-remaining": "150", "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 60) },
    });
  const accounts: Array<ReturnType<typeof createFrontTools>> = [];
  try {
    gc?.();
    await sleep(50);
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const redisBefore = await usedMemory();
    for (let i = 0; i < n; i++) {
      const tools = createFrontTools({ token: `${TOKEN}-account-${i}`, baseUrl: "http://127.0.0.1:9", fetch, redisUrl: redisServer.url });
      accounts.push(tools);
      await tools.listTags();
      await tools.invoke("raw-api-request", { method: "GET", path: "/contacts", query: { limit: 1 } });
    }
    await sleep(200); // the limiter's writes to Redis are not awaited by calls
    gc?.();
    await sleep(50);
    gc?.();
    const heapKiB = (process.memoryUsage().heapUsed - heapBefore) / n / 1024;
    const redisKeys = (await admin.dbsize()) / n;
    const redisBytes = ((await usedMemory()) - redisBefore) / n;
    return { heapKiB, redisKeys, redisBytes };
  } finally {
    await Promise.all(accounts.map((a) => a.dispose()));
    admin.disconnect();
  }
};

/** Runs the benchmark and prints its figures; `pass` is false when a target is missed. */
export const runScaleOutBench = async (): Promise<{ pass: boolean }> => {
  console.log(`scale-out: ${PROCESSES} × frontkit-mcp --http, ${CALLS} calls, one simulated company (${PER_MINUTE}/min, ${BURST_PER_SECOND}/s burst per resource, ${PATHS.length} resources)`);
  if (findRedisServer() === undefined) {
    console.log("scale-out: SKIPPED — redis-server is not on PATH (apt-get install redis-server)");
    return { pass: process.env["CI"] !== "true" };
  }
  if (!existsSync(BIN)) {
    console.log(`scale-out: FAILED — ${BIN} is missing; run npm run build first`);
    return { pass: false };
  }
  const optimal = optimalSeconds();
  const redisServer = await startRedisServer();
  try {
    const shared = await run("with Redis", redisServer, false);
    const alone = await run("without Redis", undefined, false);
    const outage = await run("Redis stopped mid-run", redisServer, true);
    const latency = await sharedLimiterLatency(redisServer.url);
    const memory = await perAccount(redisServer, 300);

    const row = (r: RunFigures): string =>
      `  ${r.label.padEnd(22)} ${r.seconds.toFixed(1).padStart(6)} s  ${((optimal / r.seconds) * 100).toFixed(0).padStart(4)} % of allowed rate  ` +
      `${String(r.requests).padStart(4)} requests to Front, ${String(r.rateLimited).padStart(3)} answered 429 (${(r.share * 100).toFixed(1)} %)  ` +
      `${r.failed} failed calls` + (r.label === "without Redis" ? "" : `, ${r.warnings} "Redis unavailable" lines`);
    console.log(`  burst-optimal schedule for ${CALLS} requests: ${optimal.toFixed(1)} s`);
    for (const r of [shared, alone, outage]) console.log(row(r));
    if (firstFailure !== undefined) console.log(`  first failed call answered: ${firstFailure}`);
    const extra = latency.sharedMs - latency.localMs;
    console.log(`  shared-limiter latency per call (median, loopback): ${latency.sharedMs.toFixed(3)} ms with Redis vs ${latency.localMs.toFixed(3)} ms local = +${extra.toFixed(3)} ms`);
    if (shared.redisCommands !== undefined) {
      console.log(`  Redis script calls: ${shared.redisCommands} for ${shared.requests} requests to Front (${(shared.redisCommands / shared.requests).toFixed(1)} per request; ${(shared.redisCommands / shared.seconds).toFixed(0)}/s for this company at its full rate; ${shared.usecPerScript?.toFixed(1)} µs of Redis CPU each)`);
    }
    console.log(`  per warm account (300 accounts, each: one list-tags, one raw call): ${memory.heapKiB.toFixed(1)} KiB heap in the process, ${memory.redisKeys.toFixed(1)} Redis keys, ${(memory.redisBytes / 1024).toFixed(2)} KiB Redis memory`);

    const checks: Array<[string, boolean]> = [
      [`with Redis ≥ 90 % of the allowed rate`, optimal / shared.seconds >= 0.9],
      [`with Redis ≤ 2 % answered 429`, shared.share <= 0.02],
      [`with Redis 0 failed calls`, shared.failed === 0],
      [`Redis stopped mid-run: 0 failed calls`, outage.failed === 0],
      [`shared-limiter latency ≤ 1 ms median`, extra <= 1],
    ];
    for (const [name, ok] of checks) console.log(`  ${ok ? "✓" : "✗"} ${name}`);
    return { pass: checks.every(([, ok]) => ok) };
  } finally {
    await redisServer.stop();
  }
};

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { pass } = await runScaleOutBench();
  if (!pass) process.exitCode = 1;
}
