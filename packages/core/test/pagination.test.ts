import { describe, expect, it } from "vitest";
import { createFrontClient, FrontApiError, pageTokenFromNext, paginate, paginateItems } from "../src/index.js";
import { fakeFetch, json, TOKEN } from "./helpers.js";

const BASE = "https://api2.frontapp.com";

const page = (ids: string[], next: string | null) => ({
  _pagination: { next },
  _links: { self: "https://acme.api.frontapp.com/tags" },
  _results: ids.map((id) => ({ id, name: id })),
});

const nextUrl = (token: string) => `https://acme.api.frontapp.com/tags?limit=2&page_token=${token}`;

describe("pageTokenFromNext", () => {
  it.each([
    [nextUrl("abc"), "abc"],
    ["https://acme.api.frontapp.com/conversations?page_token=a%2Bb%3D%3D", "a+b=="],
    ["//evil.example.com/x?page_token=t1", "t1"],
    ["/tags?page_token=rel", "rel"],
    ["https://user:pw@evil.example.com/?page_token=u1", "u1"],
  ])("takes only the token of %s", (next, token) => {
    expect(pageTokenFromNext(next)).toBe(token);
  });

  it.each([null, undefined, "", "   ", "javascript:alert(1)//?page_token=x", "data:text/plain,page_token=x", "https://x/?limit=2", "https://x/?page_token="])(
    "gives undefined for %j",
    (next) => {
      expect(pageTokenFromNext(next)).toBeUndefined();
    },
  );
});

describe("paginate", () => {
  it("follows page tokens on the configured base URL, keeping the query", async () => {
    const pages: Record<string, ReturnType<typeof page>> = {
      first: page(["tag_1", "tag_2"], nextUrl("p2")),
      p2: page(["tag_3", "tag_4"], nextUrl("p3")),
      p3: page(["tag_5"], null),
    };
    const { fetch, calls } = fakeFetch((request) => {
      const token = new URL(request.url).searchParams.get("page_token") ?? "first";
      return json(pages[token]);
    });
    const client = createFrontClient({ token: TOKEN, fetch });
    const ids: string[] = [];
    for await (const tag of paginateItems(client, "/tags", { params: { query: { limit: 2 } } })) ids.push(tag.id);
    expect(ids).toEqual(["tag_1", "tag_2", "tag_3", "tag_4", "tag_5"]);
    expect(calls.map((c) => c.url)).toEqual([
      `${BASE}/tags?limit=2`,
      `${BASE}/tags?limit=2&page_token=p2`,
      `${BASE}/tags?limit=2&page_token=p3`,
    ]);
  });

  it("yields whole pages and stops on a repeated token", async () => {
    const { fetch, calls } = fakeFetch((_request, i) => json(page([`tag_${i}`], nextUrl(i === 0 ? "a" : "b"))));
    const client = createFrontClient({ token: TOKEN, fetch });
    const seen: number[] = [];
    for await (const p of paginate(client, "/tags")) seen.push(p._results?.length ?? -1);
    // page 1 → token a, page 2 (a) → token b, page 3 (b) → b again: stop.
    expect(calls).toHaveLength(3);
    expect(seen).toEqual([1, 1, 1]);
  });

  it("stops at maxPages", async () => {
    let n = 0;
    const { fetch, calls } = fakeFetch(() => json(page(["x"], nextUrl(`t${n++}`))));
    const client = createFrontClient({ token: TOKEN, fetch });
    const items = [];
    for await (const item of paginateItems(client, "/tags", { maxPages: 4 })) items.push(item);
    expect(items).toHaveLength(4);
    expect(calls).toHaveLength(4);
  });

  it("rejects a bad maxPages before sending", async () => {
    const { fetch, calls } = fakeFetch(() => json(page([], null)));
    const client = createFrontClient({ token: TOKEN, fetch });
    await expect(paginate(client, "/tags", { maxPages: 0 }).next()).rejects.toThrow(/maxPages/);
    expect(calls).toHaveLength(0);
  });

  it("honours an AbortSignal between pages", async () => {
    const controller = new AbortController();
    const { fetch, calls } = fakeFetch((_r, i) => json(page([`t${i}`], nextUrl(`n${i}`))));
    const client = createFrontClient({ token: TOKEN, fetch });
    const got: string[] = [];
    const run = async () => {
      for await (const item of paginateItems(client, "/tags", { signal: controller.signal })) {
        got.push(item.id);
        if (got.length === 2) controller.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ name: "AbortError" });
    expect(got).toEqual(["t0", "t1"]);
    expect(calls).toHaveLength(2);
  });

  it("throws FrontApiError on an error page", async () => {
    const { fetch } = fakeFetch((_r, i) =>
      i === 0
        ? json(page(["a"], nextUrl("p2")))
        : json({ _error: { status: 429, title: "Too Many Requests", message: "slow down" } }, { status: 429, headers: { "retry-after": "4" } }),
    );
    const client = createFrontClient({ token: TOKEN, fetch });
    const items: unknown[] = [];
    const error = await (async () => {
      for await (const item of paginateItems(client, "/tags")) items.push(item);
    })().catch((e: unknown) => e);
    expect(items).toHaveLength(1);
    expect(error).toBeInstanceOf(FrontApiError);
    expect(error).toMatchObject({ status: 429, message: "slow down", rateLimit: { retryAfterMs: 4_000 } });
  });

  it("sends path params and fills them on every page", async () => {
    const { fetch, calls } = fakeFetch((_r, i) => json(page([`cnv_${i}`], i < 1 ? nextUrl("two") : null)));
    const client = createFrontClient({ token: TOKEN, fetch });
    const got = [];
    for await (const c of paginateItems(client, "/inboxes/{inbox_id}/conversations", {
      params: { path: { inbox_id: "inb_1" }, query: { q: { statuses: ["assigned"] } } },
    }))
      got.push(c);
    expect(calls.map((c) => c.url)).toEqual([
      `${BASE}/inboxes/inb_1/conversations?q[statuses][]=assigned`,
      `${BASE}/inboxes/inb_1/conversations?q[statuses][]=assigned&page_token=two`,
    ]);
  });

  it.each([
    "https://evil.example.com/tags?page_token=steal",
    "//evil.example.com/tags?page_token=steal",
    "https://api2.frontapp.com@evil.example.com/tags?page_token=steal",
    "https://user:pass@evil.example.com/tags?page_token=steal",
    "http://127.0.0.1:1/tags?page_token=steal",
    "javascript:fetch('https://evil.example.com')//?page_token=steal",
    "not a url at all ?page_token=steal",
    "\\\\evil.example.com\\tags?page_token=steal",
  ])("never contacts another host whatever next says: %s", async (hostile) => {
    const { fetch, calls } = fakeFetch((_r, i) => json(page([`x${i}`], i === 0 ? hostile : null)));
    const client = createFrontClient({ token: TOKEN, fetch });
    for await (const _ of paginate(client, "/tags")) {
      // drain
    }
    expect(calls.length).toBeGreaterThanOrEqual(1);
    for (const call of calls) {
      expect(new URL(call.url).origin).toBe(BASE);
      expect(new URL(call.url).pathname).toBe("/tags");
      expect(call.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    }
  });
});
