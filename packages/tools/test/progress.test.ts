// Progress as a caller sees it: MCP requires `progress` to grow with every notification, and a progress bar
// needs it never above `total`. Front may answer pages shorter than `limit`, so a tool cannot know its page
// count up front; these tests page through short pages, where the old estimate let progress pass its total.
import { describe, expect, it } from "vitest";
import { createFrontTools, type ProgressUpdate } from "../src/index.js";
import { guardProgress } from "../src/progress.js";
import { fakeFetch, json } from "./support/fake-fetch.js";

const TOKEN = "tok_PROGRESS_0123456789";
const BASE = "http://127.0.0.1:9";

/** Every page holds one item, whatever `limit` asked; the list has `length` items. */
const shortPages = (prefix: string, length: number, item: (id: string, n: number) => unknown) =>
  fakeFetch([
    (req) => {
      const url = new URL(req.url);
      const n = Number(url.searchParams.get("page_token") ?? "0");
      const next = n + 1 < length ? `https://acme.api.frontapp.com${url.pathname}?page_token=${n + 1}` : null;
      return json(200, { _results: [item(`${prefix}${n}`, n)], _pagination: { next } });
    },
  ]);

/** The invariants every sequence of reports must keep. */
const expectHonest = (updates: ReadonlyArray<ProgressUpdate>) => {
  expect(updates.length).toBeGreaterThan(0);
  let previous: ProgressUpdate | undefined;
  for (const u of updates) {
    if (u.total !== undefined) expect(u.progress, JSON.stringify(updates)).toBeLessThanOrEqual(u.total);
    if (previous !== undefined) {
      expect(u.progress, JSON.stringify(updates)).toBeGreaterThan(previous.progress);
      if (previous.total !== undefined && u.total !== undefined) expect(u.total, JSON.stringify(updates)).toBeGreaterThanOrEqual(previous.total);
    }
    previous = u;
  }
};

describe("progress never passes its total and always grows", () => {
  it("list-contacts auto-paging through pages shorter than asked", async () => {
    const { fetch, requests } = shortPages("crd_", 10, (id) => ({ id }));
    const front = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch, burstPerSecond: 0 });
    try {
      const updates: ProgressUpdate[] = [];
      const out = await front.listContacts({ auto_paginate: true, max_results: 4, limit: 2 }, { onProgress: (u) => updates.push(u) });
      expect(out.count).toBe(4);
      expect(requests).toHaveLength(4);
      expectHonest(updates);
      expect(updates.map((u) => u.progress)).toEqual([1, 2, 3, 4]);
      expect(updates.at(-1)?.total).toBe(4);
    } finally {
      await front.dispose();
    }
  });

  it("list-conversations over several inboxes, paging concurrently through short pages", async () => {
    const { fetch, requests } = shortPages("cnv_", 5, (id, n) => ({ id: `${id}_${Math.random().toString(36).slice(2, 8)}`, updated_at: 1000 - n }));
    const front = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch, burstPerSecond: 0 });
    try {
      const updates: ProgressUpdate[] = [];
      const out = await front.listConversations(
        { inbox_ids: ["inb_a", "inb_b", "inb_c"], auto_paginate: true, max_results: 3, limit: 2 },
        { onProgress: (u) => updates.push(u) },
      );
      expect(out.count).toBe(3);
      expect(requests).toHaveLength(9);
      expectHonest(updates);
      expect(updates.at(-1)?.progress).toBe(9);
    } finally {
      await front.dispose();
    }
  });

  it("a single page has a total of one page, met exactly", async () => {
    const { fetch } = shortPages("crd_", 10, (id) => ({ id }));
    const front = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch });
    try {
      const updates: ProgressUpdate[] = [];
      await front.listContacts({ limit: 5 }, { onProgress: (u) => updates.push(u) });
      expect(updates.map((u) => [u.progress, u.total])).toEqual([[1, 1]]);
    } finally {
      await front.dispose();
    }
  });
});

describe("guardProgress: the one rule", () => {
  it("drops reports that do not grow, raises a total below progress, never lowers a total", () => {
    const out: ProgressUpdate[] = [];
    const report = guardProgress((u) => out.push(u));
    report({ progress: 1, total: 2, message: "a" });
    report({ progress: 1, total: 2 }); // no growth: dropped
    report({ progress: 3, total: 2 }); // past its total: the total grows to meet it
    report({ progress: 4, total: 1 }); // a smaller total: the larger one stays
    report({ progress: 5 }); // total unknown now: omitted
    report({ progress: Number.NaN });
    expect(out).toEqual([{ progress: 1, total: 2, message: "a" }, { progress: 3, total: 3 }, { progress: 4, total: 4 }, { progress: 5 }]);
  });
});
