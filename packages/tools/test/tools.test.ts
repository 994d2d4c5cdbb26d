import { assert, describe, it } from "@effect/vitest";
import { Effect, Exit, Fiber, Stream } from "effect";
import { TestClock } from "effect/testing";
import {
  createContact,
  Front,
  type FrontConfig,
  FrontRetry,
  type FrontToolError,
  getContact,
  listInboxes,
  listTags,
  listTeammates,
  ProgressReporter,
  type ProgressUpdate,
  runTool,
  streamTags,
} from "../src/index.js";
import { fakeFetch, frontError, json, settle } from "./support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";
const layer = (config: Omit<FrontConfig, "token" | "baseUrl">) => Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, burstPerSecond: 0, ...config });

const page = (results: unknown[], next: string | null) => json(200, { _results: results, _pagination: { next } });
const tag = (n: number) => ({ id: `tag_${n}`, name: `Tag ${n}`, highlight: null, is_private: false, _links: { self: "x" } });

const failure = <A>(exit: Exit.Exit<A, FrontToolError>): FrontToolError => {
  if (Exit.isSuccess(exit)) throw new Error("expected a failure");
  const f = exit.cause.reasons.find((r) => r._tag === "Fail");
  if (f === undefined || f._tag !== "Fail") throw new Error(String(exit.cause));
  return f.error;
};

describe("list-tags", () => {
  it.effect("follows every page by page_token on the configured base URL only", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([
        page([tag(1), tag(2)], "https://evil.example.com/tags?page_token=p2&limit=100"),
        page([tag(3)], null),
      ]);
      const out = yield* runTool(listTags, {}).pipe(Effect.provide(layer({ fetch })));
      assert.deepStrictEqual(out.tags.map((t) => t.id), ["tag_1", "tag_2", "tag_3"]);
      assert.strictEqual(out.count, 3);
      assert.strictEqual(requests.length, 2);
      for (const r of requests) assert.strictEqual(new URL(r.url).origin, BASE);
      assert.strictEqual(new URL(requests[1]!.url).searchParams.get("page_token"), "p2");
      // Unknown fields of Front's objects are dropped from the output.
      assert.notProperty(out.tags[0]!, "_links");
    }),
  );

  it.effect("stops on a repeated page token (as Prism's examples repeat one forever)", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page([tag(1)], `${BASE}/tags?page_token=same`)]);
      const out = yield* runTool(listTags, {}).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(requests.length, 2, "first page, then the token once");
      assert.strictEqual(out.count, 2);
    }),
  );

  it.effect("is cached per Front service for cacheTtl; refresh bypasses it", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page([tag(1)], null)]);
      yield* Effect.gen(function* () {
        yield* runTool(listTags, {});
        yield* runTool(listTags, {});
        assert.strictEqual(requests.length, 1, "second call served from cache");
        yield* runTool(listTags, { refresh: true });
        assert.strictEqual(requests.length, 2, "refresh fetches again");
        yield* TestClock.adjust("61 seconds");
        yield* runTool(listTags, {});
        assert.strictEqual(requests.length, 3, "expired after the TTL");
      }).pipe(Effect.provide(layer({ fetch, cacheTtl: "60 seconds" })));
    }),
  );

  it.effect("concurrent callers share one load; a failed load is not cached", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([frontError(403, "nope"), page([tag(1)], null)]);
      yield* Effect.gen(function* () {
        const first = yield* Effect.exit(runTool(listTags, {}));
        assert.strictEqual(failure(first)._tag, "Forbidden");
        const results = yield* Effect.all([runTool(listTags, {}), runTool(listTags, {}), runTool(listTags, {})], { concurrency: "unbounded" });
        assert.strictEqual(results[2].count, 1);
        assert.strictEqual(requests.length, 2);
      }).pipe(Effect.provide(layer({ fetch })));
    }),
  );

  it.effect("reports progress per page", () =>
    Effect.gen(function* () {
      const updates: ProgressUpdate[] = [];
      const { fetch } = fakeFetch([page([tag(1)], `${BASE}/tags?page_token=b`), page([tag(2)], `${BASE}/tags?page_token=c`), page([tag(3)], null)]);
      yield* runTool(listTags, {}).pipe(Effect.provideService(ProgressReporter, (u) => updates.push(u)), Effect.provide(layer({ fetch })));
      assert.deepStrictEqual(updates.map((u) => u.progress), [1, 2, 3]);
    }),
  );

  it.effect("streamTags streams items lazily (take stops paging)", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page([tag(1), tag(2)], `${BASE}/tags?page_token=b`), page([tag(3)], null)]);
      const two = yield* Stream.runCollect(Stream.take(streamTags(), 2)).pipe(Effect.provide(layer({ fetch })));
      assert.deepStrictEqual(two.map((t) => t.id), ["tag_1", "tag_2"]);
      assert.strictEqual(requests.length, 1);
    }),
  );

  it.effect("an unexpected page shape is UnexpectedResponse", () =>
    Effect.gen(function* () {
      const { fetch } = fakeFetch([json(200, { results: [] })]);
      const error = failure(yield* Effect.exit(runTool(listTags, {}).pipe(Effect.provide(layer({ fetch })))));
      assert.strictEqual(error._tag, "UnexpectedResponse");
      const { fetch: f2 } = fakeFetch([json(200, { _results: [{ id: 3 }] })]);
      assert.strictEqual(failure(yield* Effect.exit(runTool(listTags, {}).pipe(Effect.provide(layer({ fetch: f2 })))))._tag, "UnexpectedResponse");
    }),
  );
});

describe("list-inboxes and list-teammates", () => {
  it.effect("list-inboxes: all pages, cached", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([
        page([{ id: "inb_1", name: "Support" }], `${BASE}/inboxes?page_token=2`),
        page([{ id: "inb_2", name: "Sales", is_private: true }], null),
      ]);
      yield* Effect.gen(function* () {
        const out = yield* runTool(listInboxes, {});
        assert.deepStrictEqual(out.inboxes.map((i) => i.id), ["inb_1", "inb_2"]);
        yield* runTool(listInboxes, {});
        assert.strictEqual(requests.length, 2);
        assert.strictEqual(new URL(requests[0]!.url).pathname, "/inboxes");
      }).pipe(Effect.provide(layer({ fetch })));
    }),
  );

  it.effect("list-teammates: all pages, not cached, input must be an empty object", () =>
    Effect.gen(function* () {
      const mate = (n: number) => ({ id: `tea_${n}`, email: `t${n}@x.co`, username: `t${n}`, first_name: "T", last_name: `${n}`, is_admin: false, is_available: true, is_blocked: false, type: "user" });
      const { fetch, requests } = fakeFetch([page([mate(1)], `${BASE}/teammates?page_token=2`), page([mate(2)], null)]);
      yield* Effect.gen(function* () {
        const out = yield* runTool(listTeammates, {});
        assert.strictEqual(out.count, 2);
        assert.strictEqual(out.teammates[1]!.email, "t2@x.co");
        const bad = yield* Effect.exit(runTool(listTeammates, { limit: 5 }));
        assert.strictEqual(failure(bad)._tag, "InvalidInput");
        assert.strictEqual(requests.length, 2);
      }).pipe(Effect.provide(layer({ fetch })));
    }),
  );
});

describe("get-contact", () => {
  const contact = { id: "crd_1", name: "Jane", handles: [{ handle: "jane@x.co", source: "email" }], groups: [], _links: {} };
  const cases: ReadonlyArray<readonly [Record<string, unknown>, string]> = [
    [{ contact_id: "crd_1" }, "/contacts/crd_1"],
    [{ email: "jane@x.co" }, `/contacts/${encodeURIComponent("alt:email:jane@x.co")}`],
    [{ phone: "+15551234567" }, `/contacts/${encodeURIComponent("alt:phone:+15551234567")}`],
    [{ handle: "jane_tw", source: "twitter" }, `/contacts/${encodeURIComponent("alt:twitter:jane_tw")}`],
    [{ contact_id: "alt:custom:42" }, `/contacts/${encodeURIComponent("alt:custom:42")}`],
  ];
  for (const [input, path] of cases) {
    it.effect(`${JSON.stringify(input)} → GET ${path}`, () =>
      Effect.gen(function* () {
        const { fetch, requests } = fakeFetch([json(200, contact)]);
        const out = yield* runTool(getContact, input).pipe(Effect.provide(layer({ fetch })));
        assert.strictEqual(out.contact.id, "crd_1");
        assert.strictEqual(new URL(requests[0]!.url).pathname, path);
      }),
    );
  }

  it.effect("an unknown handle is NotFound", () =>
    Effect.gen(function* () {
      const { fetch } = fakeFetch([frontError(404, "Contact not found")]);
      const error = failure(yield* Effect.exit(runTool(getContact, { email: "x@y.z" }).pipe(Effect.provide(layer({ fetch })))));
      assert.strictEqual(error._tag, "NotFound");
      assert.include(error.message, "Contact not found");
    }),
  );

  for (const bad of [{}, { email: "a@b.c", phone: "+15551234567" }, { handle: "x" }, { source: "email" }, { contact_id: "cnv_1" }, { email: "nope" }, null, "crd_1"]) {
    it.effect(`invalid ${JSON.stringify(bad)} → InvalidInput, nothing sent`, () =>
      Effect.gen(function* () {
        const { fetch, requests } = fakeFetch([json(200, contact)]);
        const error = failure(yield* Effect.exit(runTool(getContact, bad).pipe(Effect.provide(layer({ fetch })))));
        assert.strictEqual(error._tag, "InvalidInput");
        if (error._tag === "InvalidInput") assert.isAbove(error.issues.length, 0);
        assert.strictEqual(requests.length, 0);
      }),
    );
  }
});

describe("create-contact", () => {
  it.effect("posts handles, name, links, groups (as list_names) and custom fields", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([json(201, { id: "crd_9", name: "Jane", handles: [{ handle: "jane@x.co", source: "email" }] })]);
      const out = yield* runTool(createContact, {
        name: "Jane",
        handles: [{ source: "email", handle: "jane@x.co" }, { source: "phone", handle: "+15551234567" }],
        group_names: ["VIP"],
        links: ["https://x.co"],
        custom_fields: { tier: "gold", seats: 3 },
      }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(out.contact.id, "crd_9");
      assert.strictEqual(requests[0]!.method, "POST");
      assert.deepStrictEqual(JSON.parse(requests[0]!.body!), {
        handles: [{ source: "email", handle: "jane@x.co" }, { source: "phone", handle: "+15551234567" }],
        name: "Jane",
        links: ["https://x.co"],
        list_names: ["VIP"],
        custom_fields: { tier: "gold", seats: 3 },
      });
    }),
  );

  it.effect("every problem is reported with its path; nothing is sent", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([json(201, {})]);
      const error = failure(
        yield* Effect.exit(
          runTool(createContact, { handles: [{ source: "mail", handle: "a" }, { source: "email", handle: " " }], name: 3, extra: true }).pipe(
            Effect.provide(layer({ fetch })),
          ),
        ),
      );
      assert.strictEqual(error._tag, "InvalidInput");
      if (error._tag !== "InvalidInput") return;
      const paths = error.issues.map((i) => i.path).sort();
      assert.deepStrictEqual(paths, ["extra", "handles[0].source", "handles[1].handle", "name"]);
      assert.include(error.message, "handles[0].source");
      assert.strictEqual(requests.length, 0);
    }),
  );

  it.effect("a 500 on create is not retried (the contact may exist)", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([frontError(500, "oops"), json(201, { id: "crd_1" })]);
      const fiber = yield* runTool(createContact, { handles: [{ source: "email", handle: "a@b.c" }] }).pipe(Effect.provide(layer({ fetch })), Effect.forkChild);
      for (let i = 0; i < 50; i++) {
        yield* settle;
        yield* TestClock.adjust("1 second");
      }
      const error = failure(yield* Fiber.await(fiber));
      assert.strictEqual(error._tag, "ServerError");
      assert.isFalse(error.retryable);
      assert.strictEqual(requests.length, 1);
    }),
  );

  it.effect("retry: FrontRetry.none surfaces a 429 at once", () =>
    Effect.gen(function* () {
      const { fetch } = fakeFetch([frontError(429, "slow", { "retry-after": "1" })]);
      const error = failure(
        yield* Effect.exit(runTool(createContact, { handles: [{ source: "email", handle: "a@b.c" }] }).pipe(Effect.provide(layer({ fetch, retry: FrontRetry.none })))),
      );
      assert.strictEqual(error._tag, "RateLimited");
    }),
  );
});
