import { type SimulatedFront, startSimulatedFront } from "@frontkit/testkit";
import { createFrontTools } from "@frontkit/tools/promise";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createInboxPoller, run } from "../poll-inboxes.js";

let front: SimulatedFront;
beforeAll(async () => {
  // Generous limits: this test is about what polls find and what they cost, not rate limiting.
  front = await startSimulatedFront({ perMinute: 10_000, burstPerSecond: 1_000, bump: "replies" });
});
afterAll(() => front.stop());
beforeEach(() => {
  front.reset();
  front.conversationOrder.clear();
});

const token = "poll-inboxes-test-token";

const inboxListRequests = () =>
  Object.entries(front.stats().byPath)
    .filter(([path]) => /^GET \/inboxes\/[^/]+\/conversations$/.test(path))
    .reduce((sum, [, n]) => sum + n, 0);

describe("poll-inboxes against the simulated Front", () => {
  it("lists inboxes once; each poll reads every inbox list to its end and finds exactly the newer conversations", async () => {
    const newest = front.dataset.conversationUpdatedAt(0);
    // 30 minutes back: conversations are one minute apart, so the 30 at 0..29 minutes are newer.
    const { polls, inboxListings } = await run({ baseUrl: front.url, token, since: newest - 30 * 60, polls: 2 });

    expect(inboxListings).toBe(1);
    expect(front.stats().byPath["GET /inboxes"]).toBe(1);
    const [first, second] = polls;
    expect([...first!.conversationIds].sort()).toEqual(Array.from({ length: 30 }, (_, i) => front.dataset.conversationId(i)).sort());
    expect(first!.complete).toBe(true);
    // The second poll starts from the first one's start (real clock, minus the skew margin): nothing changed since.
    expect(second!.since).toBeGreaterThan(newest);
    expect(second!.conversationIds).toHaveLength(0);
    expect(second!.complete).toBe(true);
    // Each inbox holds 100 conversations: one page of 100 per inbox per poll, whatever the cursor.
    expect(inboxListRequests()).toBe(2 * front.dataset.size.inboxes);
  });

  it("finds a conversation tagged after the cursor even though tagging does not move it up, and reports it once", async () => {
    let clockMs = (front.dataset.conversationUpdatedAt(0) + 3_600) * 1000;
    const tools = createFrontTools({ token, baseUrl: front.url, burstPerSecond: 0 });
    try {
      const poller = createInboxPoller(tools, front.dataset.conversationUpdatedAt(0), { now: () => clockMs, clockSkewSeconds: 60 });
      expect((await poller.poll()).conversationIds).toHaveLength(0);

      // Deep in its inbox list and never bumped: the old early stop would have missed it.
      clockMs += 10_000;
      const tagged = front.dataset.conversationId(250);
      front.tagConversation(tagged, clockMs / 1000);
      const replied = front.dataset.conversationId(120);
      front.replyConversation(replied, clockMs / 1000 + 1);
      clockMs += 10_000;
      const second = await poller.poll();
      expect([...second.conversationIds].sort()).toEqual([replied, tagged].sort());

      // The next poll overlaps the previous one by the skew margin: Front returns both again, the poller does not repeat them.
      clockMs += 5_000;
      const third = await poller.poll();
      expect(third.conversationIds).toHaveLength(0);
      expect(third.complete).toBe(true);
    } finally {
      await tools.dispose();
    }
  });

  it("a poll cut short by maxResults keeps its cursor", async () => {
    const tools = createFrontTools({ token, baseUrl: front.url, burstPerSecond: 0 });
    try {
      const since = front.dataset.conversationUpdatedAt(20);
      const poller = createInboxPoller(tools, since, { maxResults: 5 });
      const cut = await poller.poll();
      expect(cut.complete).toBe(false);
      expect(cut.conversationIds).toHaveLength(5);
      expect(poller.cursor).toBe(since);
    } finally {
      await tools.dispose();
    }
  });
});
