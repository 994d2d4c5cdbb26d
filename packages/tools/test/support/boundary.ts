/** Shared pieces of the boundary, retry and limiter tests: a GET through `front.request`, and a request timeline on the TestClock. */
import { Clock, Effect } from "effect";
import { TestClock } from "effect/testing";
import { Front } from "../../src/index.js";
import { settle } from "./fake-fetch.js";

/** `GET /tags` through the boundary (idempotent), via openapi-fetch with the control's lazy signal. */
export const getTags = Effect.gen(function* () {
  const front = yield* Front;
  return yield* front.request("GET /tags", (client, { signal }) => client.GET("/tags", { signal }), { idempotent: true });
});

/** Advances the test clock by `totalMs` in steps; returns the test time at which each new request was first seen. */
export const timeline = (count: () => number, totalMs: number, stepMs: number) =>
  Effect.gen(function* () {
    const seen: number[] = [];
    for (let t = 0; t <= totalMs; t += stepMs) {
      yield* settle;
      const now = yield* Clock.currentTimeMillis;
      while (seen.length < count()) seen.push(now);
      yield* TestClock.adjust(stepMs);
    }
    return seen;
  });
