/**
 * list-conversations (and get-conversation's message paging) against the
 * testkit's simulated Front: real multi-page lists with `_pagination.next` on a
 * foreign company host, so request counts show what the date filter costs.
 */
import { type SimulatedFront, startSimulatedFront } from "@frontkit/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFrontTools, type FrontTools } from "../../src/index.js";

let front: SimulatedFront;
let tools: FrontTools;

beforeAll(async () => {
  front = await startSimulatedFront({ perMinute: 10_000, burstPerSecond: 1_000 });
  tools = createFrontTools({ token: "tok_sim_0123456789", baseUrl: front.url, burstPerSecond: 0 });
});
afterAll(async () => {
  await tools?.dispose();
  await front?.stop();
});
beforeEach(() => front.reset());

describe("list-conversations against the simulated Front", () => {
  it("updated_after reads the whole list (6 of 6 pages) and returns exactly the newer conversations", async () => {
    const d = front.dataset;
    // Conversation i was updated at EPOCH - 60 i: everything newer than #120 is #0..#119.
    const out = await tools.listConversations({ updated_after: d.conversationUpdatedAt(120), auto_paginate: true, max_results: 2000, limit: 50 });
    expect(out.count).toBe(120);
    expect(out.complete).toBe(true);
    expect(out.stopped_by_date_filter).toBe(false);
    expect(out.conversations.at(-1)!.id).toBe(d.conversationId(119));
    // No order is assumed, so the filter costs a read of the whole list.
    expect(front.stats().byPath["GET /conversations"]).toBe(6);

    front.reset();
    const bounded = await tools.listConversations({ updated_after: d.conversationUpdatedAt(120), auto_paginate: true, max_pages: 2, limit: 50 });
    expect(bounded.count).toBe(100);
    expect(bounded.complete).toBe(false);
    expect(bounded.next_page_token).toBeDefined();
    expect(front.stats().byPath["GET /conversations"]).toBe(2);

    front.reset();
    const all = await tools.listConversations({ auto_paginate: true, max_results: 2000, limit: 50 });
    expect(all.count).toBe(300);
    expect(all.complete).toBe(true);
    expect(front.stats().byPath["GET /conversations"]).toBe(6);
  });

  it("several inboxes: each conversation with its inbox, sorted by updated_at, incomplete when max_results cut it", async () => {
    const d = front.dataset;
    const inboxIds = [0, 1, 2].map((i) => d.inboxId(i));
    const out = await tools.listConversations({ inbox_ids: inboxIds, auto_paginate: true, max_results: 60, limit: 25 });
    expect(out.count).toBe(60);
    const times = out.conversations.map((c) => c.updated_at!);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const c of out.conversations) expect(c.inbox_ids).toEqual([d.inboxId(d.conversationInbox(Number.parseInt(c.id.slice(4), 36)))]);
    // Each inbox holds 100 and its list has no order: 60 per inbox were read, the merge kept 60 of 180.
    expect(out.complete).toBe(false);
    expect(front.stats().rateLimited).toBe(0);

    front.reset();
    const whole = await tools.listConversations({ inbox_ids: inboxIds, auto_paginate: true, max_results: 2000 });
    expect(whole.count).toBe(300);
    expect(whole.complete).toBe(true);
    expect(whole.conversations.map((c) => c.id)).toEqual(Array.from({ length: 300 }, (_, i) => d.conversationId(i)));
  });

  it("page_token continues exactly where the previous page ended", async () => {
    const first = await tools.listConversations({ limit: 30 });
    const second = await tools.listConversations({ limit: 30, page_token: first.next_page_token! });
    expect(second.conversations[0]!.id).toBe(front.dataset.conversationId(30));
  });

  it("get-conversation pages its messages up to max_messages", async () => {
    const d = front.dataset;
    let i = 0;
    while (d.messageCount(i) < 3) i++;
    const out = await tools.getConversation({ conversation_id: d.conversationId(i), max_messages: 2 });
    expect(out.message_count).toBe(2);
    expect(out.more_messages).toBe(true);
    const all = await tools.getConversation({ conversation_id: d.conversationId(i), max_messages: 500 });
    expect(all.message_count).toBe(d.messageCount(i));
    expect(all.more_messages).toBe(false);
  });
});
