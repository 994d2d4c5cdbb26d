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
      // One Front service shared by all calls: one limiter. One in flight, so five calls are queued behind the 429.
      const fiber = yield* Effect.all(Array.from({ length: 6 }, () => getTags), { concurrency: "unbounded" }).pipe(
        Effect.provide(layer({ fetch, burstPerSecond: 5, maxConcurrency: 1 })),
        Effect.forkChild,
      );
      const seen = yield* timeline(() => requests.length, 12_000, 50);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)), "no error surfaced");
      assert.strictEqual(seen.length, 7, "six calls, one retried");
      assert.strictEqual(seen[0], 0);
      // Every request after the 429 waited the gate: none in (0, 5 s).
      for (const t of seen.slice(1)) assert.isAtLeast(t, 5_000);
      // A 429 that does not say the company budget is spent may have been a burst limit: the resource is paced
      // from then on — a burst of 5 at once, the rest one window later (no 1-second window holds more than 5).
      const after = seen.slice(1);
      for (let i = 5; i < after.length; i++) assert.isAtLeast(after[i]! - after[i - 5]!, 1_000);
      assert.isAtMost(after[4]! - after[0]!, 100, "the burst goes at once, not 210 ms apart");
    }),
  );

  it.effect("with burstPacing always, a burst of 5 goes at once and the rest waits one window (no 1-s window holds more than 5)", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([ok()]);
      const fiber = yield* Effect.all(Array.from({ length: 10 }, () => getTags), { concurrency: "unbounded" }).pipe(
        Effect.provide(layer({ fetch, burstPerSecond: 5, burstPacing: "always" })),
        Effect.forkChild,
      );
      const seen = yield* timeline(() => requests.length, 3_000, 10);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
      assert.strictEqual(seen.length, 10);
      for (let i = 5; i < seen.length; i++) assert.isAtLeast(seen[i]! - seen[i - 5]!, 1_000);
      // A burst, not 210 ms spacing: the first 5 at once, all 10 within about one window.
      assert.isAtMost(seen[4]!, 10);
      assert.isAtMost(seen[9]!, 1_100);
    }),
  );

  it.effect("a remaining budget is spent at once, and the call past it waits for the reset", () =>
    Effect.gen(function* () {
      // 1 request left after the first answer, 0 after the second; the window resets 10 s from now.
      let remaining = 1;
      const { fetch, requests } = fakeFetch([
        () => ok({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": String(Math.max(0, remaining--)), "x-ratelimit-reset": "10" }),
      ]);
      const sequential = Effect.forEach(Array.from({ length: 3 }), () => getTags, { concurrency: 1 });
      const fiber = yield* sequential.pipe(Effect.provide(layer({ fetch })), Effect.forkChild);
      const seen = yield* timeline(() => requests.length, 12_000, 50);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
      assert.strictEqual(seen.length, 3);
      // Not spread thin over the window (it used to wait ~5 s here): the budget is Front's to give.
      assert.isAtMost(seen[1]!, 50);
      assert.isAtLeast(seen[2]!, 10_000);
      assert.isAtMost(seen[2]!, 10_500);
    }),
  );

  it.effect("with plenty of budget left and no burst 429, calls ramp up to unpaced within seconds (no 210 ms pacing)", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([ok({ "x-ratelimit-limit": "1000", "x-ratelimit-remaining": "900", "x-ratelimit-reset": "60" })]);
      const sequential = Effect.forEach(Array.from({ length: 60 }), () => getTags, { concurrency: 1 });
      const fiber = yield* sequential.pipe(Effect.provide(layer({ fetch, burstPerSecond: 5 })), Effect.forkChild);
      const seen = yield* timeline(() => requests.length, 4_000, 10);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
      assert.strictEqual(seen.length, 60);
      // Front's documented 5 at once, then 10, then 20 one window apart, each once the last was answered;
      // 20 answered unrefused in a window → unpaced from the next.
      assert.strictEqual(seen[4], 0);
      assert.isAtLeast(seen[5]!, 1_000);
      // (Bounds leave room for a loaded machine: each answer settles on real timers between clock steps.)
      assert.isAtMost(seen[59]!, 4_500, "210 ms spacing would have taken 12.4 s");
      assert.isAtMost(seen[59]! - seen[35]!, 500, "once proven, the rest go without pacing");
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
