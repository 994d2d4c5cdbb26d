/**
 * Contract: list-conversations against Prism serving the corrected spec.
 * Prism validates each request (a 422 fails the tool and so the test); it accepts
 * q lists in Front's `[]` form but cannot check their values (see the
 * query-objects correction). Uses the run's shared Prism when provided, else starts one.
 */
import { describe, expect, it } from "vitest";
import { usePrismClient } from "../support/prism-client.js";

const prism = usePrismClient();

describe("list-conversations against Prism", () => {
  it("company-wide with statuses: Prism accepts q[statuses][] (2xx, no 422)", async () => {
    const out = await prism.tools.listConversations({ statuses: ["assigned", "unassigned", "archived"], limit: 10 });
    expect(out.count).toBeGreaterThan(0);
    expect(out.conversations[0]!.id).toMatch(/^cnv_/);
    expect(out.complete).toBe(false);
    expect(prism.proxy.requests.map((r) => r.path)).toEqual(["/conversations"]);
    expect(prism.proxy.requests[0]!.query.getAll("q[statuses][]")).toEqual(["assigned", "unassigned", "archived"]);
  });

  it("status_categories are accepted too", async () => {
    const out = await prism.tools.listConversations({ status_categories: ["open", "waiting"] });
    expect(out.count).toBeGreaterThan(0);
    expect(prism.proxy.requests[0]!.query.getAll("q[status_categories][]")).toEqual(["open", "waiting"]);
  });

  it("several inboxes: one request each, merged, inbox ids reported", async () => {
    const out = await prism.tools.listConversations({ inbox_ids: ["inb_1", "inb_2"], statuses: ["assigned"] });
    expect(prism.proxy.requests.map((r) => r.path).sort()).toEqual(["/inboxes/inb_1/conversations", "/inboxes/inb_2/conversations"]);
    expect(out.count).toBeGreaterThan(0);
    expect(out.conversations[0]!.inbox_ids!.length).toBeGreaterThan(0);
    expect(out.next_page_token).toBeUndefined();
    for (const r of prism.proxy.requests) expect(r.query.getAll("q[statuses][]")).toEqual(["assigned"]);
  });

  it("auto-paging stops on Prism's repeated page token, with progress", async () => {
    const progress: number[] = [];
    const out = (await prism.tools.invoke("list-conversations", { auto_paginate: true, max_results: 500 }, { onProgress: (p) => progress.push(p.progress) })) as { count: number };
    expect(out.count).toBeGreaterThan(0);
    expect(prism.proxy.requests.length).toBeLessThanOrEqual(2);
    expect(progress.length).toBe(prism.proxy.requests.length);
  });

  it("a date filter in the far past keeps everything; in the future keeps nothing but still reads to the end", async () => {
    const all = await prism.tools.listConversations({ updated_after: 0 });
    expect(all.count).toBeGreaterThan(0);
    const none = await prism.tools.listConversations({ updated_after: "2999-01-01", auto_paginate: true });
    expect(none.count).toBe(0);
    expect(none.stopped_by_date_filter).toBe(false);
    // Prism repeats one page token forever: the repeated token ends the read (no early stop on a date).
    expect(prism.proxy.requests).toHaveLength(3);
  });
});
