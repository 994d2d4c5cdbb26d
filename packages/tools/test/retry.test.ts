import { assert, describe, it } from "@effect/vitest";
import { Effect, Exit, Fiber } from "effect";
import { TestClock } from "effect/testing";
import { Front, type FrontConfig, FrontRetry } from "../src/index.js";
import { CurrentRequestMeter, makeRequestMeter } from "../src/request-meter.js";
import { getTags, timeline } from "./support/boundary.js";
import { fakeFetch, frontError, json, networkError, settle } from "./support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";
const layer = (config: Omit<FrontConfig, "token" | "baseUrl">) =>
  Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, burstPerSecond: 1000, ...config });

const postMessage = Effect.gen(function* () {
  const front = yield* Front;
  return yield* front.request(
    "POST /channels/{channel_id}/messages",
    (client, { signal }) =>
      client.POST("/channels/{channel_id}/messages", { params: { path: { channel_id: "cha_1" } }, body: { to: ["a@b.c"], body: "hi" }, signal }),
    { idempotent: false },
  );
});

const ok = json(200, { _results: [], _pagination: { next: null } });

/** Advances the test clock in steps, letting the fake fetch's promises settle in between. */
const advance = (totalMs: number, stepMs = 100) =>
  Effect.gen(function* () {
    for (let t = 0; t < totalMs; t += stepMs) {
      yield* settle;
      yield* TestClock.adjust(stepMs);
    }
    yield* settle;
  });

describe("retry schedule", () => {
  it.effect("a GET is retried on 5xx and succeeds", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([frontError(500, "x"), frontError(503, "y"), ok]);
      const meter = makeRequestMeter();
      const fiber = yield* getTags.pipe(Effect.provide(layer({ fetch })), Effect.provideService(CurrentRequestMeter, meter), Effect.forkChild);
      yield* advance(10_000);
      const exit = yield* Fiber.await(fiber);
      assert.isTrue(Exit.isSuccess(exit));
      assert.strictEqual(requests.length, 3);
      assert.strictEqual(meter.attempts, 3);
    }),
  );

  it.effect("a GET is retried on a connection reset", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([networkError("ECONNRESET"), ok]);
      const fiber = yield* getTags.pipe(Effect.provide(layer({ fetch })), Effect.forkChild);
      yield* advance(5_000);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
      assert.strictEqual(requests.length, 2);
    }),
  );

  it.effect("a POST message is never retried on 5xx or on a reset", () =>
    Effect.gen(function* () {
      for (const failure of [frontError(500, "x"), frontError(502, "x"), networkError("ECONNRESET")]) {
        const { fetch, requests } = fakeFetch([failure, ok]);
        const fiber = yield* postMessage.pipe(Effect.provide(layer({ fetch })), Effect.forkChild);
        yield* advance(60_000, 1_000);
        const exit = yield* Fiber.await(fiber);
        assert.isTrue(Exit.isFailure(exit));
        assert.strictEqual(requests.length, 1, "exactly one POST on the wire");
      }
    }),
  );

  it.effect("a POST is retried on 429 (Front did not process it)", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([frontError(429, "slow down", { "retry-after": "2" }), json(202, { status: "accepted" })]);
      const fiber = yield* postMessage.pipe(Effect.provide(layer({ fetch })), Effect.forkChild);
      yield* advance(5_000);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
      assert.strictEqual(requests.length, 2);
    }),
  );

  it.effect("429 waits the retry-after (seconds) before the next attempt", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([frontError(429, "slow", { "retry-after": "7" }), ok]);
      const fiber = yield* getTags.pipe(Effect.provide(layer({ fetch })), Effect.forkChild);
      const seen = yield* timeline(() => requests.length, 10_000, 50);
      assert.strictEqual(seen.length, 2);
      const gap = seen[1]! - seen[0]!;
      assert.isAtLeast(gap, 7_000, "not before retry-after");
      assert.isAtMost(gap, 8_050, "retry-after plus at most 1 s of jitter");
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
    }),
  );

  it.effect("429 with an HTTP-date retry-after waits until that date", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.UTC(2026, 0, 1, 12, 0, 0));
      const at = new Date(Date.UTC(2026, 0, 1, 12, 0, 10)).toUTCString();
      const { fetch, requests } = fakeFetch([frontError(429, "slow", { "retry-after": at }), ok]);
      const fiber = yield* getTags.pipe(Effect.provide(layer({ fetch })), Effect.forkChild);
      yield* advance(9_800);
      assert.strictEqual(requests.length, 1);
      yield* advance(1_500);
      assert.strictEqual(requests.length, 2);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
    }),
  );

  it.effect("a retry-after beyond maxRetryAfter is capped", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([frontError(429, "slow", { "retry-after": "3600" }), ok]);
      const fiber = yield* getTags.pipe(Effect.provide(layer({ fetch, maxRetryAfter: "5 seconds" })), Effect.forkChild);
      yield* advance(6_500);
      assert.strictEqual(requests.length, 2, "waited the 5 s cap (+ jitter), not an hour");
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
    }),
  );

  it.effect("attempts are bounded (default 5) and the last error surfaces", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([frontError(503, "down")]);
      const fiber = yield* getTags.pipe(Effect.provide(layer({ fetch })), Effect.forkChild);
      yield* advance(120_000, 1_000);
      const exit = yield* Fiber.await(fiber);
      assert.isTrue(Exit.isFailure(exit));
      assert.strictEqual(requests.length, 5);
    }),
  );

  it.effect("5xx backoff grows exponentially with jitter (base 500 ms, at least half of each step)", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([frontError(500, "x")]);
      const fiber = yield* getTags.pipe(Effect.provide(layer({ fetch })), Effect.forkChild);
      const seen = yield* timeline(() => requests.length, 20_000, 25);
      assert.strictEqual(seen.length, 5);
      const gaps = seen.slice(1).map((t, i) => t - seen[i]!);
      [500, 1_000, 2_000, 4_000].forEach((full, i) => {
        assert.isAtLeast(gaps[i]!, full / 2, `gap ${i + 1} ≥ half its backoff`);
        assert.isAtMost(gaps[i]!, full + 25, `gap ${i + 1} ≤ its backoff`);
      });
      assert.isTrue(Exit.isFailure(yield* Fiber.await(fiber)));
    }),
  );

  it.effect("a user-supplied schedule replaces the default, but cannot make a POST retry on 5xx", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([frontError(500, "x"), ok]);
      const get = yield* getTags.pipe(Effect.provide(layer({ fetch, retry: FrontRetry.make({ maxAttempts: 2, baseDelay: 10 }) })), Effect.forkChild);
      yield* advance(1_000, 10);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(get)));
      assert.strictEqual(requests.length, 2);
      const post = fakeFetch([frontError(500, "x"), ok]);
      const p = yield* postMessage.pipe(Effect.provide(layer({ fetch: post.fetch, retry: FrontRetry.make({ maxAttempts: 10, baseDelay: 10 }) })), Effect.forkChild);
      yield* advance(1_000, 10);
      assert.isTrue(Exit.isFailure(yield* Fiber.await(p)));
      assert.strictEqual(post.requests.length, 1);
    }),
  );
});
