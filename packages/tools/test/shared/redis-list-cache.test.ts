import { redisTestGate, type RedisServer, startRedisServer } from "@frontkit/testkit";
import { Effect } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFrontTools } from "../../src/index.js";
import { accountPrefix } from "../../src/shared/account-key.js";
import { makeListCache } from "../../src/shared/list-cache.js";
import { type ListCacheStore, memoryListCacheStore } from "../../src/shared/list-cache-store.js";
import { closeSharedRedis, redisScript, sharedRedis } from "../../src/shared/redis-connection.js";
import { redisListCacheStore } from "../../src/shared/redis-list-cache-store.js";

const gate = redisTestGate();
const TOKEN = "shared-cache-test-token-0123456789";
const eventually = async (check: () => boolean, ms = 15_000): Promise<boolean> => {
  const end = Date.now() + ms;
  while (Date.now() < end && !check()) await new Promise((r) => setTimeout(r, 50));
  return check();
};

/** A fake Front answering GET /tags with one page and counting the calls. */
const tagsFront = () => {
  let calls = 0;
  const fetch = async (req: Request): Promise<Response> => {
    if (!new URL(req.url).pathname.endsWith("/tags")) return new Response("{}", { status: 404 });
    calls++;
    return new Response(JSON.stringify({ _results: [{ id: "tag_1", name: `Urgent ${calls}` }], _pagination: {} }), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch, calls: () => calls };
};

/** The rules every ListCacheStore keeps, run against the memory store and the Redis one. */
const storeContract = (name: string, make: () => ListCacheStore | Promise<ListCacheStore>) => {
  describe(`${name} keeps the ListCacheStore rules`, () => {
    it("returns what was set with a TTL no longer than given, misses unknown keys, and invalidates by prefix", async () => {
      const store = await make();
      expect(await store.get("tags")).toBeUndefined();
      await store.set("tags", [{ id: "tag_1", name: "A" }], 60_000);
      await store.set("inboxes", [{ id: "inb_1" }], 60_000);
      const hit = await store.get("tags");
      expect(hit?.value).toEqual([{ id: "tag_1", name: "A" }]);
      expect(hit?.ttlMs).toBeGreaterThan(50_000);
      expect(hit?.ttlMs).toBeLessThanOrEqual(60_000);
      await store.invalidate("tag");
      expect(await store.get("tags")).toBeUndefined();
      expect((await store.get("inboxes"))?.value).toEqual([{ id: "inb_1" }]);
      await store.invalidate();
      expect(await store.get("inboxes")).toBeUndefined();
    });

    it("expires entries on their own", async () => {
      const store = await make();
      await store.set("short", { a: 1 }, 150);
      expect((await store.get("short"))?.value).toEqual({ a: 1 });
      await new Promise((r) => setTimeout(r, 300));
      expect(await store.get("short")).toBeUndefined();
    });
  });
};

storeContract("memoryListCacheStore", () => memoryListCacheStore());

describe("makeListCache with a store", () => {
  it("a second cache (another process) takes the first one's list from the store instead of loading it", async () => {
    const store = memoryListCacheStore();
    let loads = 0;
    const load = Effect.sync(() => ++loads);
    const a = makeListCache(60_000, store);
    const b = makeListCache(60_000, store);
    expect(await Effect.runPromise(a.cached("k", load))).toBe(1);
    expect(await Effect.runPromise(b.cached("k", load))).toBe(1);
    expect(loads).toBe(1);
    await Effect.runPromise(b.invalidate("k"));
    expect(await Effect.runPromise(a.cached("k", load))).toBe(1); // a's own copy lives on until its TTL
    expect(await Effect.runPromise(b.cached("k", load))).toBe(2);
  });
});

describe.skipIf(!gate.available)("the cached lists in a real redis-server", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
    await sharedRedis(server.url, { opTimeoutMs: 100, probeIntervalMs: 100, onWarning: () => undefined }).whenSettled(5_000);
  });
  afterAll(async () => {
    await closeSharedRedis();
    await server?.stop();
  });

  storeContract("redisListCacheStore", () => redisListCacheStore(sharedRedis(server.url), `frontkit:v1:test${Math.random().toString(36).slice(2)}`));

  it("two Front services with one token load the tag list once; keys are the hashed account's and all expire", async () => {
    const front = tagsFront();
    const a = createFrontTools({ token: TOKEN, baseUrl: "http://127.0.0.1:9", fetch: front.fetch, redisUrl: server.url });
    const b = createFrontTools({ token: TOKEN, baseUrl: "http://127.0.0.1:9", fetch: front.fetch, redisUrl: server.url });
    try {
      expect((await a.listTags()).tags[0]?.name).toBe("Urgent 1");
      expect((await b.listTags()).tags[0]?.name).toBe("Urgent 1");
      expect(front.calls()).toBe(1);

      const KEYS = redisScript("local out = {} for _, k in ipairs(redis.call('KEYS', ARGV[1])) do table.insert(out, k) table.insert(out, redis.call('PTTL', k)) end return out");
      const listed = await sharedRedis(server.url).evalScript<Array<string | number>>(KEYS, [], ["frontkit:*"]);
      expect(listed.ok).toBe(true);
      const flat = listed.ok ? listed.value : [];
      const keys = flat.filter((_, i) => i % 2 === 0) as string[];
      // The lists (and the limiter's state, shared too), all under the hashed account.
      expect(keys).toEqual(expect.arrayContaining([`${accountPrefix(TOKEN)}:list:tags`, `${accountPrefix(TOKEN)}:lists`, `${accountPrefix(TOKEN)}:limiter`]));
      for (const key of keys) expect(key.startsWith(`${accountPrefix(TOKEN)}:`)).toBe(true);
      for (let i = 1; i < flat.length; i += 2) expect(flat[i]).toBeGreaterThan(0);
      expect(flat.join(" ")).not.toContain(TOKEN);

      // refresh: true goes to Front and replaces the shared copy.
      expect((await b.listTags({ refresh: true })).tags[0]?.name).toBe("Urgent 2");
      expect(front.calls()).toBe(2);
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });

  it("with Redis stopped the lists still load (per process), and sharing resumes once it is back", async () => {
    const front = tagsFront();
    const token = `${TOKEN}-outage`;
    const a = createFrontTools({ token, baseUrl: "http://127.0.0.1:9", fetch: front.fetch, redisUrl: server.url, cacheTtl: 60_000 });
    const b = createFrontTools({ token, baseUrl: "http://127.0.0.1:9", fetch: front.fetch, redisUrl: server.url, cacheTtl: 60_000 });
    try {
      await server.stop();
      expect((await a.listTags()).count).toBe(1);
      expect((await b.listTags()).count).toBe(1);
      expect(front.calls()).toBe(2); // no sharing during the outage, but no failure either
      await server.restart();
      expect(await eventually(() => sharedRedis(server.url).available())).toBe(true);
      await a.listTags({ refresh: true });
      await b.listTags({ refresh: true });
      const c = createFrontTools({ token, baseUrl: "http://127.0.0.1:9", fetch: front.fetch, redisUrl: server.url, cacheTtl: 60_000 });
      await c.listTags();
      await c.dispose();
      expect(front.calls()).toBe(4); // c found b's list in Redis
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });
});
