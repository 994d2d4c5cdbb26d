import { redisTestGate, type RedisServer, startRedisServer } from "@frontkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LimiterConfig, LimiterStore } from "../../src/limiter-store.js";
import { accountKey } from "../../src/shared/account-key.js";
import { closeSharedRedis, redisScript, sharedRedis } from "../../src/shared/redis-connection.js";
import { makeRedisLimiterStore, SharedLimiterUnavailable } from "../../src/shared/redis-limiter-store.js";

const gate = redisTestGate();

const cfg = (over: Partial<LimiterConfig> = {}): LimiterConfig => ({
  maxConcurrency: 3,
  leaseTtlMs: 30_000,
  burstLimit: 5,
  burstWindowMs: 1_000,
  burstMarginMs: 50,
  burstPacing: "learn",
  resetMarginMs: 250,
  maxWindowMs: 60_000,
  maxWaitMs: 61_000,
  maxRetryAfterMs: 60_000,
  defaultRetryAfterMs: 1_000,
  minRetryAfterMs: 100,
  probeTimeoutMs: 5_000,
  paceBelow: 0,
  maxResources: 4,
  ...over,
});

const T0 = 1_800_000_000_000;
let n = 0;
const freshAccount = () => accountKey(`limiter-test-token-${Date.now()}-${n++}`);

describe.skipIf(!gate.available)("RedisLimiterStore against a real redis-server", () => {
  let server: RedisServer;
  let a: LimiterStore;
  let b: LimiterStore; // a second "process": same Redis, its own store object

  beforeAll(async () => {
    server = await startRedisServer();
    const redis = sharedRedis(server.url, { opTimeoutMs: 200, probeIntervalMs: 100, onWarning: () => undefined });
    await redis.whenSettled(5_000);
    a = makeRedisLimiterStore(redis);
    b = makeRedisLimiterStore(redis);
  });
  afterAll(async () => {
    await closeSharedRedis();
    await server?.stop();
  });

  it("shares the concurrency budget: leases from two processes count together; release and expiry free them", async () => {
    const acct = freshAccount();
    const c = cfg({ maxConcurrency: 2, leaseTtlMs: 1_000 });
    const first = await a.acquire(acct, "tags", T0, c);
    const second = await b.acquire(acct, "tags", T0, c);
    expect(first.granted && second.granted).toBe(true);
    if (!first.granted || !second.granted) return;
    expect(first.leaseId).not.toBe(second.leaseId);
    const third = await a.acquire(acct, "tags", T0 + 1, c);
    expect(third).toEqual({ granted: false, waitMs: 999, reason: "concurrency" });
    await b.release(acct, second.leaseId, T0 + 2);
    expect((await a.acquire(acct, "tags", T0 + 3, c)).granted).toBe(true);
    // The first lease is never released: it stops counting once it expired.
    expect((await b.acquire(acct, "tags", T0 + 4, c)).granted).toBe(false);
    expect((await b.acquire(acct, "tags", T0 + 1_000, c)).granted).toBe(true);
    expect((await a.snapshot(acct, T0 + 1_000, c)).inFlight).toBe(2);
  });

  it("spends the company budget Front reported, then waits for the reset, then lets one probe through", async () => {
    const acct = freshAccount();
    const c = cfg({ maxConcurrency: 10 });
    const resetAt = T0 + 10_000;
    await a.observe(acct, { limit: 100, remaining: 2, resetAt }, T0, c);
    const one = await a.acquire(acct, "contacts", T0, c);
    const two = await b.acquire(acct, "contacts", T0, c);
    expect(one.granted && two.granted).toBe(true);
    expect(await a.acquire(acct, "contacts", T0, c)).toEqual({ granted: false, waitMs: 10_250, reason: "budget" });
    // Out-of-order answers of one window: the lowest remaining wins; an older window is ignored.
    await b.observe(acct, { limit: 100, remaining: 0, resetAt }, T0 + 5, c);
    await a.observe(acct, { limit: 100, remaining: 1, resetAt }, T0 + 6, c);
    await a.observe(acct, { limit: 100, remaining: 50, resetAt: resetAt - 60_000 }, T0 + 7, c);
    expect((await a.snapshot(acct, T0 + 7, c)).rateLimit).toEqual({ limit: 100, remaining: 0, resetAt });
    if (one.granted) await a.release(acct, one.leaseId, T0 + 8);
    if (two.granted) await b.release(acct, two.leaseId, T0 + 8);
    const after = resetAt + 250;
    expect((await a.acquire(acct, "contacts", after, c)).granted).toBe(true); // the probe
    expect(await b.acquire(acct, "contacts", after + 1, c)).toEqual({ granted: false, waitMs: 4_999, reason: "probe" });
    await b.observe(acct, { limit: 100, remaining: 99, resetAt: after + 60_000 }, after + 10, c);
    expect((await b.acquire(acct, "contacts", after + 11, c)).granted).toBe(true);
  });

  it("a company 429 closes one shared gate (bounded), counted once; a burst 429 closes and paces only its resource", async () => {
    const acct = freshAccount();
    const c = cfg({ maxConcurrency: 50 });
    await a.trip(acct, { resource: "conversations", retryAfterMs: 2_000, tier: undefined, remaining: 0 }, T0, c);
    await b.trip(acct, { resource: "conversations", retryAfterMs: 1_000, tier: undefined, remaining: 0 }, T0, c);
    expect(await b.acquire(acct, "tags", T0 + 500, c)).toEqual({ granted: false, waitMs: 1_500, reason: "gate" });
    let snap = await a.snapshot(acct, T0, c);
    expect(snap.gateUntil).toBe(T0 + 2_000);
    expect(snap.gateTrips).toBe(1);
    // Huge and garbage retry-afters end in bounded gates.
    await a.trip(acct, { resource: "tags", retryAfterMs: 1e12, tier: undefined, remaining: 0 }, T0, c);
    expect((await a.snapshot(acct, T0, c)).gateUntil).toBe(T0 + 60_000);

    const other = freshAccount();
    await a.trip(other, { resource: "contacts", retryAfterMs: 0, tier: "burst", remaining: 40 }, T0, c);
    expect(await b.acquire(other, "contacts", T0, c)).toEqual({ granted: false, waitMs: 100, reason: "resource-gate" });
    expect((await b.acquire(other, "tags", T0, c)).granted).toBe(true);
    snap = await b.snapshot(other, T0, c);
    expect(snap.gateUntil).toBe(0);
    // Front just counted a full burst on contacts: the ring starts full, so the next start waits one window (+ margin).
    expect(snap.resources["contacts"]).toEqual({ paced: true, proven: false, gateUntil: T0 + 100, tier: "burst", recentStarts: 5 });
    expect(await a.acquire(other, "contacts", T0 + 100, c)).toEqual({ granted: false, waitMs: 950, reason: "burst" });
    // Paced now: five starts in a window, the sixth waits for the oldest to leave it.
    for (let i = 0; i < 5; i++) expect((await (i % 2 === 0 ? a : b).acquire(other, "contacts", T0 + 1_050 + i, c)).granted).toBe(true);
    expect(await a.acquire(other, "contacts", T0 + 1_060, c)).toEqual({ granted: false, waitMs: 1_040, reason: "burst" });
    expect((await a.acquire(other, "contacts", T0 + 2_100, c)).granted).toBe(true);
    expect((await a.snapshot(other, T0 + 2_100, c)).resources["contacts"]?.recentStarts).toBe(5);
  });

  it("bounds the resources tracked per account (the rest share '*')", async () => {
    const acct = freshAccount();
    const c = cfg({ maxResources: 2, maxConcurrency: 100 });
    for (const r of ["a", "b", "c", "d"]) await a.acquire(acct, r, T0, c);
    expect(Object.keys((await a.snapshot(acct, T0, c)).resources).sort()).toEqual(["*", "a", "b"]);
  });

  it("every key is under the account's hashed name and expires", async () => {
    const token = `limiter-key-token-${Date.now()}`;
    const acct = accountKey(token);
    await a.observe(acct, { limit: 100, remaining: 10, resetAt: T0 + 1_000 }, T0, cfg());
    const lease = await a.acquire(acct, "tags", T0, cfg());
    expect(lease.granted).toBe(true);
    const KEYS = redisScript("local out = {} for _, k in ipairs(redis.call('KEYS', ARGV[1])) do table.insert(out, k .. '=' .. redis.call('PTTL', k)) end return out");
    const listed = await sharedRedis(server.url).evalScript<string[]>(KEYS, [], [`*${acct}*`]);
    const rows = listed.ok ? listed.value.sort() : [];
    expect(rows.map((r) => r.split("=")[0]).sort()).toEqual([`frontkit:v1:${acct}:limiter`, `frontkit:v1:${acct}:limiter:leases`]);
    for (const row of rows) expect(Number(row.split("=")[1])).toBeGreaterThan(0);
    // A token given by mistake is hashed, never stored.
    await a.observe(token, { limit: 100, remaining: 5, resetAt: T0 + 2_000 }, T0, cfg());
    const all = await sharedRedis(server.url).evalScript<string[]>(KEYS, [], ["*"]);
    expect(all.ok && all.value.join(" ")).not.toContain(token);
  });

  it("rejects at once while Redis is down (the limiter then paces locally) and works again once it is back", async () => {
    const acct = freshAccount();
    await server.stop();
    const started = Date.now();
    await expect(a.acquire(acct, "tags", T0, cfg())).rejects.toBeInstanceOf(SharedLimiterUnavailable);
    await expect(a.observe(acct, { remaining: 1 }, T0, cfg())).rejects.toThrow(/unavailable/);
    expect(Date.now() - started).toBeLessThan(500);
    await server.restart();
    const redis = sharedRedis(server.url);
    const end = Date.now() + 15_000;
    while (!redis.available() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect((await a.acquire(acct, "tags", T0, cfg())).granted).toBe(true);
  });
});
