/** Issue 16 (1): rate-limit headers from a hostile Front are sanitised once; every wait they cause is bounded. */
import { assert, describe, it } from "@effect/vitest";
import { Effect, Exit, Fiber, Schema } from "effect";
import { Front, type FrontConfig, FrontRetry, FrontToolErrorSchema, type FrontToolError } from "../src/index.js";
import { getTags, timeline } from "./support/boundary.js";
import { fakeFetch, frontError, json } from "./support/fake-fetch.js";

const layer = (config: Omit<FrontConfig, "token" | "baseUrl">) => Front.layer({ token: "tok_test_0123456789", baseUrl: "http://127.0.0.1:9", ...config });
const ok = (headers: Record<string, string> = {}) => json(200, { _results: [] }, headers);

const failureOf = <A>(exit: Exit.Exit<A, FrontToolError>): FrontToolError => {
  if (Exit.isSuccess(exit)) throw new Error("expected a failure");
  const found = exit.cause.reasons.find((r) => r._tag === "Fail");
  if (found === undefined || found._tag !== "Fail") throw new Error(`no typed failure in ${String(exit.cause)}`);
  return found.error;
};

describe("hostile rate-limit headers", () => {
  for (const remaining of ["0.5", "0.001"]) {
    it.effect(`a fractional remaining ${remaining} never stretches a wait past the 60 s window`, () =>
      Effect.gen(function* () {
        // The window resets 60 s from now (unix seconds on the test clock, which starts at 0).
        const { fetch, requests } = fakeFetch([
          () => ok({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": remaining, "x-ratelimit-reset": "60" }),
        ]);
        const two = Effect.forEach(Array.from({ length: 2 }), () => getTags, { concurrency: 1 });
        const fiber = yield* two.pipe(Effect.provide(layer({ fetch, burstPerSecond: 1000 })), Effect.forkChild);
        const seen = yield* timeline(() => requests.length, 70_000, 250);
        assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
        assert.strictEqual(seen.length, 2);
        // 0.5 used to mean "half a request": the 60 s left divided by 0.5 = 120 s (0.001: 16.7 hours).
        assert.isAtMost(seen[1]!, 61_000);
      }),
    );
  }

  it.effect("absurd 429 headers give a typed RateLimited with clamped values, not a schema defect", () =>
    Effect.gen(function* () {
      const { fetch } = fakeFetch([
        frontError(429, "slow down", {
          "retry-after": "10000000000000",
          "x-ratelimit-limit": "10000000000000000",
          "x-ratelimit-remaining": "0.001",
          "x-ratelimit-reset": `1${"0".repeat(300)}`,
        }),
      ]);
      const exit = yield* getTags.pipe(Effect.provide(layer({ fetch, retry: FrontRetry.none })), Effect.exit);
      const error = failureOf(exit);
      assert.strictEqual(error._tag, "RateLimited");
      if (error._tag !== "RateLimited") return;
      assert.strictEqual(error.retryAfterMs, 3_600_000);
      assert.strictEqual(error.limit, 1_000_000);
      assert.strictEqual(error.remaining, 0);
      assert.include(error.message, "Retry after 3600 s");
      // It crosses a process boundary as JSON and decodes back.
      const decoded = Schema.decodeUnknownSync(FrontToolErrorSchema)(JSON.parse(JSON.stringify(error)));
      assert.strictEqual(decoded._tag, "RateLimited");
    }),
  );

  it.effect("a 429 asking for 10^13 s pauses at most the 60 s cap before the retry", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([
        (_req, i) => (i === 0 ? frontError(429, "slow down", { "retry-after": "10000000000000", "x-ratelimit-reset": "1e300" }) : ok()),
      ]);
      const fiber = yield* getTags.pipe(Effect.provide(layer({ fetch, burstPerSecond: 1000 })), Effect.forkChild);
      const seen = yield* timeline(() => requests.length, 65_000, 500);
      assert.isTrue(Exit.isSuccess(yield* Fiber.await(fiber)));
      assert.strictEqual(seen.length, 2);
      assert.isAtMost(seen[1]!, 62_000);
    }),
  );
});
