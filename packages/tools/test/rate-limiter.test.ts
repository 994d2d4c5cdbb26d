import { assert, describe, it } from "@effect/vitest";
import { Effect, Exit, Fiber } from "effect";
import { Front, type FrontConfig } from "../src/index.js";
import { getTags, timeline } from "./support/boundary.js";
import { fakeFetch, frontError, json } from "./support/fake-fetch.js";

const layer = (config: Omit<FrontConfig, "token" | "baseUrl">) => Front.layer({ token: "tok_test_0123456789", baseUrl: "http://127.0.0.1:9", ...config });

const ok = (headers: Record<string, string> = {}) => json(200, { _results: [] }, headers);

describe("shared rate limiter", () => {
  it.effect("one 429 makes every queued and in-flight call wait out the same retry-after", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([
        (_req, i) => (i === 0 ? frontError(429, "slow down", { "retry-after": "5" }) : ok()),
      ]);
      // One Front service shared by all calls: one limiter.
      const fiber = yield* Effect.all(Array.from({ length: 6 }, () => getTags), { concurrency: "unbounded" }).pipe(
        Effect.provide(layer({ fetch, burstPerSecond: 5 })),
        Effect.forkChild,
      );
      const seen = yield* timeline(() => requests.length, 12_000, 50);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)), "no error surfaced");
      assert.strictEqual(seen.length, 7, "six calls, one retried");
      assert.strictEqual(seen[0], 0);
      // Every request after the 429 waited the gate: none in (0, 5 s).
      for (const t of seen.slice(1)) assert.isAtLeast(t, 5_000);
      // And after the gate they are paced at the burst rate (~210 ms apart), not all at once.
      const after = seen.slice(1);
      for (let i = 1; i < after.length; i++) assert.isAtLeast(after[i]! - after[i - 1]!, 200);
    }),
  );

  it.effect("starts are spaced by the burst limit (5 req/s)", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([ok()]);
      const fiber = yield* Effect.all(Array.from({ length: 10 }, () => getTags), { concurrency: "unbounded" }).pipe(
        Effect.provide(layer({ fetch, burstPerSecond: 5 })),
        Effect.forkChild,
      );
      const seen = yield* timeline(() => requests.length, 3_000, 10);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
      assert.strictEqual(seen.length, 10);
      // No 1-second window holds more than 5 starts.
      for (let i = 5; i < seen.length; i++) assert.isAtLeast(seen[i]! - seen[i - 5]!, 1_000);
      // …and pacing does not throttle far below the limit: 10 calls within ~2 s.
      assert.isAtMost(seen[9]!, 2_100);
    }),
  );

  it.effect("a low remaining budget is spread until the window resets", () =>
    Effect.gen(function* () {
      // 2 requests left, window resets 10 s from now.
      let remaining = 2;
      const { fetch, requests } = fakeFetch([
        () => ok({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": String(Math.max(0, remaining--)), "x-ratelimit-reset": "10" }),
      ]);
      const sequential = Effect.forEach(Array.from({ length: 3 }), () => getTags, { concurrency: 1 });
      const fiber = yield* sequential.pipe(Effect.provide(layer({ fetch, burstPerSecond: 1000 })), Effect.forkChild);
      const seen = yield* timeline(() => requests.length, 12_000, 50);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
      assert.strictEqual(seen.length, 3);
      // After "2 left, reset at 10 s" the next call waits ~half the window; after "1 left" the rest of it.
      assert.isAtLeast(seen[1]!, 4_500);
      assert.isAtMost(seen[1]!, 5_600);
      assert.isAtLeast(seen[2]!, 10_000);
    }),
  );

  it.effect("with plenty of budget left, calls go at the burst pace (a fresh window is not spread thin)", () =>
    Effect.gen(function* () {
      let remaining = 99;
      const { fetch, requests } = fakeFetch([
        () => ok({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": String(remaining--), "x-ratelimit-reset": "60" }),
      ]);
      const sequential = Effect.forEach(Array.from({ length: 10 }), () => getTags, { concurrency: 1 });
      const fiber = yield* sequential.pipe(Effect.provide(layer({ fetch, burstPerSecond: 5 })), Effect.forkChild);
      const seen = yield* timeline(() => requests.length, 3_000, 10);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
      assert.strictEqual(seen.length, 10);
      // 10 calls at ~210 ms, not 60 s / 99 ≈ 606 ms apart.
      assert.isAtMost(seen[9]!, 2_100);
    }),
  );

  it.effect("concurrency is capped (maxConcurrency)", () =>
    Effect.gen(function* () {
      let inFlight = 0;
      let peak = 0;
      const { fetch } = fakeFetch([
        async () => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await new Promise((r) => setTimeout(r, 5));
          inFlight--;
          return ok();
        },
      ]);
      const fiber = yield* Effect.all(Array.from({ length: 12 }, () => getTags), { concurrency: "unbounded" }).pipe(
        Effect.provide(layer({ fetch, maxConcurrency: 3, burstPerSecond: 10_000 })),
        Effect.forkChild,
      );
      yield* timeline(() => 0, 500, 1);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
      assert.isAtMost(peak, 3);
      assert.isAtLeast(peak, 2, "the cap is a cap, not serialization");
    }),
  );
});
