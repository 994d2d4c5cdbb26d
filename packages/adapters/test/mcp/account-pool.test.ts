import type { FrontTools } from "@frontkit/tools";
import { describe, expect, it } from "vitest";
import { AccountPool } from "../../src/mcp/account-pool.js";
import { bearerToken } from "../../src/mcp/bearer.js";
import { InflightCalls } from "../../src/mcp/cancellation.js";

const fakeTools = (label: string) => {
  const state = { label, disposed: 0 };
  const tools = { dispose: async () => void (state.disposed += 1) } as unknown as FrontTools;
  return { tools, state };
};

const makePool = (max: number) => {
  const made: Array<{ token: string; state: { label: string; disposed: number } }> = [];
  const pool = new AccountPool((token) => {
    const f = fakeTools(token);
    made.push({ token, state: f.state });
    return f.tools;
  }, max);
  return { pool, made };
};

describe("AccountPool", () => {
  it("reuses one FrontTools per token and separates tokens", () => {
    const { pool, made } = makePool(4);
    const a1 = pool.acquire("token-aaaaaaaa");
    const a2 = pool.acquire("token-aaaaaaaa");
    const b = pool.acquire("token-bbbbbbbb");
    expect(a1.tools).toBe(a2.tools);
    expect(b.tools).not.toBe(a1.tools);
    expect(made.map((m) => m.token)).toEqual(["token-aaaaaaaa", "token-bbbbbbbb"]);
    expect(pool.size).toBe(2);
  });

  it("keys accounts by an opaque HMAC, never the token", () => {
    const { pool } = makePool(2);
    const lease = pool.acquire("token-aaaaaaaa");
    expect(lease.account).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(lease.account).not.toContain("token");
    expect(pool.accountOf("token-aaaaaaaa")).toBe(lease.account);
    // A fresh pool has a fresh key: ids cannot be correlated across processes.
    expect(makePool(2).pool.accountOf("token-aaaaaaaa")).not.toBe(lease.account);
  });

  it("evicts the least recently used account and disposes it", () => {
    const { pool, made } = makePool(2);
    pool.acquire("t-one-aaaaaaaa").release();
    pool.acquire("t-two-aaaaaaaa").release();
    pool.acquire("t-one-aaaaaaaa").release(); // one is now the most recent
    pool.acquire("t-three-aaaaaa").release();
    expect(pool.size).toBe(2);
    expect(made.find((m) => m.token === "t-two-aaaaaaaa")?.state.disposed).toBe(1);
    expect(made.find((m) => m.token === "t-one-aaaaaaaa")?.state.disposed).toBe(0);
  });

  it("defers disposing an evicted account until its last request releases it", () => {
    const { pool, made } = makePool(1);
    const busy = pool.acquire("t-busy-aaaaaaa");
    pool.acquire("t-next-aaaaaaa").release();
    const state = made[0]?.state;
    expect(state?.disposed).toBe(0);
    busy.release();
    busy.release(); // idempotent
    expect(state?.disposed).toBe(1);
  });

  it("creates a new instance for a token seen again after eviction", () => {
    const { pool, made } = makePool(1);
    pool.acquire("t-one-aaaaaaaa").release();
    pool.acquire("t-two-aaaaaaaa").release();
    pool.acquire("t-one-aaaaaaaa").release();
    expect(made.map((m) => m.token)).toEqual(["t-one-aaaaaaaa", "t-two-aaaaaaaa", "t-one-aaaaaaaa"]);
  });

  it("disposes everything on close and refuses a bad size", async () => {
    const { pool, made } = makePool(3);
    pool.acquire("t-one-aaaaaaaa");
    pool.acquire("t-two-aaaaaaaa");
    await pool.close();
    expect(made.every((m) => m.state.disposed === 1)).toBe(true);
    expect(pool.size).toBe(0);
    expect(() => makePool(0)).toThrow(RangeError);
  });
});

describe("bearerToken", () => {
  it.each([
    ["Bearer abc.def-123", "abc.def-123"],
    ["bearer   abc ", "abc"],
    [undefined, undefined],
    ["", undefined],
    ["Basic YTpi", undefined],
    ["Bearer", undefined],
    ["Bearer a b", undefined],
  ])("%j → %j", (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it("refuses several Authorization headers", () => {
    expect(bearerToken(["Bearer a", "Bearer b"])).toBeUndefined();
  });
});

describe("InflightCalls", () => {
  it("cancels the one call with that account and id", () => {
    const calls = new InflightCalls();
    const a = new AbortController();
    const b = new AbortController();
    calls.register("acct-a", 7, a);
    calls.register("acct-b", 7, b);
    expect(calls.cancel("acct-a", "7")).toBe(false); // ids are typed: "7" is not 7
    expect(calls.cancel("acct-a", 7, "user")).toBe(true);
    expect(a.signal.aborted).toBe(true);
    expect(b.signal.aborted).toBe(false);
  });

  it("cancels nothing when the id is ambiguous within an account", () => {
    const calls = new InflightCalls();
    const one = new AbortController();
    const two = new AbortController();
    const unregister = calls.register("acct", 1, one);
    calls.register("acct", 1, two);
    expect(calls.cancel("acct", 1)).toBe(false);
    expect(one.signal.aborted || two.signal.aborted).toBe(false);
    unregister();
    expect(calls.size).toBe(1);
    expect(calls.cancel("acct", 1)).toBe(true);
    expect(two.signal.aborted).toBe(true);
  });
});
