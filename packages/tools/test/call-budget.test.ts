/** Issue 16 (3): one call's memory is bounded across pages (and so the cached list it loads), not only per answer. */
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_CALL_BYTES } from "../src/call-budget.js";
import { createFrontTools } from "../src/index.js";
import { fakeFetch, json } from "./support/fake-fetch.js";

const TOKEN = "tok_BUDGET_SECRET_0123456789";
const BASE = "http://127.0.0.1:9";
const PAGES = 20;

/** Endless-ish tag pages of ~100 KiB each, every one with a fresh next token (up to PAGES). */
const bigTagPages = () =>
  fakeFetch([
    (req) => {
      const i = Number(new URL(req.url).searchParams.get("page_token")?.slice(1) ?? "0");
      return json(200, {
        _results: Array.from({ length: 100 }, (_, k) => ({ id: `tag_${i}_${k}`, name: `t${i}-${k}-${"x".repeat(1_000)}` })),
        _pagination: { next: i + 1 < PAGES ? `https://acme.api.frontapp.com/tags?page_token=p${i + 1}` : null },
      });
    },
  ]);

const rejection = async (p: Promise<unknown>): Promise<Record<string, unknown>> => {
  try {
    await p;
  } catch (e) {
    return e as Record<string, unknown>;
  }
  throw new Error("expected a rejection");
};

describe("per-call byte budget", () => {
  it("defaults to 64 MiB", () => {
    expect(DEFAULT_MAX_CALL_BYTES).toBe(64 * 1024 * 1024);
  });

  it("list-tags stops with a typed error naming the budget once its pages exceed maxCallBytes, and caches nothing", async () => {
    const { fetch, requests } = bigTagPages();
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch, maxCallBytes: 1024 * 1024, burstPerSecond: 0 });
    try {
      const error = await rejection(ft.listTags({}));
      expect(error["_tag"]).toBe("UnexpectedResponse");
      expect(error["retryable"]).toBe(false);
      expect(String(error["message"])).toContain("maxCallBytes");
      expect(String(error["message"])).toContain("1048576 bytes");
      // ~100 KiB a page: the 11th page crosses 1 MiB and nothing after it is asked for.
      expect(requests.length).toBeGreaterThanOrEqual(10);
      expect(requests.length).toBeLessThan(PAGES);
      // A failed load is not cached: the next call asks Front again.
      const before = requests.length;
      await rejection(ft.listTags({}));
      expect(requests.length).toBeGreaterThan(before);
    } finally {
      await ft.dispose();
    }
  });

  it("raising maxCallBytes lets the same call read every page; the budget is per call, not per instance", async () => {
    const { fetch, requests } = bigTagPages();
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch, maxCallBytes: 4 * 1024 * 1024, cacheTtl: 0, burstPerSecond: 0 });
    try {
      const first = await ft.listTags({});
      expect(first.tags).toHaveLength(PAGES * 100);
      expect(requests).toHaveLength(PAGES);
      expect(requests.at(-1)?.url).toContain(`page_token=p${PAGES - 1}`);
      // A second call starts from an empty budget.
      const second = await ft.listTags({});
      expect(second.tags).toHaveLength(PAGES * 100);
    } finally {
      await ft.dispose();
    }
  });

  it("refuses a maxCallBytes that is not a positive whole number", () => {
    expect(() => createFrontTools({ token: TOKEN, baseUrl: BASE, maxCallBytes: 0 })).toThrow(/maxCallBytes/);
    expect(() => createFrontTools({ token: TOKEN, baseUrl: BASE, maxCallBytes: Number.NaN })).toThrow(/maxCallBytes/);
  });
});
