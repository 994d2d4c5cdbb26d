/**
 * Per-call overhead benchmark: one tool call (Effect runtime, and the Promise
 * facade) against a raw `fetch` + `json()` of the same request, on the same
 * minimal local server. Rounds are interleaved so drift hits every variant alike.
 * Target: median ≤ 1.10× raw fetch.
 *
 * For attribution, and so the figure is not read as "frontkit adds nothing": the
 * lean core path the tools use (`request()`, on node:http keep-alive, which is
 * itself faster than fetch), a bare `http.request` + `JSON.parse` (the floor of
 * that transport), and openapi-fetch's `client.GET` are measured too, and the
 * tool and facade are also given as a ratio to core `request()` (what the Effect
 * layers add: limiter, retry boundary, typed errors, schema decoding, spans).
 * Burst pacing is off (it would measure the limiter's deliberate spacing, not
 * overhead); the concurrency cap stays on.
 *
 * `Effect + request()` and `Front.request()` split the tool's cost into the Effect runtime, the Front service's
 * request boundary (limiter — being reworked separately —, retry, typed errors) and the tool itself.
 *
 * Targets (issue 17): the tool's median ≤ 1.25× core `request()`'s, and ≤ 1.10× raw fetch. Each call's CPU time
 * (this process, user + system: the client side plus the local server's handling of that one request, the same
 * for every variant) is printed beside wall time: on a shared machine wall time swings with the load, CPU time
 * much less. `--cpu` makes the CPU-time ratio the one the targets are checked on.
 *
 *   npm run bench:overhead -w @frontkit/tools -- [--calls 3000] [--cpu]
 */
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { createFrontClient, request } from "@frontkit/core";
import { Effect, ManagedRuntime } from "effect";
import { createFrontTools, Front, runTool, toolsByName } from "../src/index.js";

const argIndex = process.argv.indexOf("--calls");
const calls = argIndex >= 0 ? Number(process.argv[argIndex + 1]) || 3000 : 3000;
const checkCpu = process.argv.includes("--cpu");
const TARGET_VS_CORE = 1.25;
const TARGET_VS_FETCH = 1.1;

const body = JSON.stringify({
  _pagination: { next: null },
  _links: { self: "http://127.0.0.1/teammates" },
  _results: [{ id: "tea_1", email: "a@b.co", username: "a", first_name: "A", last_name: "B", is_admin: false, is_available: true, is_blocked: false, type: "user" }],
});

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 0 ? (s[m - 1]! + s[m]!) / 2 : s[m]!;
};

const main = async () => {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "x-ratelimit-limit": "100000", "x-ratelimit-remaining": "99999" });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = { token: "tok_bench_0123456789", baseUrl: url, burstPerSecond: 0 } as const;
  const facade = createFrontTools(config);
  const runtime = ManagedRuntime.make(Front.layer(config));
  const tool = toolsByName["list-teammates"]!;
  const headers = { authorization: "Bearer tok_bench_0123456789", accept: "application/json" };

  const client = createFrontClient(config);
  const bareHttp = () =>
    new Promise<unknown>((resolve, reject) => {
      const req = httpRequest(`${url}/teammates`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });
  const variants: Record<string, () => Promise<unknown>> = {
    "raw fetch": async () => (await fetch(`${url}/teammates`, { headers })).json(),
    "bare node:http": bareHttp,
    // Attribution: how much of the tool's overhead is the core client underneath it.
    "core client.GET": () => client.GET("/teammates"),
    // The lean path the tools use: `request(client, method, template, init)`, one fetch, one parse.
    "core request()": () => request(client, "get", "/teammates"),
    // Attribution of the tool's cost, layer by layer: the Effect runtime alone around request(), then the Front
    // service's boundary (limiter, retry schedule, typed errors, request events), then the tool (input decoding,
    // paging and Schema decoding of the answer, call budget, span).
    "Effect + request()": () => runtime.runPromise(Effect.promise(() => request(client, "get", "/teammates"))),
    "Front.request()": () =>
      runtime.runPromise(
        Front.use((front) => front.request("GET /teammates", (c, control) => request(c, "get", "/teammates", { ...control }), { idempotent: true })),
      ),
    "tool (Effect)": () => runtime.runPromise(runTool(tool, {})),
    "facade (Promise)": () => facade.listTeammates({}),
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  try {
    for (const run of Object.values(variants)) for (let i = 0; i < 300; i++) await run(); // warm-up (JIT, sockets)
    const entries = Object.entries(variants);
    for (let i = 0; i < calls; i++) {
      // A fresh random order each round: a fixed order lets one variant always pay for the garbage of the one before.
      for (let j = entries.length - 1; j > 0; j--) {
        const k = Math.floor(Math.random() * (j + 1));
        [entries[j], entries[k]] = [entries[k]!, entries[j]!];
      }
      for (const [name, run] of entries) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await run();
        samples[name]!.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu[name]!.push((c.user + c.system) / 1000);
      }
    }
    const base = median(samples["raw fetch"]!);
    const lean = median(samples["core request()"]!);
    const baseCpu = median(cpu["raw fetch"]!);
    const leanCpu = median(cpu["core request()"]!);
    console.log(`per-call overhead (${calls} calls each, interleaved in random order, local server, list-teammates one page)`);
    console.log(`  ${"".padEnd(18)} ${"wall median".padEnd(38)} CPU time median (client + local server)`);
    let ok = true;
    for (const [name, xs] of Object.entries(samples)) {
      const m = median(xs);
      const mc = median(cpu[name]!);
      const ours = name === "tool (Effect)" || name === "facade (Promise)";
      const [vsFetch, vsCore] = checkCpu ? [mc / baseCpu, mc / leanCpu] : [m / base, m / lean];
      if (ours && (vsFetch > TARGET_VS_FETCH || vsCore > TARGET_VS_CORE)) ok = false;
      const layers = (x: number, l: number) => (ours ? `${(x / l).toFixed(2)}× core request()` : "");
      console.log(
        `  ${name.padEnd(18)} ${(m * 1000).toFixed(0).padStart(5)} µs ${`${(m / base).toFixed(2)}× fetch`.padEnd(12)} ${layers(m, lean).padEnd(20)}` +
          ` ${(mc * 1000).toFixed(0).padStart(5)} µs ${`${(mc / baseCpu).toFixed(2)}× fetch`.padEnd(12)} ${layers(mc, leanCpu)}`,
      );
    }
    console.log(
      `  result            ${ok ? "PASS" : "FAIL"} (targets on the ${checkCpu ? "CPU-time" : "wall"} medians: tool and facade ≤ ${TARGET_VS_CORE}× core request() and ≤ ${TARGET_VS_FETCH}× raw fetch)`,
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await facade.dispose();
    await runtime.dispose();
    await new Promise<void>((r) => server.close(() => r()));
  }
};

await main();
