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
