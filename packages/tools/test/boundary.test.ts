import { assert, describe, it } from "@effect/vitest";
import { Effect, Exit, Fiber, Layer } from "effect";
import { Front, type FrontConfig, FrontRetry, type FrontToolError } from "../src/index.js";
import { getTags } from "./support/boundary.js";
import { fakeFetch, frontError, json, networkError, settle } from "./support/fake-fetch.js";

const TOKEN = "tok_SECRET_0123456789";
const BASE = "http://127.0.0.1:9";

const frontLayer = (config: Omit<FrontConfig, "token" | "baseUrl">) =>
  Front.layer({ token: TOKEN, baseUrl: BASE, burstPerSecond: 1000, ...config });

const postContact = Effect.gen(function* () {
  const front = yield* Front;
  return yield* front.request(
    "POST /contacts",
    (client, { signal }) => client.POST("/contacts", { body: { handles: [{ source: "email", handle: "a@b.c" }] }, signal }),
    { idempotent: false },
  );
});

const failureOf = <A>(exit: Exit.Exit<A, FrontToolError>): FrontToolError => {
  assert.isTrue(Exit.isFailure(exit), "expected a failure");
  if (Exit.isSuccess(exit)) throw new Error("unreachable");
  const found = exit.cause.reasons.find((r) => r._tag === "Fail");
  if (found === undefined || found._tag !== "Fail") throw new Error(`no typed failure in ${String(exit.cause)}`);
  return found.error;
};

const expectNoToken = (e: unknown) => {
  const text = `${JSON.stringify(e)} ${String(e)} ${(e as Error).message} ${(e as Error).stack ?? ""}`;
  assert.notInclude(text, TOKEN);
};

describe("boundary: HTTP status → typed error", () => {
  const cases: ReadonlyArray<readonly [number, FrontToolError["_tag"], boolean]> = [
    [400, "Validation", false],
    [422, "Validation", false],
    [401, "Unauthorized", false],
    [403, "Forbidden", false],
    [404, "NotFound", false],
    [409, "Conflict", false],
    [429, "RateLimited", true],
    [500, "ServerError", true],
    [502, "ServerError", true],
    [503, "ServerError", true],
    [302, "UnexpectedResponse", false],
    [418, "UnexpectedResponse", false],
  ];
  for (const [status, tag, retryable] of cases) {
    it.effect(`${status} → ${tag}`, () =>
      Effect.gen(function* () {
        // Front's body echoing the token must not leak it either.
        const { fetch, requests } = fakeFetch([
          frontError(status, `bad thing with ${TOKEN}`, { "x-request-id": "req_1", "retry-after": "3" }, [`detail ${TOKEN}`]),
        ]);
        const exit = yield* getTags.pipe(Effect.provide(frontLayer({ fetch, retry: FrontRetry.none })), Effect.exit);
        const error = failureOf(exit);
        assert.strictEqual(error._tag, tag);
        assert.strictEqual(error.status, status);
        assert.strictEqual(error.retryable, retryable);
        assert.strictEqual(error.requestId, "req_1");
        assert.match(error.message, /\.$/);
        assert.include(error.message, "GET /tags");
        expectNoToken(error);
        assert.strictEqual(requests.length, 1);
        if (status === 400 || status === 422) assert.deepStrictEqual(error.details, ["detail <redacted>"]);
      }),
    );
  }

  it.effect("429 carries retry-after, limit, remaining, reset and tier", () =>
    Effect.gen(function* () {
      const { fetch } = fakeFetch([
        frontError(429, "Too many", {
          "retry-after": "12",
          "x-ratelimit-limit": "100",
          "x-ratelimit-remaining": "7",
          "x-ratelimit-reset": "1800000000",
          "x-front-tier": "burst",
        }),
      ]);
      const error = failureOf(yield* getTags.pipe(Effect.provide(frontLayer({ fetch, retry: FrontRetry.none })), Effect.exit));
      assert.strictEqual(error._tag, "RateLimited");
      if (error._tag !== "RateLimited") return;
      assert.strictEqual(error.retryAfterMs, 12_000);
      assert.strictEqual(error.limit, 100);
      assert.strictEqual(error.remaining, 7);
      assert.strictEqual(error.resetAt, 1_800_000_000_000);
      assert.strictEqual(error.tier, "burst");
    }),
  );

  it.effect("500 on a POST is not retryable", () =>
    Effect.gen(function* () {
      const { fetch } = fakeFetch([frontError(500, "boom")]);
      const error = failureOf(yield* postContact.pipe(Effect.provide(frontLayer({ fetch, retry: FrontRetry.none })), Effect.exit));
      assert.strictEqual(error._tag, "ServerError");
      assert.isFalse(error.retryable);
    }),
  );

  it.effect("a non-JSON 200 → UnexpectedResponse", () =>
    Effect.gen(function* () {
      const { fetch } = fakeFetch([new Response("<html>hi</html>", { status: 200, headers: { "content-type": "text/html" } })]);
      const error = failureOf(yield* getTags.pipe(Effect.provide(frontLayer({ fetch })), Effect.exit));
      assert.strictEqual(error._tag, "UnexpectedResponse");
      assert.strictEqual(error.status, 200);
    }),
  );

  for (const [code, reason] of [
    ["ECONNRESET", "reset"],
    ["UND_ERR_SOCKET", "reset"],
    ["ENOTFOUND", "dns"],
    ["EAI_AGAIN", "dns"],
    ["EWHATEVER", "other"],
  ] as const) {
    it.effect(`fetch failure ${code} → Transport(${reason})`, () =>
      Effect.gen(function* () {
        const { fetch, requests } = fakeFetch([networkError(code)]);
        const error = failureOf(yield* getTags.pipe(Effect.provide(frontLayer({ fetch, retry: FrontRetry.none })), Effect.exit));
        assert.strictEqual(error._tag, "Transport");
        if (error._tag === "Transport") assert.strictEqual(error.reason, reason);
        assert.strictEqual(requests.length, 1);
        expectNoToken(error);
      }),
    );
  }

  it.live("a request slower than timeoutMs → Transport(timeout)", () =>
    Effect.gen(function* () {
      const { fetch } = fakeFetch([(req) => new Promise<Response>((_, reject) => req.signal.addEventListener("abort", () => reject(req.signal.reason)))]);
      const error = failureOf(yield* getTags.pipe(Effect.provide(frontLayer({ fetch, timeoutMs: 30, retry: FrontRetry.none })), Effect.exit));
      assert.strictEqual(error._tag, "Transport");
      if (error._tag === "Transport") assert.strictEqual(error.reason, "timeout");
      assert.isTrue(error.retryable, "a timed-out GET is safe to retry");
    }),
  );

  it.effect("a bad base URL or empty token fails the layer with InvalidInput, without the token", () =>
    Effect.gen(function* () {
      const bad = yield* Effect.exit(Layer.build(Front.layer({ token: TOKEN, baseUrl: "http://example.com" })).pipe(Effect.scoped));
      assert.isTrue(Exit.isFailure(bad));
      const empty = yield* Effect.exit(Layer.build(Front.layer({ token: "" })).pipe(Effect.scoped));
      assert.isTrue(Exit.isFailure(empty));
      expectNoToken(bad);
    }),
  );

  it.effect("interruption aborts the in-flight fetch", () =>
    Effect.gen(function* () {
      let aborted = false;
      const { fetch, requests } = fakeFetch([
        (req) =>
          new Promise<Response>((_, reject) =>
            req.signal.addEventListener("abort", () => {
              aborted = true;
              reject(req.signal.reason);
            }),
          ),
      ]);
      const fiber = yield* getTags.pipe(Effect.provide(frontLayer({ fetch })), Effect.forkChild);
      yield* settle;
      assert.strictEqual(requests.length, 1);
      yield* Fiber.interrupt(fiber);
      yield* settle;
      assert.isTrue(aborted);
    }),
  );
});
