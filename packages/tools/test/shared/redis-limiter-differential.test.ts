/**
 * The Redis limiter store must decide exactly like the memory store (limiter-decision.ts): random sequences of
 * operations run against both, every answer and every snapshot compared.
 */
import { redisTestGate, type RedisServer, startRedisServer } from "@frontkit/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeMemoryLimiterStore } from "../../src/limiter-memory-store.js";
import { resolveLimiterConfig } from "../../src/limiter-options.js";
import type { LimiterConfig, LimiterStore } from "../../src/limiter-store.js";
import { accountKey } from "../../src/shared/account-key.js";
import { closeSharedRedis, sharedRedis } from "../../src/shared/redis-connection.js";
import { makeRedisLimiterStore } from "../../src/shared/redis-limiter-store.js";

const gate = redisTestGate();

type Op =
  | { readonly kind: "acquire"; readonly dt: number; readonly resource: string }
  | { readonly kind: "release"; readonly dt: number; readonly pick: number }
  | { readonly kind: "observe"; readonly dt: number; readonly limit?: number; readonly remaining?: number; readonly resetIn?: number }
  | { readonly kind: "trip"; readonly dt: number; readonly resource: string; readonly retryAfterMs?: number; readonly tier?: string; readonly remaining?: number };

const resource = fc.constantFrom("tags", "contacts", "conversations", "inboxes", "other");
const dt = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 300, max: 70_000 }));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("acquire" as const), dt, resource }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("release" as const), dt, pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        kind: fc.constant("observe" as const),
        dt,
        limit: fc.constantFrom(50, 100, 200),
        remaining: fc.integer({ min: 0, max: 12 }),
        resetIn: fc.oneof(fc.integer({ min: -5_000, max: 70_000 }), fc.constant(200_000)),
      },
      { requiredKeys: ["kind", "dt"] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        kind: fc.constant("trip" as const),
        dt,
        resource,
        retryAfterMs: fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.constant(1e9), fc.constant(Number.NaN)),
        tier: fc.constantFrom("burst", "1"),
        remaining: fc.integer({ min: 0, max: 5 }),
      },
      { requiredKeys: ["kind", "dt", "resource"] },
    ),
  },
);

const configs: ReadonlyArray<LimiterConfig> = [
  resolveLimiterConfig({ maxConcurrency: 3 }),
  { ...resolveLimiterConfig({ maxConcurrency: 2, burstPacing: "always" }), leaseTtlMs: 5_000, paceBelow: 0.2, maxResources: 3 },
];

describe.skipIf(!gate.available)("RedisLimiterStore decides like the memory store", () => {
  let server: RedisServer;
  let redisStore: LimiterStore;
  let run = 0;

  beforeAll(async () => {
    server = await startRedisServer();
    const redis = sharedRedis(server.url, { opTimeoutMs: 2_000, onWarning: () => undefined });
    await redis.whenSettled(5_000);
    redisStore = makeRedisLimiterStore(redis);
  });
  afterAll(async () => {
    await closeSharedRedis();
    await server?.stop();
  });

  it.each(configs.map((cfg, i) => [i, cfg] as const))("config %i: same answers and snapshots for random operation sequences", async (_, cfg) => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
        const memory = makeMemoryLimiterStore();
        const account = accountKey(`differential-${Date.now()}-${run++}`);
        let now = 1_800_000_000_000;
        const leases: string[] = [];
        for (const o of ops) {
          now += o.dt;
          switch (o.kind) {
            case "acquire": {
              const [m, r] = [memory.acquire(account, o.resource, now, cfg), await redisStore.acquire(account, o.resource, now, cfg)];
              expect(r).toEqual(m);
              if (m.granted) leases.push(m.leaseId);
              break;
            }
            case "release": {
              if (leases.length === 0) break;
              const [id] = leases.splice(o.pick % leases.length, 1);
              memory.release(account, id!, now);
              await redisStore.release(account, id!, now);
              break;
            }
            case "observe": {
              const info = {
                ...(o.limit === undefined ? {} : { limit: o.limit }),
                ...(o.remaining === undefined ? {} : { remaining: o.remaining }),
                ...(o.resetIn === undefined ? {} : { resetAt: now + o.resetIn }),
              };
              memory.observe(account, info, now, cfg);
              await redisStore.observe(account, info, now, cfg);
              break;
            }
            case "trip": {
              const info = { resource: o.resource, retryAfterMs: o.retryAfterMs, tier: o.tier, remaining: o.remaining };
              memory.trip(account, info, now, cfg);
              await redisStore.trip(account, info, now, cfg);
              break;
            }
          }
          expect(await redisStore.snapshot(account, now, cfg)).toEqual(memory.snapshot(account, now, cfg));
        }
      }),
      { numRuns: 60 },
    );
  });
});
