/**
 * raw-api-request checks path parameters, query and body against the operation's schemas from the corrected
 * spec before sending: the calls measured going to Front unchecked (issue 12) are refused with every problem,
 * its path and the operation's expected shape, and nothing is sent.
 */
import { Cause, Effect, Exit } from "effect";
import { describe, expect, it } from "vitest";
import { Front, FrontRetry, type InvalidInput, runTool } from "../../src/index.js";
import { rawApiRequest } from "../../src/tools/raw-api-request.js";
import { fakeFetch, json } from "../support/fake-fetch.js";

const run = async (input: unknown) => {
  const { fetch, requests } = fakeFetch([() => json(200, { _results: [] })]);
  const layer = Front.layer({ token: "tok_test_0123456789", baseUrl: "http://127.0.0.1:9", fetch, retry: FrontRetry.none, burstPerSecond: 0, cacheTtl: 0 });
  const exit = await Effect.runPromiseExit(runTool(rawApiRequest, input).pipe(Effect.provide(layer)));
  return { exit, requests };
};

const refusal = async (input: unknown): Promise<InvalidInput> => {
  const { exit, requests } = await run(input);
  expect(requests).toHaveLength(0);
  expect(Exit.isFailure(exit)).toBe(true);
  const error = Exit.isFailure(exit) ? Cause.findErrorOption(exit.cause) : undefined;
  if (error === undefined || error._tag !== "Some" || error.value._tag !== "InvalidInput") throw new Error(`expected InvalidInput, got ${String(error)}`);
  return error.value;
};

describe("raw-api-request: the operation's schemas are checked before sending", () => {
  it("PATCH /conversations/{id} with an unknown status → body.status lists the allowed values", async () => {
    const error = await refusal({ method: "PATCH", path: "/conversations/cnv_1", body: { status: "exploded" } });
    expect(error.issues).toContainEqual({ path: "body.status", message: expect.stringMatching(/must be one of .*"archived"/) });
    expect(error.details?.[0]).toMatch(/^Expected: PATCH \/conversations\/\{conversation_id\} — body\? \{ .*status\?: /);
    expect(error.message).toContain("update-conversation");
  });

  it("POST …/tags with tag_ids as a string → body.tag_ids must be array (a string is not coerced)", async () => {
    const error = await refusal({ method: "POST", path: "/conversations/cnv_1/tags", body: { tag_ids: "tag_1" } });
    expect(error.issues).toContainEqual({ path: "body.tag_ids", message: "must be array" });
  });

  it("a comment without its required body → body.body is required", async () => {
    const error = await refusal({ method: "POST", path: "/conversations/cnv_1/comments", body: { author_id: "tea_1" } });
    expect(error.issues).toContainEqual({ path: "body.body", message: "is required" });
  });

  it("GET /conversations?limit=500 → query.limit must be <= 100; /events allows 15", async () => {
    const error = await refusal({ method: "GET", path: "/conversations", query: { limit: 500 } });
    expect(error.issues).toContainEqual({ path: "query.limit", message: "must be <= 100" });
    const events = await refusal({ method: "GET", path: "/events", query: { limit: 50 } });
    expect(events.issues).toContainEqual({ path: "query.limit", message: "must be <= 15" });
  });

  it("every problem is listed at once, each with its path", async () => {
    const error = await refusal({ method: "GET", path: "/conversations", query: { limit: "lots", sort_order: "sideways", limt: 5 } });
    expect(error.issues.map((i) => i.path).sort()).toEqual(["query.limit", "query.limt", "query.sort_order"]);
    expect(error.issues.find((i) => i.path === "query.limt")?.message).toMatch(/not a query parameter .* it takes: .*limit/);
  });

  it("a required body that is missing, and a body on an operation without one, are refused", async () => {
    expect((await refusal({ method: "POST", path: "/conversations/cnv_1/comments" })).issues).toContainEqual({
      path: "body",
      message: expect.stringMatching(/^is required/),
    });
    expect((await refusal({ method: "DELETE", path: "/contacts/crd_1", body: { x: 1 } })).issues[0]?.path).toBe("body");
  });

  it("valid calls go out once: query text is read as its type, q as a deep object, unknown body keys pass", async () => {
    const list = await run({ method: "GET", path: "/conversations", query: { limit: "50", q: { statuses: ["archived"] } } });
    expect(Exit.isSuccess(list.exit)).toBe(true);
    expect(list.requests).toHaveLength(1);
    const bad = await refusal({ method: "GET", path: "/conversations", query: { q: { statuses: ["exploded"] } } });
    expect(bad.issues[0]?.path).toBe("query.q.statuses[0]");
    const patch = await run({ method: "PATCH", path: "/conversations/cnv_1", body: { status: "archived", not_in_the_spec: true } });
    expect(Exit.isSuccess(patch.exit)).toBe(true);
    expect(patch.requests).toHaveLength(1);
  });
});

describe("raw-api-request: the spec's two trailing-slash templates", () => {
  it("PATCH /comments/{id} and PATCH /drafts/{id} reach the templates declared with a trailing slash, checked and sent there", async () => {
    const comment = await run({ method: "PATCH", path: "/comments/com_1", body: { body: "edited" } });
    if (!Exit.isSuccess(comment.exit)) throw new Error(String(comment.exit.cause));
    expect(comment.exit.value.template).toBe("/comments/{comment_id}/");
    expect(comment.exit.value.operation_id).toBe("update-comment");
    expect(comment.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(["PATCH /comments/com_1/"]);
    // DELETE /drafts/{draft_id} and PATCH /drafts/{message_id}/: the parameter is renamed by position.
    const draft = await refusal({ method: "PATCH", path: "/drafts/msg_1", body: {} });
    expect(draft.message).toContain("edit-draft");
    const edited = await run({ method: "PATCH", path: "/drafts/msg_1", body: { body: "new text", channel_id: "cha_1", version: "v1" } });
    if (!Exit.isSuccess(edited.exit)) throw new Error(String(edited.exit.cause));
    expect(edited.exit.value.template).toBe("/drafts/{message_id}/");
    expect(edited.requests.map((r) => new URL(r.url).pathname)).toEqual(["/drafts/msg_1/"]);
    // A method neither template declares is still refused with the allowed ones.
    const wrong = await refusal({ method: "DELETE", path: "/comments/com_1" });
    expect(wrong.issues[0]?.path).toBe("method");
  });
});
