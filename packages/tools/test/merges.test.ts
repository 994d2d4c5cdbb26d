import { assert, describe, it } from "@effect/vitest";
import { Effect } from "effect";
import { Front, type FrontConfig, FrontRetry, runTool } from "../src/index.js";
import { MAX_MERGE_HOPS, mergedIdFromLocation } from "../src/merges.js";
import { addTag } from "../src/tools/add-tag.js";
import { getConversation } from "../src/tools/get-conversation.js";
import { rawApiRequest } from "../src/tools/raw-api-request.js";
import { sendMessage } from "../src/tools/send-message.js";
import { fakeFetch, json } from "./support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";
const layer = (config: Omit<FrontConfig, "token" | "baseUrl">) =>
  Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, burstPerSecond: 0, retry: FrontRetry.none, ...config });
const moved = (location: string) => new Response(null, { status: 301, headers: { location } });
const conversation = (id: string) => ({ id, subject: "s", status: "archived", created_at: 1, tags: [], _links: { self: "x" } });

describe("mergedIdFromLocation: any Location form Front may send", () => {
  it.each([
    ["absolute URL", "https://acme.api.frontapp.com/conversations/cnv_new", "cnv_new"],
    ["relative path", "/conversations/cnv_new", "cnv_new"],
    ["path without leading slash", "conversations/cnv_new", "cnv_new"],
    ["trailing slash", "/conversations/cnv_new/", "cnv_new"],
    ["with /tags", "https://acme.api.frontapp.com/conversations/cnv_new/tags", "cnv_new"],
    ["with /messages and a query", "/conversations/cnv_new/messages?limit=5#x", "cnv_new"],
    ["with a query only", "https://acme.api.frontapp.com/conversations/cnv_new?foo=cnv_other", "cnv_new"],
    ["versioned prefix", "https://api2.frontapp.com/v1/conversations/cnv_new/tags", "cnv_new"],
    ["bare id", "cnv_new", "cnv_new"],
    ["surrounding spaces", "  /conversations/cnv_new  ", "cnv_new"],
  ])("%s", (_name, location, id) => {
    assert.strictEqual(mergedIdFromLocation(location), id);
  });

  it.each([
    ["no conversation id", "https://acme.api.frontapp.com/elsewhere"],
    ["another resource's id", "https://acme.api.frontapp.com/conversations/msg_1"],
    ["an encoded slash in the id", "/conversations/cnv_%2F..%2Fx"],
    ["bad percent-encoding", "/conversations/cnv_%zz"],
    ["empty", ""],
    ["null", null],
  ])("names none: %s", (_name, location) => {
    assert.isUndefined(mergedIdFromLocation(location));
  });
});

describe("one merge follower for every tool", () => {
  // Two merges, each Location in another form, each with a sub-resource: the one policy follows both.
  const chain = (sub: string) => [moved(`https://acme.api.frontapp.com/conversations/cnv_b${sub}?x=1`), moved(`/conversations/cnv_c${sub}`)];

  it.effect(`follows up to ${MAX_MERGE_HOPS} merges on the configured base URL and names them the same way in every tool`, () =>
    Effect.gen(function* () {
      const get = fakeFetch([...chain(""), json(200, conversation("cnv_c"))]);
      const g = yield* runTool(getConversation, { conversation_id: "cnv_a", include_messages: false }).pipe(Effect.provide(layer({ fetch: get.fetch })));
      assert.strictEqual(g.requested_id, "cnv_a");
      assert.strictEqual(g.merged_into, "cnv_c");

      const tag = fakeFetch([...chain("/tags"), new Response(null, { status: 204 })]);
      const t = yield* runTool(addTag, { conversation_id: "cnv_a", tag_ids: ["tag_1"] }).pipe(Effect.provide(layer({ fetch: tag.fetch })));
      assert.strictEqual(t.requested_id, "cnv_a");
      assert.strictEqual(t.merged_into, "cnv_c");

      const reply = fakeFetch([...chain("/messages"), json(202, { status: "accepted", message_uid: "u" })]);
      const s = yield* runTool(sendMessage, { conversation_id: "cnv_a", body: "x" }).pipe(Effect.provide(layer({ fetch: reply.fetch })));
      assert.strictEqual(s.requested_id, "cnv_a");
      assert.strictEqual(s.requested_conversation_id, "cnv_a", "the deprecated alias stays");
      assert.strictEqual(s.merged_into, "cnv_c");
      assert.strictEqual(s.conversation_id, "cnv_c");

      const raw = fakeFetch([...chain("/comments"), json(201, { id: "com_1" })]);
      const r = yield* runTool(rawApiRequest, { method: "POST", path: "/conversations/cnv_a/comments", body: { body: "hi" } }).pipe(
        Effect.provide(layer({ fetch: raw.fetch })),
      );
      assert.strictEqual(r.status, 201);
      assert.strictEqual(r.merged_into, "cnv_c");

      for (const [requests, suffix] of [[get.requests, ""], [tag.requests, "/tags"], [reply.requests, "/messages"], [raw.requests, "/comments"]] as const) {
        assert.deepStrictEqual(
          requests.map((q) => q.url),
          ["cnv_a", "cnv_b", "cnv_c"].map((id) => `${BASE}/conversations/${id}${suffix}`),
        );
      }
    }),
  );

  it.effect("a redirect back to a conversation already asked is refused at once (no loop), or handed back by raw-api-request", () =>
    Effect.gen(function* () {
      const loop = fakeFetch([moved("/conversations/cnv_b/messages"), moved("/conversations/cnv_a/messages")]);
      const error = yield* Effect.flip(runTool(sendMessage, { conversation_id: "cnv_a", body: "x" }).pipe(Effect.provide(layer({ fetch: loop.fetch }))));
      assert.strictEqual(error._tag, "UnexpectedResponse");
      assert.include(error.message, "cnv_a");
      assert.strictEqual(loop.requests.length, 2);

      const rawLoop = fakeFetch([moved("/conversations/cnv_b"), moved("/conversations/cnv_a")]);
      const out = yield* runTool(rawApiRequest, { method: "GET", path: "/conversations/cnv_a" }).pipe(Effect.provide(layer({ fetch: rawLoop.fetch })));
      assert.strictEqual(out.status, 301);
      assert.strictEqual(out.location, "/conversations/cnv_a");
      assert.strictEqual(out.merged_into, "cnv_b");
      assert.strictEqual(rawLoop.requests.length, 2);
    }),
  );

  it.effect("raw-api-request does not follow a 301 on a path without a conversation", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([moved("/conversations/cnv_b")]);
      const out = yield* runTool(rawApiRequest, { method: "GET", path: "/me" }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(out.status, 301);
      assert.isUndefined(out.merged_into);
      assert.strictEqual(requests.length, 1);
    }),
  );
});
