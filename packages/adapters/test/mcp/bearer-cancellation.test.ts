import { describe, expect, it } from "vitest";
import { bearerToken } from "../../src/mcp/bearer.js";
import { InflightCalls } from "../../src/mcp/cancellation.js";

// The per-account client cache these tests covered is now the tools' one ClientCache (tools/test/client-cache.test.ts).

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
