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
