/**
 * Issue 17: the limiter paces from what Front says — burst 429s close their resource type only, every wait
 * is bounded whatever the headers say — and a shared store that fails or stalls never fails or stalls a call.
 */
import { assert, describe, it } from "@effect/vitest";
import { Effect, Exit, Fiber } from "effect";
import { Front, type FrontConfig } from "../src/index.js";
import { makeMemoryLimiterStore } from "../src/limiter-memory-store.js";
import type { LimiterStore } from "../src/limiter-store.js";
import { makeRateLimiter } from "../src/rate-limiter.js";
import { getTags, timeline } from "./support/boundary.js";
import { fakeFetch, frontError, json } from "./support/fake-fetch.js";

const layer = (config: Omit<FrontConfig, "token" | "baseUrl">) => Front.layer({ token: "tok_test_0123456789", baseUrl: "http://127.0.0.1:9", ...config });
const ok = (headers: Record<string, string> = {}) => json(200, { _results: [] }, headers);

const getContacts = Effect.gen(function* () {
  const front = yield* Front;
  return yield* front.request("GET /contacts", (client, { signal }) => client.GET("/contacts", { signal }), { idempotent: true });
});

/** Times (test clock) of the requests whose URL contains `part`. */
const timesOf = (requests: ReadonlyArray<{ url: string }>, seen: ReadonlyArray<number>, part: string): number[] =>
  requests.flatMap((r, i) => (r.url.includes(part) && seen[i] !== undefined ? [seen[i]!] : []));

describe("pacing from Front's answers", () => {
  it.effect("a burst 429 (x-front-tier) closes its resource type only: other resources go on at once", () =>
    Effect.gen(function* () {
      let contacts = 0;
      const { fetch, requests } = fakeFetch([
        (req) =>
          req.url.includes("/contacts") && contacts++ === 0
            ? frontError(429, "burst", { "retry-after": "2", "x-front-tier": "tier-1", "x-ratelimit-limit": "100", "x-ratelimit-remaining": "50", "x-ratelimit-reset": "60" })
            : ok({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": "50", "x-ratelimit-reset": "60" }),
      ]);
      const tagsLater = Effect.delay(Effect.all(Array.from({ length: 3 }, () => getTags), { concurrency: "unbounded" }), "500 millis");
      const fiber = yield* Effect.all([getContacts, tagsLater], { concurrency: "unbounded" }).pipe(Effect.provide(layer({ fetch })), Effect.forkChild);
      const seen = yield* timeline(() => requests.length, 4_000, 50);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
      const tags = timesOf(requests, seen, "/tags");
      const contactTimes = timesOf(requests, seen, "/contacts");
      assert.strictEqual(tags.length, 3);
      for (const t of tags) assert.isBelow(t, 1_000, "tags were not held by the contacts' burst gate");
      assert.strictEqual(contactTimes.length, 2);
      assert.isAtLeast(contactTimes[1]!, 2_000, "the refused contacts call waited Front's retry-after");
    }),
  );

  it.effect("the limiter's snapshot names the paced resource, its tier, and leaves the company gate open", () =>
    Effect.gen(function* () {
      const { fetch } = fakeFetch([
        (_req, i) => (i === 0 ? frontError(429, "burst", { "retry-after": "1", "x-front-tier": "tier-2", "x-ratelimit-remaining": "40" }) : ok()),
      ]);
      const fiber = yield* Effect.gen(function* () {
        yield* getContacts;
        const front = yield* Front;
        return yield* front.limiter.snapshot;
      }).pipe(Effect.provide(layer({ fetch })), Effect.forkChild);
      yield* timeline(() => 0, 2_500, 100);
      const exit = yield* Fiber.await(fiber);
      assert.isTrue(Exit.isSuccess(exit));
      if (!Exit.isSuccess(exit)) return;
      assert.strictEqual(exit.value.gateUntil, 0);
      assert.deepInclude(exit.value.resources["contacts"], { paced: true, tier: "tier-2" });
    }),
  );

  it.effect("twenty calls at once on a fresh resource: 5, then 10 one window later, then the rest (a ramp, not a stall)", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([ok()]);
      const fiber = yield* Effect.all(Array.from({ length: 20 }, () => getTags), { concurrency: "unbounded" }).pipe(
        Effect.provide(layer({ fetch })),
        Effect.forkChild,
      );
      const seen = yield* timeline(() => requests.length, 3_000, 50);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
      // Seen on the TestClock, one 50 ms step at most after the request was made (a loaded machine may need more than
      // one turn of the event loop to bring a request to fetch): 5 in the first window, 10 in the next, then the rest.
      assert.strictEqual(seen.length, 20);
      const within = (from: number, to: number, at: number): void => assert.isTrue(at >= from && at <= from + 50, `a request seen at ${at} ms, expected in [${from}, ${from + 50}] (${to} requests in that window)`);
      for (const at of seen.slice(0, 5)) within(0, 5, at);
      for (const at of seen.slice(5, 15)) within(1_050, 10, at);
      for (const at of seen.slice(15)) within(2_100, 5, at);
    }),
  );

  const secondAttemptAfter = (headers: Record<string, string>) =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([(_req, i) => (i === 0 ? frontError(429, "slow down", headers) : ok())]);
      const fiber = yield* getTags.pipe(Effect.provide(layer({ fetch })), Effect.forkChild);
      const seen = yield* timeline(() => requests.length, 70_000, 50);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)), "the call succeeded after its retry");
      assert.strictEqual(seen.length, 2);
      return seen[1]!;
    });

  it.effect("retry-after 0 waits a short, bounded pause (not a tight loop, not forever)", () =>
    Effect.gen(function* () {
      const t = yield* secondAttemptAfter({ "retry-after": "0" });
      assert.isAtLeast(t, 100);
      assert.isAtMost(t, 1_000);
    }),
  );

  it.effect("an unreadable retry-after waits the default 1 s gate", () =>
    Effect.gen(function* () {
      const t = yield* secondAttemptAfter({ "retry-after": "soon, maybe" });
      assert.isAtLeast(t, 1_000);
      assert.isAtMost(t, 2_000);
    }),
  );

  it.effect("a huge retry-after waits at most the 60 s cap", () =>
    Effect.gen(function* () {
      const t = yield* secondAttemptAfter({ "retry-after": "999999999" });
      assert.isAtLeast(t, 60_000);
      assert.isAtMost(t, 62_000);
    }),
  );

  it.effect("an x-ratelimit-reset far in the future (year 5138) with nothing left waits at most one window", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([ok({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "99999999999" })]);
      const two = Effect.forEach(Array.from({ length: 2 }), () => getTags, { concurrency: 1 });
      const fiber = yield* two.pipe(Effect.provide(layer({ fetch })), Effect.forkChild);
      const seen = yield* timeline(() => requests.length, 70_000, 250);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
      assert.strictEqual(seen.length, 2);
      assert.isAtLeast(seen[1]!, 60_000);
      assert.isAtMost(seen[1]!, 61_000);
    }),
  );

  it.effect("an x-ratelimit-reset in the past with nothing left: calls go one probe at a time, none stalls", () =>
    Effect.gen(function* () {
      // The test clock starts at 0: a reset of 0 s is already over when it arrives, on every answer.
      const { fetch, requests } = fakeFetch([ok({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "0" })]);
      // The first answer teaches "0 left, window over"; then five at once must go one at a time, each freed by an answer.
      const five = Effect.andThen(getTags, Effect.all(Array.from({ length: 5 }, () => getTags), { concurrency: "unbounded" }));
      let peak = 0;
      let inFlight = 0;
      const counting = async (req: Request) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        try {
          return await fetch(req);
        } finally {
          inFlight--;
        }
      };
      // Burst pacing off: only the company budget is under test here.
      const fiber = yield* five.pipe(Effect.provide(layer({ fetch: counting, burstPerSecond: 0 })), Effect.forkChild);
      const seen = yield* timeline(() => requests.length, 3_000, 10);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
      assert.strictEqual(seen.length, 6);
      assert.strictEqual(peak, 1, "one probe at a time");
      // Each answer frees the next probe: no call waited out the 2 s probe timeout.
      assert.isAtMost(seen[5]!, 500);
    }),
  );
});

describe("a shared limiter store that fails never fails a call", () => {
  const failing = (fail: () => never | Promise<never>): LimiterStore => ({
    acquire: () => fail(),
    release: () => fail(),
    observe: () => fail(),
    trip: () => fail(),
    snapshot: () => fail(),
  });

  const runAttempts = (store: LimiterStore, storeTimeoutMs: number, onStoreError: (e: unknown) => void) =>
    Effect.gen(function* () {
      const limiter = yield* makeRateLimiter({ store, storeTimeoutMs, onStoreError, storeRetryMs: 60_000 });
      const started = Date.now();
      const results = yield* Effect.all(
        Array.from({ length: 5 }, (_, i) => limiter.withSlot(Effect.succeed(i), "GET /tags")),
        { concurrency: "unbounded" },
      );
      limiter.observe({ limit: 100, remaining: 50, resetAt: Date.now() + 60_000 }, Date.now());
      limiter.trip(1, Date.now(), { operation: "GET /tags" });
      const snapshot = yield* limiter.snapshot;
      return { results, ms: Date.now() - started, snapshot };
    });

  it.live("a store that throws: calls go on with local pacing, one error reported", () =>
    Effect.gen(function* () {
      const errors: unknown[] = [];
      const { results, snapshot } = yield* runAttempts(
        failing(() => {
          throw new Error("connection refused");
        }),
        50,
        (e) => errors.push(e),
      );
      assert.deepStrictEqual(results, [0, 1, 2, 3, 4]);
      assert.strictEqual(errors.length, 1, "one report per outage, not one per call");
      assert.strictEqual(snapshot.rateLimit.remaining, 50, "the local view kept what Front said");
    }),
  );

  it.live("a store that rejects: the same", () =>
    Effect.gen(function* () {
      const errors: unknown[] = [];
      const { results } = yield* runAttempts(failing(() => Promise.reject(new Error("READONLY"))), 50, (e) => errors.push(e));
      assert.deepStrictEqual(results, [0, 1, 2, 3, 4]);
      assert.strictEqual(errors.length, 1);
    }),
  );

  it.live("a store that never answers: each call waits at most storeTimeoutMs for it, then paces locally", () =>
    Effect.gen(function* () {
      const errors: unknown[] = [];
      const { results, ms } = yield* runAttempts(failing(() => new Promise<never>(() => {})), 30, (e) => errors.push(e));
      assert.deepStrictEqual(results, [0, 1, 2, 3, 4]);
      assert.isBelow(ms, 2_000, "no call stalled on the store");
      assert.strictEqual(errors.length, 1);
      assert.include(String(errors[0]), "30 ms");
    }),
  );

  it.live("two limiters on one shared store share its concurrency budget (two processes, one company)", () =>
    Effect.gen(function* () {
      const inner = makeMemoryLimiterStore();
      // Behind promises, like a networked store.
      const shared: LimiterStore = {
        acquire: (...a) => Promise.resolve(inner.acquire(...a)),
        release: (...a) => Promise.resolve(inner.release(...a)),
        observe: (...a) => Promise.resolve(inner.observe(...a)),
        trip: (...a) => Promise.resolve(inner.trip(...a)),
        snapshot: (...a) => Promise.resolve(inner.snapshot(...a)),
      };
      const options = { store: shared, accountKey: "company-1", maxConcurrency: 2, storeTimeoutMs: 1_000, storePollMs: 5 };
      const a = yield* makeRateLimiter(options);
      const b = yield* makeRateLimiter(options);
      let inFlight = 0;
      let peak = 0;
      const work = Effect.gen(function* () {
        inFlight++;
        peak = Math.max(peak, inFlight);
        yield* Effect.sleep("20 millis");
        inFlight--;
      });
      const calls = [a, b, a, b, a, b].map((limiter) => limiter.withSlot(work, "GET /tags"));
      yield* Effect.all(calls, { concurrency: "unbounded" });
      assert.strictEqual(peak, 2, "at most 2 in flight across both limiters");
      assert.strictEqual(inner.snapshot("company-1", Date.now(), a.config).inFlight, 0, "every lease was returned");
    }),
  );
});
