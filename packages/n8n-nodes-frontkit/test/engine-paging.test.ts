/**
 * Return All / Limit across several pages. Prism repeats one page token, so multi-page
 * data comes from testkit's simulated Front (real `_pagination.next` on a company host).
 */
import { type SimulatedFront, startSimulatedFront } from "@frontkit/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CANARY_TOKEN } from "./engine/fixtures.js";
import { runFrontWorkflow } from "./engine/run-workflow.js";

let front: SimulatedFront;
beforeAll(async () => {
  front = await startSimulatedFront({ perMinute: 6000, burstPerSecond: 1000, dataset: { tags: 230, contacts: 250, conversations: 260 } });
});
beforeEach(() => {
  front.reset();
});
afterAll(async () => {
  await front?.stop();
});

const credentials = () => ({ token: CANARY_TOKEN, baseUrl: front.url });

describe("Return All across pages (simulated Front)", () => {
  it("Tag → Get Many with Return All follows every page on the configured base URL", async () => {
    const result = await runFrontWorkflow({ parameters: { resource: "tag", operation: "getAll", returnAll: true }, credentials: credentials() });
    expect(result.error).toBeUndefined();
    expect(result.items).toHaveLength(230);
    expect(new Set(result.items.map((i) => i.json.id)).size).toBe(230);
    // 230 tags at ≤ 100 per page: at least three pages, all asked of the simulated server itself.
    expect(front.stats().byPath["GET /tags"] ?? 0).toBeGreaterThanOrEqual(3);
    expect(result.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
  });

  it("Tag → Get Many with a Limit returns exactly that many", async () => {
    const result = await runFrontWorkflow({ parameters: { resource: "tag", operation: "getAll", returnAll: false, limit: 7 }, credentials: credentials() });
    expect(result.error).toBeUndefined();
    expect(result.items).toHaveLength(7);
  });
});

describe("token-paged tools (simulated Front)", () => {
  it("Contact → Get Many with Return All returns every contact across pages", async () => {
    const result = await runFrontWorkflow({ parameters: { resource: "contact", operation: "getAll", returnAll: true }, credentials: credentials() });
    expect(result.error).toBeUndefined();
    expect(result.items).toHaveLength(250);
    expect(new Set(result.items.map((i) => i.json.id)).size).toBe(250);
    expect(front.stats().byPath["GET /contacts"] ?? 0).toBeGreaterThanOrEqual(3);
  });

  it("Contact → Get Many with Limit 120 returns 120 and asks for no more than needed", async () => {
    const result = await runFrontWorkflow({ parameters: { resource: "contact", operation: "getAll", returnAll: false, limit: 120 }, credentials: credentials() });
    expect(result.error).toBeUndefined();
    expect(result.items).toHaveLength(120);
    expect(front.stats().byPath["GET /contacts"]).toBe(2);
  });

  it("Conversation → Get Many with Return All pages through every conversation", async () => {
    const result = await runFrontWorkflow({ parameters: { resource: "conversation", operation: "getAll", returnAll: true }, credentials: credentials() });
    expect(result.error).toBeUndefined();
    expect(result.items).toHaveLength(260);
    expect(new Set(result.items.map((i) => i.json.id)).size).toBe(260);
  });

  it("Conversation → Get Many with Updated After finds a conversation tagged after it, deep in the list (no early stop)", async () => {
    const d = front.dataset;
    const after = d.conversationUpdatedAt(0) + 100;
    front.conversationOrder.clear();
    // Tagging changes updated_at but not the place in Front's list: #240 stays near the end.
    front.tagConversation(d.conversationId(240), after + 5);
    front.replyConversation(d.conversationId(100), after + 6);
    try {
      const result = await runFrontWorkflow({
        parameters: { resource: "conversation", operation: "getAll", returnAll: true, additionalFields: { updatedAfter: after } },
        credentials: credentials(),
      });
      expect(result.error).toBeUndefined();
      expect(result.items.map((i) => i.json.id).sort()).toEqual([d.conversationId(100), d.conversationId(240)].sort());
      // The whole list was read: 260 conversations at up to 100 per page.
      expect(front.stats().byPath["GET /conversations"]).toBe(3);
    } finally {
      front.conversationOrder.clear();
    }
  });

  it("Conversation → Get Many filters by statuses (multi-options) and inbox", async () => {
    const inbox = front.dataset.inboxId(0);
    const result = await runFrontWorkflow({
      parameters: { resource: "conversation", operation: "getAll", returnAll: true, additionalFields: { inboxIds: [inbox], statuses: ["archived"] } },
      credentials: credentials(),
    });
    expect(result.error).toBeUndefined();
    expect(result.items.length).toBeGreaterThan(0);
    for (const item of result.items) expect(item.json.status).toBe("archived");
    expect(Object.keys(front.stats().byPath).every((p) => p === `GET /inboxes/${inbox}/conversations`)).toBe(true);
  });
});
