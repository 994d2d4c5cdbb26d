import { assert, describe, it } from "@effect/vitest";
import { Effect, Exit, Fiber } from "effect";
import { TestClock } from "effect/testing";
import { type CachedEntry, type CacheStore, makeMemoryCacheStore } from "../src/cache-store.js";
import { makeListCache, STORE_WAIT_MS } from "../src/list-cache.js";
import { allInboxes, allTags, allTeammates, Front, type FrontConfig, FrontRetry, runTool, listInboxes } from "../src/index.js";
import { fakeFetch, json } from "./support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";
const layer = (config: Omit<FrontConfig, "token" | "baseUrl">) =>
  Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, burstPerSecond: 0, retry: FrontRetry.none, ...config });
const page = (results: unknown[], next: string | null) => json(200, { _results: results, _pagination: { next } });
const tag = (n: number) => ({ id: `tag_${n}`, name: `Tag ${n}`, highlight: null, is_private: false });
const inbox = (n: number) => ({ id: `inb_${n}`, name: `Inbox ${n}`, is_private: false });
const teammate = (n: number) => ({ id: `tea_${n}`, email: `t${n}@example.com`, username: `t${n}`, first_name: "T", last_name: `${n}`, is_admin: false, is_available: true, is_blocked: false });

/** A store recording every call, over a memory store. */
const recordingStore = () => {
  const inner = makeMemoryCacheStore<CachedEntry>();
  const calls: string[] = [];
  const store: CacheStore<CachedEntry> = {
    get: (key) => (calls.push(`get ${key}`), inner.get(key)),
    set: (key, value, ttlMs) => (calls.push(`set ${key} ${ttlMs}`), inner.set(key, value, ttlMs)),
    delete: (key) => (calls.push(`delete ${key}`), inner.delete?.(key)),
  };
  return { store, calls, inner };
};

describe("cached lists (one helper for tags, inboxes, teammates)", () => {
  it.effect("tags and inboxes keep their lists in the configured store, with the TTL; teammates are never cached", () =>
    Effect.gen(function* () {
      const { store, calls } = recordingStore();
      const { fetch, requests } = fakeFetch([page([tag(1)], null), page([inbox(1)], null), page([teammate(1)], null)]);
      yield* Effect.gen(function* () {
        assert.deepStrictEqual((yield* allTags()).map((t) => t.id), ["tag_1"]);
        assert.deepStrictEqual((yield* allInboxes()).map((i) => i.id), ["inb_1"]);
        assert.deepStrictEqual((yield* allTags()).map((t) => t.id), ["tag_1"]);
        assert.strictEqual(requests.length, 2, "the second tag read is served by the store");
        yield* allTeammates();
        yield* allTeammates();
        assert.strictEqual(requests.length, 4, "teammates go to Front every time");
      }).pipe(Effect.provide(layer({ fetch, cacheTtl: "30 seconds", cacheStore: store })));
      assert.deepStrictEqual(calls, ["get tags", "set tags 30000", "get inboxes", "set inboxes 30000", "get tags"]);
      assert.deepStrictEqual(
        requests.map((r) => new URL(r.url).pathname + new URL(r.url).search),
        ["/tags?limit=100", "/inboxes", "/teammates", "/teammates"],
      );
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

  it.effect("refresh loads anew even from a store that cannot delete, and stores the new list", () =>
    Effect.gen(function* () {
      const inner = makeMemoryCacheStore<CachedEntry>();
      const store: CacheStore<CachedEntry> = { get: inner.get, set: inner.set };
      const { fetch, requests } = fakeFetch([page([inbox(1)], null), page([inbox(2)], null)]);
      yield* Effect.gen(function* () {
        yield* runTool(listInboxes, {});
        const refreshed = yield* runTool(listInboxes, { refresh: true });
        assert.deepStrictEqual(refreshed.inboxes.map((i) => i.id), ["inb_2"]);
        const again = yield* runTool(listInboxes, {});
        assert.deepStrictEqual(again.inboxes.map((i) => i.id), ["inb_2"], "the refreshed list is what is kept");
        assert.strictEqual(requests.length, 2);
      }).pipe(Effect.provide(layer({ fetch, cacheStore: store })));
    }),
  );

  it.effect("a store that throws, rejects or never answers is a miss, never a failed call", () =>
    Effect.gen(function* () {
      const broken: CacheStore<CachedEntry>[] = [
        { get: () => { throw new Error("boom"); }, set: () => { throw new Error("boom"); } },
        { get: () => Promise.reject(new Error("down")), set: () => Promise.reject(new Error("down")) },
      ];
      for (const store of broken) {
        const { fetch, requests } = fakeFetch([page([tag(1)], null)]);
        const out = yield* Effect.all([allTags(), allTags()]).pipe(Effect.provide(layer({ fetch, cacheStore: store })));
        assert.deepStrictEqual(out.map((tags) => tags.length), [1, 1]);
        assert.strictEqual(requests.length, 2, "each read goes to Front");
      }
      const hanging: CacheStore<CachedEntry> = { get: () => new Promise(() => {}), set: () => new Promise(() => {}) };
      const { fetch, requests } = fakeFetch([page([tag(1)], null)]);
      const fiber = yield* Effect.forkChild(allTags().pipe(Effect.provide(layer({ fetch, cacheStore: hanging }))));
      yield* TestClock.adjust(STORE_WAIT_MS);
      yield* TestClock.adjust(STORE_WAIT_MS);
      const exit = yield* Fiber.await(fiber);
      assert.isTrue(Exit.isSuccess(exit));
      assert.strictEqual(requests.length, 1);
    }),
  );

  it.effect("an entry past its expiry by the fiber's clock is not served, whatever the store keeps", () =>
    Effect.gen(function* () {
      const kept = new Map<string, CachedEntry>();
      // A store that never expires anything: expiry is still the cache's to check.
      const store: CacheStore<CachedEntry> = { get: (k) => kept.get(k), set: (k, v) => void kept.set(k, v) };
      const cache = makeListCache({ ttl: "10 seconds", store });
      let loads = 0;
      const load = Effect.sync(() => ++loads);
      assert.strictEqual(yield* cache.cached("k", load), 1);
      yield* TestClock.adjust("9 seconds");
      assert.strictEqual(yield* cache.cached("k", load), 1);
      yield* TestClock.adjust("2 seconds");
      assert.strictEqual(yield* cache.cached("k", load), 2);
    }),
  );

  it.effect("invalidate(prefix) deletes only the matching keys this cache wrote; ttl 0 never touches the store", () =>
    Effect.gen(function* () {
      const { store, calls } = recordingStore();
      const cache = makeListCache({ ttl: "1 minute", store });
      yield* cache.cached("tags", Effect.succeed(1));
      yield* cache.cached("inboxes", Effect.succeed(2));
      calls.length = 0;
      yield* cache.invalidate("tag");
      assert.deepStrictEqual(calls, ["delete tags"]);
      const off = recordingStore();
      const disabled = makeListCache({ ttl: 0, store: off.store });
      assert.strictEqual(yield* disabled.cached("tags", Effect.succeed(3)), 3);
      assert.deepStrictEqual(off.calls, []);
    }),
  );

  it("the memory store honours the TTL it is given by the wall clock", async () => {
    const store = makeMemoryCacheStore<string>();
    store.set("a", "x", 20);
    store.set("b", "y", 60_000);
    assert.strictEqual(store.get("a"), "x");
    await new Promise((r) => setTimeout(r, 40));
    assert.strictEqual(store.get("a"), undefined);
    assert.strictEqual(store.get("b"), "y");
    store.delete?.("b");
    assert.strictEqual(store.get("b"), undefined);
  });
});
