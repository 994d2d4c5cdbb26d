import { assert, describe, it } from "@effect/vitest";
import { Effect } from "effect";
import { TestClock } from "effect/testing";
import { wholeList } from "../src/cached-list.js";
import { Front, type FrontConfig, FrontRetry, listInboxes, runTool, Tag } from "../src/index.js";
import { allInboxes } from "../src/inboxes.js";
import { allTags } from "../src/tags.js";
import { allTeammates } from "../src/teammates.js";
import { fakeFetch, json } from "./support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";
const layer = (config: Omit<FrontConfig, "token" | "baseUrl">) =>
  Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, burstPerSecond: 0, retry: FrontRetry.none, ...config });
const page = (results: unknown[], next: string | null) => json(200, { _results: results, _pagination: { next } });
const tag = (n: number) => ({ id: `tag_${n}`, name: `Tag ${n}`, highlight: null, is_private: false });
const inbox = (n: number) => ({ id: `inb_${n}`, name: `Inbox ${n}`, is_private: false });
const teammate = (n: number) => ({ id: `tea_${n}`, email: `t${n}@example.com`, username: `t${n}`, first_name: "T", last_name: `${n}`, is_admin: false, is_available: true, is_blocked: false });
const pathAndQuery = (url: string) => new URL(url).pathname + new URL(url).search;

describe("whole lists (one helper for tags, inboxes, teammates)", () => {
  it.effect("tags and inboxes are kept for cacheTtl under their own keys; teammates go to Front every time", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page([tag(1)], null), page([inbox(1)], null), page([teammate(1)], null)]);
      yield* Effect.gen(function* () {
        assert.deepStrictEqual((yield* allTags()).map((t) => t.id), ["tag_1"]);
        assert.deepStrictEqual((yield* allInboxes()).map((i) => i.id), ["inb_1"]);
        assert.deepStrictEqual((yield* allTags()).map((t) => t.id), ["tag_1"]);
        assert.deepStrictEqual((yield* allInboxes()).map((i) => i.id), ["inb_1"]);
        assert.strictEqual(requests.length, 2, "the second reads are served from the cache");
        yield* allTeammates();
        yield* allTeammates();
        assert.strictEqual(requests.length, 4);
        yield* TestClock.adjust("31 seconds");
        yield* allInboxes();
        assert.strictEqual(requests.length, 5, "expired after the TTL");
      }).pipe(Effect.provide(layer({ fetch, cacheTtl: "30 seconds" })));
      // Tags ask Front's largest page; inboxes and teammates document no limit, so none is sent.
      assert.deepStrictEqual(requests.map((r) => pathAndQuery(r.url)), ["/tags?limit=100", "/inboxes", "/teammates", "/teammates", "/inboxes"]);
    }),
  );

  it.effect("inboxes and teammates follow page_token on the base URL (typed by the list-page-token correction)", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([
        page([inbox(1)], "https://acme.api.frontapp.com/inboxes?page_token=i2"),
        page([inbox(2)], null),
        page([teammate(1)], "https://acme.api.frontapp.com/teammates?page_token=t2"),
        page([teammate(2)], null),
      ]);
      const [inboxes, teammates] = yield* Effect.all([allInboxes(), allTeammates()]).pipe(Effect.provide(layer({ fetch })));
      assert.deepStrictEqual(inboxes.map((i) => i.id), ["inb_1", "inb_2"]);
      assert.deepStrictEqual(teammates.map((t) => t.id), ["tea_1", "tea_2"]);
      assert.deepStrictEqual(
        requests.map((r) => r.url),
        [`${BASE}/inboxes`, `${BASE}/inboxes?page_token=i2`, `${BASE}/teammates`, `${BASE}/teammates?page_token=t2`],
      );
    }),
  );

  it.effect("refresh loads anew and the refreshed list is what is kept", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page([inbox(1)], null), page([inbox(2)], null)]);
      yield* Effect.gen(function* () {
        yield* runTool(listInboxes, {});
        const refreshed = yield* runTool(listInboxes, { refresh: true });
        assert.deepStrictEqual(refreshed.inboxes.map((i) => i.id), ["inb_2"]);
        const again = yield* runTool(listInboxes, {});
        assert.deepStrictEqual(again.inboxes.map((i) => i.id), ["inb_2"]);
        assert.strictEqual(requests.length, 2);
      }).pipe(Effect.provide(layer({ fetch })));
    }),
  );

  it.effect("a whole list longer than maxListPages fails rather than coming back short, and is not cached", () =>
    Effect.gen(function* () {
      let n = 0;
      const { fetch, requests } = fakeFetch([() => page([tag(++n)], `${BASE}/tags?page_token=p${n}`)]);
      yield* Effect.gen(function* () {
        const first = yield* Effect.flip(allTags());
        assert.strictEqual(first._tag, "UnexpectedResponse");
        assert.include(first.message, "maxListPages");
        assert.strictEqual(requests.length, 3);
        yield* Effect.flip(allTags());
        assert.strictEqual(requests.length, 6, "the failed load was not kept");
      }).pipe(Effect.provide(layer({ fetch, maxListPages: 3 })));
    }),
  );

  it.effect("a list without a cache key is never cached; collect honours an explicit maxPages", () =>
    Effect.gen(function* () {
      let n = 0;
      const { fetch, requests } = fakeFetch([() => page([tag(++n)], `${BASE}/tags?page_token=p${n}`)]);
      const uncached = wholeList({ path: "/tags", item: Tag });
      yield* Effect.gen(function* () {
        yield* Effect.flip(uncached.all());
        assert.strictEqual(requests.length, 2);
        const short = yield* uncached.collect({ maxPages: 1 }).pipe(Effect.flip);
        assert.strictEqual(short._tag, "UnexpectedResponse");
      }).pipe(Effect.provide(layer({ fetch, maxListPages: 2 })));
      assert.strictEqual(uncached.operation, "GET /tags");
    }),
  );
});
