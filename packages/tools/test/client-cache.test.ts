import { Redacted } from "effect";
import { describe, expect, it } from "vitest";
import { ClientCache } from "../src/client-cache.js";

/** A realistic-length token per name. */
const tok = (name: string) => `${name}-0123456789abcdef`;

const makeCache = (maxClients: number, extra: { idleTtlMs?: number; now?: () => number } = {}) => {
  const made: Array<{ token: string; baseUrl: string | undefined; disposed: number }> = [];
  const cache = new ClientCache({
    maxClients,
    ...extra,
    clientOptions: { timeoutMs: 1234 },
    create: (config) => {
      expect(Redacted.isRedacted(config.token)).toBe(true);
      expect(config.timeoutMs).toBe(1234);
      const record = { token: Redacted.value(config.token), baseUrl: config.baseUrl, disposed: 0 };
      made.push(record);
      return { dispose: async () => void (record.disposed += 1) };
    },
  });
  return { cache, made };
};

describe("ClientCache", () => {
  it("reuses one client per token and separates tokens and base URLs", () => {
    const { cache, made } = makeCache(4);
    const a1 = cache.acquire({ token: tok("a") });
    const a2 = cache.acquire({ token: Redacted.make(tok("a")) });
    const b = cache.acquire({ token: tok("b") });
    const aElsewhere = cache.acquire({ token: tok("a"), baseUrl: "http://127.0.0.1:9" });
    expect(a1.client).toBe(a2.client);
    expect(b.client).not.toBe(a1.client);
    expect(aElsewhere.client).not.toBe(a1.client);
    expect(made.map((m) => [m.token, m.baseUrl])).toEqual([
      [tok("a"), undefined],
      [tok("b"), undefined],
      [tok("a"), "http://127.0.0.1:9"],
    ]);
    expect(cache.size).toBe(3);
  });

  it("keys clients by an opaque HMAC, never the token", () => {
    const { cache } = makeCache(2);
    const lease = cache.acquire({ token: tok("a") });
    expect(lease.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(lease.key).not.toContain("0123456789");
    expect(cache.keyOf({ token: tok("a") })).toBe(lease.key);
    // A fresh cache has a fresh key: keys cannot be correlated across processes.
    expect(makeCache(2).cache.keyOf({ token: tok("a") })).not.toBe(lease.key);
  });

  it("lends a redactor for the client's token (the one rule)", () => {
    const { cache } = makeCache(2);
    const lease = cache.acquire({ token: tok("a") });
    expect(lease.redact.text(`Bearer ${tok("a")}`)).toBe("Bearer <redacted>");
    expect(lease.redact.json({ [tok("a")]: [tok("a")] })).toEqual({ "<redacted>": ["<redacted>"] });
  });

  it("evicts the least recently used idle client and disposes it", () => {
    const { cache, made } = makeCache(2);
    cache.acquire({ token: tok("one") }).release();
    cache.acquire({ token: tok("two") }).release();
    cache.acquire({ token: tok("one") }).release(); // one is now the most recent
    cache.acquire({ token: tok("three") }).release();
    expect(cache.size).toBe(2);
    expect(made.find((m) => m.token === tok("two"))?.disposed).toBe(1);
    expect(made.find((m) => m.token === tok("one"))?.disposed).toBe(0);
  });

  it("retires idle clients before busy ones, and a busy one only when all are busy, disposing it on its last release", async () => {
    const { cache, made } = makeCache(2);
    const busy = cache.acquire({ token: tok("a") });
    cache.acquire({ token: tok("b") }).release();
    cache.acquire({ token: tok("c") }).release();
    await cache.settled();
    expect(made.map((m) => [m.token, m.disposed])).toEqual([
      [tok("a"), 0],
      [tok("b"), 1],
      [tok("c"), 0],
    ]);
    busy.release();
    const { cache: one, made: madeOne } = makeCache(1);
    const held = one.acquire({ token: tok("busy") });
    one.acquire({ token: tok("next") }).release();
    expect(madeOne[0]?.disposed).toBe(0);
    held.release();
    held.release(); // idempotent
    expect(madeOne[0]?.disposed).toBe(1);
  });

  it("creates a new client for a token seen again after eviction", () => {
    const { cache, made } = makeCache(1);
    cache.acquire({ token: tok("one") }).release();
    cache.acquire({ token: tok("two") }).release();
    cache.acquire({ token: tok("one") }).release();
    expect(made.map((m) => m.token)).toEqual([tok("one"), tok("two"), tok("one")]);
  });

  it("reuses one client per scope while its token is unchanged", () => {
    const { cache, made } = makeCache(10);
    const a1 = cache.acquire({ token: tok("a"), scope: "conn-a" });
    a1.release();
    const a2 = cache.acquire({ token: tok("a"), scope: "conn-a" });
    a2.release();
    const b = cache.acquire({ token: tok("b"), scope: "conn-b" });
    b.release();
    expect(a1.client).toBe(a2.client);
    expect(b.client).not.toBe(a1.client);
    expect(made.map((m) => m.token)).toEqual([tok("a"), tok("b")]);
    expect(cache.size).toBe(2);
  });

  it("gives a scope's new token a fresh client and disposes the old one after its calls finish; scopes never share", async () => {
    const { cache, made } = makeCache(10);
    const old = cache.acquire({ token: tok("old"), scope: "conn-a" });
    const other = cache.acquire({ token: tok("old"), scope: "conn-b" });
    expect(other.client).not.toBe(old.client);
    const fresh = cache.acquire({ token: tok("new"), scope: "conn-a" });
    expect(fresh.client).not.toBe(old.client);
    expect(made[0]?.disposed).toBe(0); // still in flight
    old.release();
    old.release(); // a double release must not over-count
    await cache.settled();
    expect(made[0]?.disposed).toBe(1);
    expect(made[1]?.disposed).toBe(0);
    expect(made[2]?.disposed).toBe(0);
    fresh.release();
    other.release();
    expect(cache.size).toBe(2);
  });

  it("drops clients idle for the TTL, never busy ones", () => {
    let now = 0;
    const { cache, made } = makeCache(10, { idleTtlMs: 1_000, now: () => now });
    cache.acquire({ token: tok("idle") }).release();
    const busy = cache.acquire({ token: tok("busy") });
    now = 1_500;
    const fresh = cache.acquire({ token: tok("fresh") });
    expect(made.map((m) => [m.token, m.disposed])).toEqual([
      [tok("idle"), 1],
      [tok("busy"), 0],
      [tok("fresh"), 0],
    ]);
    expect(cache.size).toBe(2);
    busy.release();
    fresh.release();
  });

  it("keeps nothing when the client cannot be built", () => {
    const cache = new ClientCache({
      create: () => {
        throw new Error("bad options");
      },
    });
    expect(() => cache.acquire({ token: tok("a") })).toThrow("bad options");
    expect(cache.size).toBe(0);
  });

  it("disposes everything on close, refuses later acquisitions and bad sizes", async () => {
    const { cache, made } = makeCache(3);
    cache.acquire({ token: tok("one") });
    cache.acquire({ token: tok("two") }).release();
    const closing = cache.close();
    expect(cache.closed).toBe(true);
    expect(() => cache.acquire({ token: tok("three") })).toThrow(/closed/);
    expect(made[1]?.disposed).toBe(1);
    expect(cache.size).toBe(0);
    void closing;
    expect(() => makeCache(0)).toThrow(RangeError);
    expect(() => makeCache(1, { idleTtlMs: -1 })).toThrow(RangeError);
  });

  it("builds FrontTools by default, with the token Redacted and the client options passed through", async () => {
    const seen: string[] = [];
    const cache = new ClientCache({
      clientOptions: {
        fetch: async (request: Request) => {
          seen.push(request.headers.get("authorization") ?? "");
          return new Response(JSON.stringify({ _results: [], _pagination: {} }), { status: 200, headers: { "content-type": "application/json" } });
        },
      },
    });
    const lease = cache.acquire({ token: tok("real"), baseUrl: "http://127.0.0.1:9" });
    await lease.client.invoke("list-tags", {});
    lease.release();
    expect(seen).toEqual([`Bearer ${tok("real")}`]);
    await cache.close();
  });
});
