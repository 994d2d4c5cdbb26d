/** Tools recognise core's errors by core's brand (any copy of core), and read Front's _error body through core. */
import { assert, describe, it } from "@effect/vitest";
import { FrontResponseError, FrontTimeoutError } from "@frontkit/core";
import { Effect } from "effect";
import { Front, FrontRetry } from "../src/index.js";
import { errorFromResponse, errorFromThrown, transportReason } from "../src/http-errors.js";

const BRAND = Symbol.for("@frontkit/core/error-kind");
const layer = (fetch: (req: Request) => Promise<Response>) =>
  Front.layer({ token: "tok_test_0123456789", baseUrl: "http://127.0.0.1:9", fetch, burstPerSecond: 0, retry: FrontRetry.none });

describe("core errors in tools", () => {
  it("a FrontResponseError, from this copy of core or another, is UnexpectedResponse; a lookalike by name is a transport failure", () => {
    const own = errorFromThrown("GET /me", new FrontResponseError({ status: 200, message: "not JSON <html>", requestId: "req_1", rateLimit: {} }), true);
    assert.strictEqual(own._tag, "UnexpectedResponse");
    assert.strictEqual(own.status, 200);
    assert.strictEqual(own.requestId, "req_1");
    const other = Object.assign(new Error("not JSON"), { [BRAND]: "FrontResponseError", status: 200, requestId: undefined });
    assert.strictEqual(errorFromThrown("GET /me", other, true)._tag, "UnexpectedResponse");
    const lookalike = Object.assign(new Error("not JSON"), { name: "FrontResponseError", status: 200 });
    assert.strictEqual(errorFromThrown("GET /me", lookalike, true)._tag, "Transport");
  });

  it("core's timeout is recognised by its brand", () => {
    assert.strictEqual(transportReason(new FrontTimeoutError({ timeoutMs: 5, method: "GET", path: "/me" })), "timeout");
    assert.strictEqual(transportReason(Object.assign(new Error("x"), { name: "FrontTimeoutError" })), "other");
  });

  it.effect("a core FrontInputError thrown by the call is InvalidInput naming its field; a lookalike by name is not", () =>
    Effect.gen(function* () {
      const front = yield* Front;
      const input = yield* Effect.flip(
        front.request("GET /me", () => Promise.reject(Object.assign(new Error("bad id"), { [BRAND]: "FrontInputError", field: "params.path.id" })), { idempotent: true }),
      );
      assert.strictEqual(input._tag, "InvalidInput");
      assert.include(JSON.stringify(input), "params.path.id");
      const lookalike = yield* Effect.flip(
        front.request("GET /me", () => Promise.reject(Object.assign(new Error("bad id"), { name: "FrontInputError", field: "x" })), { idempotent: true }),
      );
      assert.strictEqual(lookalike._tag, "Transport");
    }).pipe(Effect.provide(layer(() => Promise.reject(new Error("unused"))))),
  );

  it("Front's _error body is read by core's one reader: title, message, details (scrubbed); empty details left out", () => {
    const scrub = (t: string) => t.replaceAll("SECRET", "<redacted>");
    const e = errorFromResponse({
      operation: "POST /contacts",
      status: 400,
      body: { _error: { status: 400, title: "Bad SECRET", message: "handles invalid", details: ["handles[0]", { at: "SECRET" }] } },
      rateLimit: {},
      idempotent: false,
      scrub,
    });
    if (e._tag !== "Validation") throw new Error(`expected Validation, got ${e._tag}`);
    assert.strictEqual(e.title, "Bad <redacted>");
    assert.deepStrictEqual(e.details, ["handles[0]", '{"at":"<redacted>"}']);
    assert.include(e.message, "Front said: handles invalid.");
    const bare = errorFromResponse({ operation: "GET /me", status: 404, body: { _error: { details: [] } }, rateLimit: {}, idempotent: true, scrub });
    if (bare._tag !== "NotFound") throw new Error(`expected NotFound, got ${bare._tag}`);
    assert.isUndefined(bare.details);
    assert.isUndefined(bare.title);
  });
});
