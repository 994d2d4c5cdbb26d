/**
 * Rate-limit benchmark: N calls of one tool through one Front service against
 * the testkit's simulated Front (sliding minute of `perMinute`, burst of
 * `burstPerSecond` per resource). Target: every call succeeds, at ≥ 95% of the
 * allowed rate (`perMinute`), with ≤ 2% of requests answered 429.
 *
 * The limiter deliberately spreads the last 20% of each window's budget until
 * the reset instead of bursting it, so it can never beat "one minute per
 * `perMinute` calls"; the least possible time (burst every window's budget,
 * including the last) is printed for reference, not as the target.
 *
 *   npm run bench:ratelimit -w @frontkit/tools                # scaled: a "minute" lasts 6 s
 *   npm run bench:ratelimit -w @frontkit/tools -- --real      # real time (about 4.5 minutes)
 *   options: --calls 500 --per-minute 100 --burst 5 --scale 10 --concurrency 5
 */
import { startSimulatedFront } from "@frontkit/testkit";
import { Clock, Effect, Exit } from "effect";
import { Front, runTool, toolsByName } from "../src/index.js";
import { scaledClock, scaledNow } from "./scaled-clock.js";

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

const real = process.argv.includes("--real");
const calls = arg("calls", 500);
const perMinute = arg("per-minute", 100);
const burst = arg("burst", 5);
const scale = real ? 1 : arg("scale", 10);
const concurrency = arg("concurrency", 5);

/**
 * The least time N calls can take under a sliding minute of L requests and B/s bursts:
 * each full minute admits L, and the last partial window still needs its burst spacing.
 */
const optimalSeconds = (n: number, l: number, b: number): number => {
  const fullWindows = Math.ceil(n / l) - 1;
  const inLast = n - fullWindows * l;
  return fullWindows * 60 + (inLast - 1) / b;
};

const main = async () => {
  const now = scaledNow(scale);
  const sim = await startSimulatedFront({ perMinute, burstPerSecond: burst, now });
  try {
    const tool = toolsByName["list-teammates"]!;
    const layer = Front.layer({ token: "tok_bench_0123456789", baseUrl: sim.url, maxConcurrency: concurrency, burstPerSecond: burst, cacheTtl: 0 });
    const program = Effect.all(
      Array.from({ length: calls }, () => Effect.exit(runTool(tool, {}))),
      { concurrency: "unbounded" },
    ).pipe(Effect.provide(layer), Effect.provideService(Clock.Clock, scaledClock(scale, now)));

    const started = now();
    const exits = await Effect.runPromise(program);
    const seconds = (now() - started) / 1000;

    const failed = exits.filter(Exit.isFailure);
    const stats = sim.stats();
    const achieved = (calls / seconds) * 60;
    const best = optimalSeconds(calls, perMinute, burst);
    const efficiency = best / seconds;
    const ofAllowed = achieved / perMinute;
    const pct429 = (stats.rateLimited / stats.requests) * 100;
    const ok = failed.length === 0 && ofAllowed >= 0.95 && pct429 <= 2;

    console.log(`rate-limit benchmark (${real ? "real time" : `scaled ×${scale}: a minute lasts ${60 / scale} s`})`);
    console.log(`  limits            ${perMinute} req/min (sliding), ${burst} req/s burst per resource`);
    console.log(`  calls             ${calls} (list-teammates, ${concurrency} in flight max), ${failed.length} failed`);
    console.log(`  duration          ${seconds.toFixed(1)} s simulated (${(seconds / scale).toFixed(1)} s wall)`);
    console.log(`  achieved rate     ${achieved.toFixed(1)} calls/min = ${(ofAllowed * 100).toFixed(1)}% of the allowed ${perMinute}/min (target ≥ 95%)`);
    console.log(`  reference         least possible time ${best.toFixed(1)} s (bursting every window) → ${(efficiency * 100).toFixed(1)}% of that`);
    console.log(`  requests          ${stats.requests}, answered 429: ${stats.rateLimited} (${pct429.toFixed(2)}%, target ≤ 2%)`);
    console.log(`  result            ${ok ? "PASS" : "FAIL"}`);
    if (failed.length > 0) console.log(`  first failure     ${String(failed[0]!.cause)}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await sim.stop();
  }
};

await main();
