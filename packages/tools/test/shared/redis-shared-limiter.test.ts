/**
 * The limiter shared through Redis, end to end: Front services that stand for separate processes (each its own
 * createFrontTools, its own local limiter) keep one concurrency budget and one 429 gate between them, and a
 * Redis that stops, stalls or comes back mid-run never fails or stalls a call.
 */
import { redisTestGate, type RedisServer, startRedisServer } from "@frontkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFrontTools } from "../../src/index.js";
import { closeSharedRedis, sharedRedis } from "../../src/shared/redis-connection.js";

const gate = redisTestGate();
let tokens = 0;
const token = () => `shared-limiter-token-${Date.now()}-${tokens++}-0123456789`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fake Front whose answers take `delayMs`, recording how many requests were in flight at once. */
const slowFront = (delayMs: number, answer: (n: number) => Response = () => ok()) => {
  let inFlight = 0;
  let peak = 0;
  let calls = 0;
  const fetch = async (): Promise<Response> => {
    const n = ++calls;
    inFlight++;
    peak = Math.max(peak, inFlight);
    await sleep(delayMs);
    inFlight--;
    return answer(n);
  };
  return { fetch, peak: () => peak, calls: () => calls };
};
const ok = (headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ _results: [], _pagination: {} }), { status: 200, headers: { "content-type": "application/json", ...headers } });

describe.skipIf(!gate.available)("the rate limiter shared through a real redis-server", () => {
  let server: RedisServer;
  const warnings: string[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
    await sharedRedis(server.url, { probeIntervalMs: 200, onWarning: (l) => warnings.push(l) }).whenSettled(5_000);
  });
  afterAll(async () => {
    await closeSharedRedis();
    await server?.stop();
  });

  it("two processes' limiters keep one concurrency budget for the account (maxConcurrency 2 → at most 2 in flight in all)", async () => {
    const t = token();
    const front = slowFront(60);
    const processes = [0, 1, 2].map(() => createFrontTools({ token: t, baseUrl: "http://127.0.0.1:9", fetch: front.fetch, redisUrl: server.url, maxConcurrency: 2, burstPerSecond: 0 }));
    try {
      await Promise.all(processes.flatMap((p) => Array.from({ length: 4 }, () => p.invoke("list-contacts", { limit: 5 }))));
      expect(front.calls()).toBe(12);
      expect(front.peak()).toBe(2);
    } finally {
      await Promise.all(processes.map((p) => p.dispose()));
    }
    // Without Redis each process has its own budget of 2.
    const alone = slowFront(60);
    const separate = [0, 1, 2].map(() => createFrontTools({ token: t, baseUrl: "http://127.0.0.1:9", fetch: alone.fetch, maxConcurrency: 2, burstPerSecond: 0 }));
    try {
      await Promise.all(separate.flatMap((p) => Array.from({ length: 4 }, () => p.invoke("list-contacts", { limit: 5 }))));
      expect(alone.peak()).toBeGreaterThan(2);
    } finally {
      await Promise.all(separate.map((p) => p.dispose()));
    }
  });

  it("a 429 seen by one process closes the gate for the other: it waits the retry-after instead of sending", async () => {
    const t = token();
    const sent: number[] = [];
    const front = slowFront(1, (n) => {
      sent.push(Date.now());
      return n === 1 ? new Response(JSON.stringify({ _error: { status: 429, title: "Too Many Requests", message: "slow down" } }), { status: 429, headers: { "content-type": "application/json", "retry-after": "1" } }) : ok();
    });
    const a = createFrontTools({ token: t, baseUrl: "http://127.0.0.1:9", fetch: front.fetch, redisUrl: server.url });
    const b = createFrontTools({ token: t, baseUrl: "http://127.0.0.1:9", fetch: front.fetch, redisUrl: server.url });
    try {
      const first = a.invoke("list-contacts", { limit: 1 }); // gets the 429, then retries after 1 s
      await sleep(150);
      const started = Date.now();
      await b.invoke("list-contacts", { limit: 1 });
      expect(Date.now() - started).toBeGreaterThan(700); // b waited out a's gate
      await first;
      expect(front.calls()).toBe(3);
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });

  it("Redis stopped, stalled and restarted mid-run: every call succeeds, none waits past the bound, one line per outage, sharing resumes", async () => {
    const t = token();
    const front = slowFront(5);
    const a = createFrontTools({ token: t, baseUrl: "http://127.0.0.1:9", fetch: front.fetch, redisUrl: server.url, burstPerSecond: 0 });
    const b = createFrontTools({ token: t, baseUrl: "http://127.0.0.1:9", fetch: front.fetch, redisUrl: server.url, burstPerSecond: 0 });
    const durations: number[] = [];
    const call = async (p: typeof a) => {
      const started = Date.now();
      await p.invoke("list-contacts", { limit: 1 });
      durations.push(Date.now() - started);
    };
    const before = warnings.length;
    try {
      await Promise.all([call(a), call(b)]);
      await server.stop();
      for (let i = 0; i < 5; i++) await Promise.all([call(a), call(b)]);
      await server.restart();
      const redis = sharedRedis(server.url);
      const end = Date.now() + 15_000;
      while (!redis.available() && Date.now() < end) await sleep(50);
      expect(redis.available()).toBe(true);
      // Fresh processes (the first two still pace locally for storeRetryMs after the outage) meet a stalled Redis.
      const c = createFrontTools({ token: t, baseUrl: "http://127.0.0.1:9", fetch: front.fetch, redisUrl: server.url, burstPerSecond: 0 });
      const d = createFrontTools({ token: t, baseUrl: "http://127.0.0.1:9", fetch: front.fetch, redisUrl: server.url, burstPerSecond: 0 });
      server.freeze();
      try {
        for (let i = 0; i < 5; i++) await Promise.all([call(c), call(d)]);
      } finally {
        server.thaw();
        await c.dispose();
        await d.dispose();
      }
      expect(front.calls()).toBe(22);
      // A stalled Redis costs at most one store bound (100 ms) before the call goes local; generous for a busy machine.
      expect(Math.max(...durations)).toBeLessThan(1_500);
      const lines = warnings.slice(before);
      expect(lines.filter((l) => l.includes("unavailable"))).toHaveLength(2);
      for (const line of lines) expect(line).not.toContain(t);
      while (!redis.available() && Date.now() < end + 15_000) await sleep(50);
      expect(redis.available()).toBe(true);
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });
});
