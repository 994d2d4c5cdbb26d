import { assert, describe, it } from "@effect/vitest";
import { Effect, Exit } from "effect";
import { Front, type FrontConfig, FrontRetry, type FrontToolError, runTool } from "../../src/index.js";
import { closestMatches, editDistance } from "../../src/near-matches.js";
import { addTag } from "../../src/tools/add-tag.js";
import { fakeFetch, frontError, json } from "../support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";
const layer = (config: Omit<FrontConfig, "token" | "baseUrl">) =>
  Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, burstPerSecond: 0, retry: FrontRetry.none, ...config });

const TAGS = [
  { id: "tag_1", name: "Urgent" },
  { id: "tag_2", name: "Billing" },
  { id: "tag_3", name: "Billing dispute" },
  { id: "tag_4", name: "VIP" },
];
const tagsPage = (tags = TAGS) => json(200, { _results: tags, _pagination: { next: null } });
const noContent = () => new Response(null, { status: 204 });

/** Answers GET /tags with the list and POST …/tags with 204, recording everything. */
const frontWith = (tags = TAGS, post: (req: Request, i: number) => Response = () => noContent()) =>
  fakeFetch([(req, i) => (new URL(req.url).pathname === "/tags" ? tagsPage(tags) : post(req, i))]);

const failure = <A>(exit: Exit.Exit<A, FrontToolError>): FrontToolError => {
  if (Exit.isSuccess(exit)) throw new Error("expected a failure");
  const f = exit.cause.reasons.find((r) => r._tag === "Fail");
  if (f === undefined || f._tag !== "Fail") throw new Error(String(exit.cause));
  return f.error;
};

const posts = (requests: ReadonlyArray<{ method: string; url: string }>) => requests.filter((r) => r.method === "POST");

describe("add-tag", () => {
  it.effect("tag ids only: one POST /conversations/{id}/tags (adds, not PATCH), no tag list fetched", () =>
    Effect.gen(function* () {
      const { fetch, requests } = frontWith();
      const out = yield* runTool(addTag, { conversation_id: "cnv_1", tag_ids: ["tag_9", "tag_8", "tag_9"] }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(requests.length, 1);
      assert.strictEqual(requests[0]!.method, "POST");
      assert.strictEqual(requests[0]!.url, `${BASE}/conversations/cnv_1/tags`);
      assert.deepStrictEqual(JSON.parse(requests[0]!.body!), { tag_ids: ["tag_9", "tag_8"] });
      assert.deepStrictEqual(out, { conversation_id: "cnv_1", requested_id: "cnv_1", tag_ids: ["tag_9", "tag_8"], tags: [{ id: "tag_9" }, { id: "tag_8" }] });
    }),
  );

  it.effect("names resolve case-insensitively through the cached tag list; ids and names merge without duplicates", () =>
    Effect.gen(function* () {
      const { fetch, requests } = frontWith();
      const run = (input: unknown) => runTool(addTag, input);
      const program = Effect.gen(function* () {
        const out = yield* run({ conversation_id: "cnv_1", tag_names: ["urgent", "BILLING"], tag_ids: ["tag_1"] });
        assert.deepStrictEqual(out.tag_ids, ["tag_1", "tag_2"]);
        assert.deepStrictEqual(out.tags, [{ id: "tag_1", name: "Urgent" }, { id: "tag_2", name: "Billing" }]);
        yield* run({ conversation_id: "cnv_2", tag_names: ["vip"] });
      });
      yield* program.pipe(Effect.provide(layer({ fetch })));
      assert.deepStrictEqual(
        requests.map((r) => `${r.method} ${new URL(r.url).pathname}`),
        ["GET /tags", "POST /conversations/cnv_1/tags", "POST /conversations/cnv_2/tags"],
        "the second call reuses the cached tags",
      );
      assert.deepStrictEqual(JSON.parse(requests[2]!.body!), { tag_ids: ["tag_4"] });
    }),
  );

  it.effect("an exact-case name wins over names that differ only in case; a true tie is InvalidInput naming both", () =>
    Effect.gen(function* () {
      const tags = [{ id: "tag_a", name: "Lead" }, { id: "tag_b", name: "lead" }, { id: "tag_c", name: "Hot" }, { id: "tag_d", name: "hot" }];
      const { fetch, requests } = frontWith(tags);
      const out = yield* runTool(addTag, { conversation_id: "cnv_1", tag_names: ["lead"] }).pipe(Effect.provide(layer({ fetch })));
      assert.deepStrictEqual(out.tag_ids, ["tag_b"]);
      const tie = fakeFetch([tagsPage([{ id: "tag_x", name: "Lead" }, { id: "tag_y", name: "Lead" }])]);
      const error = failure(yield* Effect.exit(runTool(addTag, { conversation_id: "cnv_1", tag_names: ["lead"] }).pipe(Effect.provide(layer({ fetch: tie.fetch })))));
      assert.strictEqual(error._tag, "InvalidInput");
      assert.include(error.message, "tag_x");
      assert.include(error.message, "tag_y");
      assert.strictEqual(posts(tie.requests).length, 0);
      assert.strictEqual(posts(requests).length, 1);
    }),
  );

  it.effect("an unknown name is NotFound naming the closest tags, after one refresh; nothing is tagged or created", () =>
    Effect.gen(function* () {
      const { fetch, requests } = frontWith();
      const error = failure(
        yield* Effect.exit(runTool(addTag, { conversation_id: "cnv_1", tag_names: ["Urgent", "Biling"] }).pipe(Effect.provide(layer({ fetch })))),
      );
      assert.strictEqual(error._tag, "NotFound");
      if (error._tag !== "NotFound") return;
      assert.include(error.message, '"Biling"');
      assert.include(error.message, "never creates");
      assert.deepStrictEqual(error.suggestions?.slice(0, 2), ["Billing", "Billing dispute"]);
      assert.strictEqual(error.retryable, false);
      assert.deepStrictEqual(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`), ["GET /tags", "GET /tags"]);
    }),
  );

  it.effect("a name missing from a stale cache is found after the refresh", () =>
    Effect.gen(function* () {
      let listed = 0;
      const { fetch, requests } = fakeFetch([
        (req) => {
          if (new URL(req.url).pathname !== "/tags") return noContent();
          listed++;
          return tagsPage(listed === 1 ? TAGS : [...TAGS, { id: "tag_new", name: "Fresh" }]);
        },
      ]);
      const out = yield* runTool(addTag, { conversation_id: "cnv_1", tag_names: ["fresh"] }).pipe(Effect.provide(layer({ fetch })));
      assert.deepStrictEqual(out.tags, [{ id: "tag_new", name: "Fresh" }]);
      assert.strictEqual(requests.length, 3);
    }),
  );

  it.effect("a merged conversation (301) is followed once to the Location's id and reported", () =>
    Effect.gen(function* () {
      const { fetch, requests } = frontWith(TAGS, (_req, i) =>
        i === 0 ? new Response(null, { status: 301, headers: { location: "https://acme.api.frontapp.com/conversations/cnv_survivor" } }) : noContent(),
      );
      const out = yield* runTool(addTag, { conversation_id: "cnv_old", tag_ids: ["tag_1"] }).pipe(Effect.provide(layer({ fetch })));
      assert.deepStrictEqual(out, {
        conversation_id: "cnv_survivor",
        requested_id: "cnv_old",
        merged_into: "cnv_survivor",
        tag_ids: ["tag_1"],
        tags: [{ id: "tag_1" }],
      });
      assert.deepStrictEqual(requests.map((r) => r.url), [`${BASE}/conversations/cnv_old/tags`, `${BASE}/conversations/cnv_survivor/tags`]);
      // The Location's host is never contacted.
      assert.isTrue(requests.every((r) => new URL(r.url).origin === BASE));
    }),
  );

  it.effect("a redirect past the merge policy's two hops, or one without a conversation id, is UnexpectedResponse (no loop)", () =>
    Effect.gen(function* () {
      const twice = frontWith(TAGS, (_req, i) => new Response(null, { status: 301, headers: { location: `/conversations/cnv_${i + 2}` } }));
      const e1 = failure(yield* Effect.exit(runTool(addTag, { conversation_id: "cnv_1", tag_ids: ["tag_1"] }).pipe(Effect.provide(layer({ fetch: twice.fetch })))));
      assert.strictEqual(e1._tag, "UnexpectedResponse");
      // One merge policy for every tool (merges.ts): the requested conversation and two merges, then refused.
      assert.strictEqual(twice.requests.length, 3);
      const bare = frontWith(TAGS, () => new Response(null, { status: 301 }));
      const e2 = failure(yield* Effect.exit(runTool(addTag, { conversation_id: "cnv_1", tag_ids: ["tag_1"] }).pipe(Effect.provide(layer({ fetch: bare.fetch })))));
      assert.strictEqual(e2._tag, "UnexpectedResponse");
      assert.strictEqual(bare.requests.length, 1);
    }),
  );

  it.effect("Front's 404 for the conversation is NotFound", () =>
    Effect.gen(function* () {
      const { fetch } = frontWith(TAGS, () => frontError(404, "Conversation not found"));
      const error = failure(yield* Effect.exit(runTool(addTag, { conversation_id: "cnv_gone", tag_ids: ["tag_1"] }).pipe(Effect.provide(layer({ fetch })))));
      assert.strictEqual(error._tag, "NotFound");
      assert.include(error.message, "Conversation not found");
    }),
  );

  it.effect("invalid input sends nothing: no tags, empty lists, bad ids, unknown fields", () =>
    Effect.gen(function* () {
      const { fetch, requests } = frontWith();
      for (const input of [
        { conversation_id: "cnv_1" },
        { conversation_id: "cnv_1", tag_ids: [], tag_names: [] },
        { conversation_id: "inb_1", tag_ids: ["tag_1"] },
        { conversation_id: "cnv_1", tag_ids: ["urgent"] },
        { conversation_id: "cnv_1", tag_names: [" "] },
        { conversation_id: "cnv_1", tagIds: ["tag_1"] },
        { tag_ids: ["tag_1"] },
      ]) {
        const error = failure(yield* Effect.exit(runTool(addTag, input).pipe(Effect.provide(layer({ fetch })))));
        assert.strictEqual(error._tag, "InvalidInput", JSON.stringify(input));
      }
      assert.strictEqual(requests.length, 0);
    }),
  );
});

describe("near matches", () => {
  it("edit distance and ranking: substrings first, then closest, noise left out", () => {
    assert.strictEqual(editDistance("kitten", "sitting"), 3);
    assert.strictEqual(editDistance("", "abc"), 3);
    assert.strictEqual(editDistance("same", "same"), 0);
    assert.deepStrictEqual(closestMatches("bill", ["Billing", "Refund", "Bill", "Urgent"], (s) => s), ["Bill", "Billing"]);
    assert.deepStrictEqual(closestMatches("zzzzzzzz", ["Billing", "Urgent"], (s) => s), []);
  });
});
