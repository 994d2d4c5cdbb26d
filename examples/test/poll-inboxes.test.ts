import { type SimulatedFront, startSimulatedFront } from "@frontkit/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { run } from "../poll-inboxes.js";

let front: SimulatedFront;
beforeAll(async () => {
  // Generous limits: this test is about request counts, not rate limiting.
  front = await startSimulatedFront({ perMinute: 10_000, burstPerSecond: 1_000 });
});
afterAll(() => front.stop());
beforeEach(() => front.reset());

const token = "poll-inboxes-test-token";

describe("poll-inboxes against the simulated Front", () => {
  it("lists inboxes once and the second poll stops at the cursor after one page per inbox", async () => {
    const newest = front.dataset.conversationUpdatedAt(0);
    // 30 minutes back: conversations are one minute apart, so the 30 at 0..29 minutes are newer.
    const { polls, inboxListings } = await run({ baseUrl: front.url, token, since: newest - 30 * 60, polls: 2 });

    expect(inboxListings).toBe(1);
    expect(front.stats().byPath["GET /inboxes"]).toBe(1);
    const [first, second] = polls;
    expect(first!.conversationIds).toHaveLength(30);
    expect(first!.stoppedByDateFilter).toBe(true);
    expect(second!.since).toBe(newest);
    expect(second!.conversationIds).toHaveLength(0);
    expect(second!.stoppedByDateFilter).toBe(true);

    const inboxCount = front.dataset.size.inboxes;
    const conversationRequests = Object.entries(front.stats().byPath)
      .filter(([path]) => /^GET \/inboxes\/[^/]+\/conversations$/.test(path))
      .reduce((sum, [, n]) => sum + n, 0);
    // Every poll costs one page per inbox: the date filter ends paging on the first page.
    expect(conversationRequests).toBe(2 * inboxCount);
  });

  it("a third poll still lists inboxes only once", async () => {
    const { polls, inboxListings } = await run({ baseUrl: front.url, token, since: front.dataset.conversationUpdatedAt(5), polls: 3 });
    expect(inboxListings).toBe(1);
    expect(front.stats().byPath["GET /inboxes"]).toBe(1);
    expect(polls[0]!.conversationIds).toHaveLength(5);
    expect(polls[2]!.conversationIds).toHaveLength(0);
  });
});
