/**
 * raw-api-request's auto_paginate: list operations are read page after page through the tools' collectPages,
 * following `_pagination.next` by its page token on the configured base URL only, bounded by max_results, with
 * progress; it is refused on operations that are not lists.
 */
import { Cause, Effect, Exit } from "effect";
import { describe, expect, it } from "vitest";
import { Front, FrontRetry, ProgressReporter, type ProgressUpdate, runTool } from "../../src/index.js";
import { rawApiRequest } from "../../src/tools/raw-api-request.js";
import { fakeFetch, json } from "../support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";
const page = (ids: ReadonlyArray<string>, next: string | null) => json(200, { _pagination: { next }, _results: ids.map((id) => ({ id })) }, { "x-ratelimit-remaining": "42" });

const run = async (input: unknown, script: Parameters<typeof fakeFetch>[0]) => {
  const { fetch, requests } = fakeFetch(script);
  const progress: ProgressUpdate[] = [];
  const layer = Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, fetch, retry: FrontRetry.none, burstPerSecond: 0, cacheTtl: 0 });
  const exit = await Effect.runPromiseExit(
    runTool(rawApiRequest, input).pipe(Effect.provideService(ProgressReporter, (p) => progress.push(p)), Effect.provide(layer)),
  );
  return { exit, requests, progress };
};

describe("raw-api-request auto_paginate", () => {
  it("follows next by its page token on the base URL only, up to max_results, with progress", async () => {
    const { exit, requests, progress } = await run({ method: "GET", path: "/contacts/crd_1/conversations", query: { limit: 2 }, auto_paginate: true, max_results: 5 }, [
      page(["cnv_1", "cnv_2"], "https://evil.example/contacts/crd_1/conversations?page_token=p2"),
      page(["cnv_3", "cnv_4"], "https://acme.api.frontapp.com/contacts/crd_1/conversations?page_token=p3"),
      page(["cnv_5"], "https://acme.api.frontapp.com/contacts/crd_1/conversations?page_token=p4"),
    ]);
    if (!Exit.isSuccess(exit)) throw new Error(String(exit.cause));
    const out = exit.value;
    expect((out.body as { _results: ReadonlyArray<{ id: string }> })._results.map((c) => c.id)).toEqual(["cnv_1", "cnv_2", "cnv_3", "cnv_4", "cnv_5"]);
    expect(out.pages).toBe(3);
    expect(out.has_more).toBe(true);
    expect(out.operation_id).toBe("list-contact-conversations");
    expect(out.rate_limit.remaining).toBe(42);
    expect(requests.map((r) => new URL(r.url).origin)).toEqual([BASE, BASE, BASE]);
    expect(requests.map((r) => new URL(r.url).searchParams.get("page_token"))).toEqual([null, "p2", "p3"]);
    // The last page asks only for what is still wanted.
    expect(new URL(requests[2]!.url).searchParams.get("limit")).toBe("1");
    expect(progress.length).toBeGreaterThanOrEqual(3);
  });

  it("stops at the end of the list", async () => {
    const { exit, requests } = await run({ method: "GET", path: "/tags", auto_paginate: true }, [page(["tag_1"], `${BASE}/tags?page_token=p2`), page(["tag_2"], null)]);
    if (!Exit.isSuccess(exit)) throw new Error(String(exit.cause));
    expect(exit.value.has_more).toBe(false);
    expect(exit.value.next_page_token).toBeUndefined();
    expect(requests).toHaveLength(2);
  });

  it("is refused on an operation that is not a list, and max_results needs auto_paginate; nothing is sent", async () => {
    for (const input of [
      { method: "GET", path: "/me", auto_paginate: true },
      { method: "GET", path: "/tags", max_results: 10 },
    ]) {
      const { exit, requests } = await run(input, []);
      expect(requests).toHaveLength(0);
      const error = Exit.isFailure(exit) ? Cause.findErrorOption(exit.cause) : undefined;
      expect(error?._tag === "Some" ? error.value._tag : "none").toBe("InvalidInput");
    }
  });
});
