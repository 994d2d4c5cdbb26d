/**
 * Rate limiting across the items of one execution: the simulated Front enforces a burst
 * limit with Front's 429s; the node's single FrontTools paces and retries so every item
 * succeeds.
 */
import { type SimulatedFront, startSimulatedFront } from "@frontkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CANARY_TOKEN } from "./engine/fixtures.js";
import { runFrontWorkflow } from "./engine/run-workflow.js";

let front: SimulatedFront;
beforeAll(async () => {
  front = await startSimulatedFront({ perMinute: 600, burstPerSecond: 4, dataset: { teammates: 5 } });
});
afterAll(async () => {
  await front?.stop();
});

describe("rate limits shared across items", () => {
  it("twelve items of Teammate → Get Many all succeed under a 4 requests/second burst limit", async () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ json: { n: i } }));
    const started = Date.now();
    const result = await runFrontWorkflow({
      parameters: { resource: "teammate", operation: "getAll", returnAll: true },
      credentials: { token: CANARY_TOKEN, baseUrl: front.url },
      items,
    });
    const elapsed = Date.now() - started;
    expect(result.error).toBeUndefined();
    expect(result.items).toHaveLength(12 * 5);
    for (let i = 0; i < 12; i++) {
      expect(result.items.filter((item) => (item.pairedItem as { item: number }).item === i)).toHaveLength(5);
    }
    const stats = front.stats();
    // Every 429 the server sent was retried: successful calls = 12.
    expect(stats.requests - stats.rateLimited).toBe(12);
    console.info(`12 items: ${stats.requests} requests, ${stats.rateLimited} answered 429, ${elapsed} ms`);
  }, 90_000);
});
