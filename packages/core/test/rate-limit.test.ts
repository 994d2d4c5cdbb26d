import { describe, expect, it } from "vitest";
import { parseRateLimit, parseRetryAfter } from "../src/index.js";

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);

describe("parseRetryAfter", () => {
  it.each([
    ["5", 5_000],
    ["0", 0],
    [" 12 ", 12_000],
    ["1.5", 1_500],
    ["0.001", 1],
    ["Tue, 24 Nov 2026 12:00:30 GMT", 30_000],
    ["Tue, 24 Nov 2026 11:59:00 GMT", 0],
  ])("reads %j as %d ms", (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it.each([null, undefined, "", "soon", "-5", "1e3", "5s", "NaN", "Infinity", "2026-11-24T12:00:30Z", "Tue, 99 Foo 2026 12:00:30 GMT"])(
    "gives undefined for %j",
    (value) => {
      expect(parseRetryAfter(value, NOW)).toBeUndefined();
    },
  );
});

describe("parseRateLimit", () => {
  it("reads every Front header", () => {
    const headers = new Headers({
      "x-ratelimit-limit": "100",
      "x-ratelimit-remaining": "7",
      "x-ratelimit-reset": "1795000000",
      "retry-after": "2",
      "x-front-tier": "tier-2",
    });
    expect(parseRateLimit(headers, NOW)).toEqual({
      limit: 100,
      remaining: 7,
      resetAt: 1_795_000_000_000,
      retryAfterMs: 2_000,
      tier: "tier-2",
    });
  });

  it("leaves absent and garbage headers undefined", () => {
    const headers = new Headers({ "x-ratelimit-limit": "lots", "x-ratelimit-remaining": "-1", "retry-after": "later", "x-front-tier": " " });
    expect(parseRateLimit(headers, NOW)).toEqual({});
    expect(parseRateLimit(new Headers(), NOW)).toEqual({});
  });

  it("keeps a fractional reset precise to the millisecond", () => {
    expect(parseRateLimit(new Headers({ "x-ratelimit-reset": "1795000000.25" }), NOW).resetAt).toBe(1_795_000_000_250);
  });
});

describe("parseRateLimit sanitises hostile headers once, at the boundary", () => {
  const HOUR = 3_600_000;

  it.each([
    ["0.5", 0],
    ["0.001", 0],
    ["7.9", 7],
  ])("reads a fractional remaining %j as the whole %d requests left", (value, expected) => {
    expect(parseRateLimit(new Headers({ "x-ratelimit-remaining": value }), NOW).remaining).toBe(expected);
  });

  it("clamps absurd magnitudes to safe integers and bounded waits", () => {
    const info = parseRateLimit(
      new Headers({
        "retry-after": "10000000000000",
        "x-ratelimit-limit": "10000000000000000",
        "x-ratelimit-remaining": "10000000000000000",
        "x-ratelimit-reset": `1${"0".repeat(20)}`,
      }),
      NOW,
    );
    expect(info.retryAfterMs).toBe(HOUR);
    expect(info.limit).toBe(1_000_000);
    expect(info.remaining).toBe(1_000_000);
    // 10^20 s is past any date: unreadable, like garbage.
    expect(info.resetAt).toBeUndefined();
    for (const n of [info.retryAfterMs, info.limit, info.remaining]) expect(Number.isSafeInteger(n)).toBe(true);
  });

  it("ignores a 301-digit reset rather than reading Infinity", () => {
    const info = parseRateLimit(new Headers({ "x-ratelimit-reset": `1${"0".repeat(300)}` }), NOW);
    expect(info.resetAt).toBeUndefined();
  });

  it("never lets remaining exceed limit, and drops a zero limit", () => {
    expect(parseRateLimit(new Headers({ "x-ratelimit-limit": "50", "x-ratelimit-remaining": "900" }), NOW)).toEqual({ limit: 50, remaining: 50 });
    expect(parseRateLimit(new Headers({ "x-ratelimit-limit": "0" }), NOW).limit).toBeUndefined();
  });

  it.each(["Infinity", "-0.5", "NaN", "1e400", "0x10"])("leaves a non-finite or negative %j undefined", (value) => {
    const info = parseRateLimit(
      new Headers({ "x-ratelimit-limit": value, "x-ratelimit-remaining": value, "x-ratelimit-reset": value, "retry-after": value }),
      NOW,
    );
    expect(info).toEqual({});
  });

  it("clamps an HTTP-date retry-after far in the future", () => {
    expect(parseRetryAfter("Tue, 24 Nov 2099 12:00:30 GMT", NOW)).toBe(HOUR);
  });

  it("cuts an overlong tier", () => {
    expect(parseRateLimit(new Headers({ "x-front-tier": "t".repeat(500) }), NOW).tier).toHaveLength(64);
  });
});
