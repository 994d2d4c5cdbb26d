import { assert, describe, expectTypeOf, it } from "@effect/vitest";
import { Effect, Exit } from "effect";
import { Front, type FrontConfig, FrontRetry, type FrontToolError, runTool } from "../../src/index.js";
import { checkRawPath, nearTemplates, unsafePathReason } from "../../src/raw-paths.js";
import { rawApiRequest, rawRequest } from "../../src/tools/raw-api-request.js";
import { fakeFetch, frontError, json, networkError } from "../support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";
const layer = (config: Omit<FrontConfig, "token" | "baseUrl">) =>
  Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, burstPerSecond: 0, retry: FrontRetry.none, ...config });

const failure = <A>(exit: Exit.Exit<A, FrontToolError>): FrontToolError => {
  if (Exit.isSuccess(exit)) throw new Error("expected a failure");
  const f = exit.cause.reasons.find((r) => r._tag === "Fail");
  if (f === undefined || f._tag !== "Fail") throw new Error(String(exit.cause));
  return f.error;
};

/** Paths that must never produce a request, whatever the method. */
export const HOSTILE_PATHS: ReadonlyArray<string> = [
  "",
  "contacts",
  "https://evil.example/contacts",
  "HTTPS://evil.example/contacts",
  "http://127.0.0.1:9/contacts",
  "javascript:alert(1)",
  "//evil.example/contacts",
  "///evil.example/contacts",
  "\\\\evil.example\\contacts",
  "/\\evil.example/contacts",
  "/contacts\\crd_1",
  "/contacts/%2fcrd_1",
  "/contacts/%2F..%2Fteammates",
  "/contacts/%2e%2e/teammates",
  "/contacts/%2E",
  "/contacts/%252e%252e",
  "/contacts/%252f",
  "/contacts/%5ccrd",
  "/contacts/../teammates",
  "/contacts/..",
  "/./contacts",
  "/contacts/./crd_1",
  "/%2e%2e/%2e%2e/etc/passwd",
  "/contacts/crd_1\r\nHost: evil.example",
  "/contacts/crd_1%0d%0aHost:%20evil",
  "/contacts/crd_1%00",
  "/contacts/crd\u0000",
  "/contacts/crd\u007f",
  "/contacts/crd_1\t",
  "/contacts/crd 1",
  "/contacts/a@evil.example",
  "@evil.example/contacts",
  "/contacts@evil.example",
  "/contacts/crd_1?page_token=x",
  "/contacts#frag",
  "/contacts/",
  "/contacts//crd_1",
  "/contacts\uFF0Fcrd_1",
  "/contacts\u2215crd_1",
  "/contacts\u2044crd_1",
  "/contacts/\uFF0E\uFF0E",
  "/contacts/\u2024\u2024",
  "/contacts/\u3002",
  "/contacts/\uFF3Ccrd",
  "/contacts/%EF%BC%8Fcrd",
  "/contacts/%E2%88%95crd",
  "/contacts/%EF%BC%8E%EF%BC%8E",
  "/contacts/%C0%AF",
  "/contacts/%ZZ",
  "/contacts/%",
  "/contacts/crd_1/..",
  "/contacts/\u00e9",
  `/contacts/${"a".repeat(3000)}`,
];

describe("raw-api-request", () => {
  it.effect("GET with query: sent as the matched template on the base URL; returns status, body, rate_limit", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([
        json(200, { id: "crd_1" }, { "x-ratelimit-limit": "100", "x-ratelimit-remaining": "97", "x-ratelimit-reset": "1700000060" }),
      ]);
      const out = yield* runTool(rawApiRequest, { method: "GET", path: "/contacts/crd_1", query: { limit: 5 } }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(requests.length, 1);
      assert.strictEqual(requests[0]!.method, "GET");
      assert.strictEqual(requests[0]!.url, `${BASE}/contacts/crd_1?limit=5`);
      assert.deepStrictEqual(out, {
        status: 200,
        body: { id: "crd_1" },
        template: "/contacts/{contact_id}",
        rate_limit: { limit: 100, remaining: 97, reset_at: 1_700_000_060_000 },
      });
    }),
  );

  it.effect("q as a deep object is serialized Front's way; lowercase methods are accepted", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([json(200, { _results: [] })]);
      yield* runTool(rawApiRequest, { method: "get", path: "/conversations", query: { q: { statuses: ["assigned", "archived"] }, limit: 10 } }).pipe(
        Effect.provide(layer({ fetch })),
      );
      const url = new URL(requests[0]!.url);
      assert.strictEqual(url.pathname, "/conversations");
      assert.deepStrictEqual(url.searchParams.getAll("q[statuses][]"), ["assigned", "archived"]);
      assert.strictEqual(url.searchParams.get("limit"), "10");
    }),
  );

  it.effect("POST with a JSON body; a 204 gives body null; DELETE may carry a body", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([json(201, { id: "com_1" }), new Response(null, { status: 204 })]);
      const created = yield* runTool(rawApiRequest, { method: "POST", path: "/conversations/cnv_1/comments", body: { body: "Note" } }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(created.status, 201);
      assert.deepStrictEqual(created.body, { id: "com_1" });
      assert.strictEqual(requests[0]!.headers.get("content-type"), "application/json");
      assert.deepStrictEqual(JSON.parse(requests[0]!.body!), { body: "Note" });
      const removed = yield* runTool(rawApiRequest, { method: "DELETE", path: "/conversations/cnv_1/tags", body: { tag_ids: ["tag_1"] } }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(removed.status, 204);
      assert.strictEqual(removed.body, null);
      assert.strictEqual(requests[1]!.method, "DELETE");
      assert.deepStrictEqual(JSON.parse(requests[1]!.body!), { tag_ids: ["tag_1"] });
    }),
  );

  it.effect("literal segments win over parameters, and an encoded @ inside an alias is re-encoded, not refused", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([json(200, { id: "crd_1" })]);
      const merge = yield* runTool(rawApiRequest, { method: "POST", path: "/contacts/merge", body: { contact_ids: ["crd_1", "crd_2"] } }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(merge.template, "/contacts/merge");
      const alias = yield* runTool(rawApiRequest, { method: "GET", path: "/contacts/alt:email:jane%40example.com" }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(alias.template, "/contacts/{contact_id}");
      assert.strictEqual(new URL(requests[1]!.url).pathname, `/contacts/${encodeURIComponent("alt:email:jane@example.com")}`);
    }),
  );

  it.effect("an unknown path is InvalidInput listing near matches; a wrong method lists the allowed ones; nothing sent", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([json(200, {})]);
      const unknown = failure(yield* Effect.exit(runTool(rawApiRequest, { method: "GET", path: "/conversation/cnv_1" }).pipe(Effect.provide(layer({ fetch })))));
      assert.strictEqual(unknown._tag, "InvalidInput");
      assert.include(unknown.message, "/conversations/{conversation_id}");
      if (unknown._tag === "InvalidInput") assert.strictEqual(unknown.issues[0]!.path, "path");
      const wrong = failure(yield* Effect.exit(runTool(rawApiRequest, { method: "PUT", path: "/contacts/crd_1" }).pipe(Effect.provide(layer({ fetch })))));
      assert.strictEqual(wrong._tag, "InvalidInput");
      assert.include(wrong.message, "PUT is not allowed on /contacts/{contact_id}");
      assert.include(wrong.message, "GET");
      assert.include(wrong.message, "PATCH");
      assert.include(wrong.message, "DELETE");
      if (wrong._tag === "InvalidInput") assert.strictEqual(wrong.issues[0]!.path, "method");
      const getBody = failure(yield* Effect.exit(runTool(rawApiRequest, { method: "GET", path: "/contacts", body: { a: 1 } }).pipe(Effect.provide(layer({ fetch })))));
      assert.strictEqual(getBody._tag, "InvalidInput");
      const badMethod = failure(yield* Effect.exit(runTool(rawApiRequest, { method: "TRACE", path: "/contacts" }).pipe(Effect.provide(layer({ fetch })))));
      assert.strictEqual(badMethod._tag, "InvalidInput");
      assert.strictEqual(requests.length, 0);
    }),
  );

  it.effect("the hostile path corpus: every one refused with InvalidInput, for every method; 0 requests", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([json(200, {})]);
      for (const path of HOSTILE_PATHS) {
        for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"]) {
          const error = failure(yield* Effect.exit(runTool(rawApiRequest, { method, path }).pipe(Effect.provide(layer({ fetch })))));
          assert.strictEqual(error._tag, "InvalidInput", `${method} ${JSON.stringify(path)}`);
        }
        assert.isDefined(unsafePathReason(path) ?? (checkRawPath("get", path)._tag === "Refused" ? "refused" : undefined), JSON.stringify(path));
      }
      assert.strictEqual(requests.length, 0);
    }),
  );

  it.effect("the token never appears in a refusal, even when pasted into the path", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([json(200, {})]);
      for (const path of ["https://evil.example/?t=tok_test_0123456789", "/contacts/crd_1/tok_test_0123456789", "/tok_test_0123456789"]) {
        const error = failure(yield* Effect.exit(runTool(rawApiRequest, { method: "GET", path }).pipe(Effect.provide(layer({ fetch })))));
        assert.strictEqual(error._tag, "InvalidInput");
        assert.notInclude(JSON.stringify(error), "tok_test_0123456789");
        assert.notInclude(error.message, "tok_test_0123456789");
      }
      assert.strictEqual(requests.length, 0);
    }),
  );

  it.live("POST and PATCH are not repeated after a 5xx or reset; GET is", () =>
    Effect.gen(function* () {
      const retry = FrontRetry.make({ baseDelay: 1, maxDelay: 2 });
      for (const method of ["POST", "PATCH"] as const) {
        const { fetch, requests } = fakeFetch([frontError(502, "Bad gateway"), json(200, {})]);
        const path = method === "POST" ? "/conversations/cnv_1/comments" : "/conversations/cnv_1";
        const error = failure(yield* Effect.exit(runTool(rawApiRequest, { method, path, body: { body: "x" } }).pipe(Effect.provide(layer({ fetch, retry })))));
        assert.strictEqual(error._tag, "ServerError");
        assert.strictEqual(requests.length, 1, method);
      }
      const reset = fakeFetch([networkError("ECONNRESET"), json(200, {})]);
      const e = failure(yield* Effect.exit(runTool(rawApiRequest, { method: "POST", path: "/contacts", body: {} }).pipe(Effect.provide(layer({ fetch: reset.fetch, retry })))));
      assert.strictEqual(e._tag, "Transport");
      assert.strictEqual(reset.requests.length, 1);
      const get = fakeFetch([frontError(502, "Bad gateway"), json(200, { ok: true })]);
      const out = yield* runTool(rawApiRequest, { method: "GET", path: "/me" }).pipe(Effect.provide(layer({ fetch: get.fetch, retry })));
      assert.deepStrictEqual(out.body, { ok: true });
      assert.strictEqual(get.requests.length, 2);
    }),
  );

  it.live("a 429 is retried for POST too, and the answer's retry-after is reported on a final 429", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([frontError(429, "Too many", { "retry-after": "0" }), json(201, { id: "com_1" })]);
      const out = yield* runTool(rawApiRequest, { method: "POST", path: "/conversations/cnv_1/comments", body: { body: "x" } }).pipe(
        Effect.provide(layer({ fetch, retry: FrontRetry.default })),
      );
      assert.strictEqual(out.status, 201);
      assert.strictEqual(requests.length, 2);
      const limited = fakeFetch([frontError(429, "Too many", { "retry-after": "7", "x-ratelimit-limit": "100", "x-ratelimit-remaining": "0" })]);
      const error = failure(yield* Effect.exit(runTool(rawApiRequest, { method: "GET", path: "/me" }).pipe(Effect.provide(layer({ fetch: limited.fetch })))));
      assert.strictEqual(error._tag, "RateLimited");
      assert.strictEqual(error.retryAfterMs, 7000);
    }),
  );

  it.effect("a 301 (merged conversation) comes back with its location, not followed", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([new Response(null, { status: 301, headers: { location: "https://acme.api.frontapp.com/conversations/cnv_2" } })]);
      const out = yield* runTool(rawApiRequest, { method: "GET", path: "/conversations/cnv_1" }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(out.status, 301);
      assert.strictEqual(out.location, "https://acme.api.frontapp.com/conversations/cnv_2");
      assert.strictEqual(out.body, null);
      assert.strictEqual(requests.length, 1);
    }),
  );

  it.effect("typed rawRequest: path params and body typed by the spec, same boundary", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([json(200, { id: "crd_1", name: "Jane" })]);
      const out = yield* rawRequest("get", "/contacts/{contact_id}", { params: { path: { contact_id: "crd_1" } } }).pipe(Effect.provide(layer({ fetch })));
      // Checked by tsc (npm run typecheck): the body is the spec's contact, not any/unknown.
      expectTypeOf(out.body).not.toBeAny();
      expectTypeOf(out.body).not.toBeUnknown();
      if (out.body !== null) expectTypeOf(out.body.name).toEqualTypeOf<string | undefined>();
      assert.strictEqual(out.body?.name, "Jane");
      assert.strictEqual(requests[0]!.url, `${BASE}/contacts/crd_1`);
      const bad = failure(
        yield* Effect.exit(
          rawRequest("get", "/nope" as "/contacts/{contact_id}", { params: { path: { contact_id: "crd_1" } } }).pipe(Effect.provide(layer({ fetch }))),
        ),
      );
      assert.strictEqual(bad._tag, "InvalidInput");
      assert.strictEqual(requests.length, 1);
      if (false as boolean) {
        // @ts-expect-error not a path of the spec
        rawRequest("get", "/contactz/{contact_id}", { params: { path: { contact_id: "x" } } });
        // @ts-expect-error PUT is not defined on /contacts/{contact_id}
        rawRequest("put", "/contacts/{contact_id}", { params: { path: { contact_id: "x" } } });
        // @ts-expect-error the path parameter is required
        rawRequest("get", "/contacts/{contact_id}", { params: {} });
        // @ts-expect-error a tag body needs tag_ids
        rawRequest("post", "/conversations/{conversation_id}/tags", { params: { path: { conversation_id: "cnv_1" } }, body: { tags: [] } });
      }
    }),
  );

  it("near templates rank the same depth and shared literals first", () => {
    assert.include(nearTemplates("/conversation/cnv_1"), "/conversations/{conversation_id}");
    assert.include(nearTemplates("/contacts/crd_1/note"), "/contacts/{contact_id}/notes");
    assert.strictEqual(nearTemplates("/x").length, 5);
  });
});
