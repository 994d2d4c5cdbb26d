// A 429 storm: 100 concurrent calls whose first attempt is each refused; all complete within the attempt bound.
import { type FaultProxy, faults, startFaultProxy } from "@frontkit/testkit";
import { createFrontTools } from "@frontkit/tools";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CANARY, figures, record } from "./support.js";

const CALLS = 100;
/** The default schedule's bound: the first attempt plus four retries. */
const ATTEMPT_BOUND = 5;

let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy({ target: inject("prismUrl") });
});
afterAll(async () => {
  await proxy?.stop();
});

describe("429 storm", () => {
  it(`${CALLS} concurrent get-contact calls, each refused once with 429, all complete within ${ATTEMPT_BOUND} attempts`, async () => {
    proxy.reset();
    // One refusal per distinct contact: every call's first attempt is a 429, its retry goes through. They are
    // burst-limit 429s (Front sends those with budget left in the minute), so the minute window stays open.
    for (let i = 0; i < CALLS; i++) {
      proxy.on({ method: "GET", path: `/contacts/crd_${i}` }, faults.rateLimited({ retryAfter: "1", tier: "burst", remaining: 80 }), { times: 1 });
    }
    // Real Front would be paced at 5 starts/s with retry-after honoured up to 60 s; here the retry-after cap
    // is 100 ms and pacing/concurrency are raised so the storm runs in seconds. What is under test is that
    // every call completes, retries are bounded, and nothing is lost or duplicated, not the pacing itself.
    const front = createFrontTools({
      token: CANARY,
      baseUrl: proxy.url,
      maxRetryAfter: "100 millis",
      maxConcurrency: 20,
      burstPerSecond: 200,
      timeoutMs: 10_000,
    });
    const started = Date.now();
    try {
      const results = await Promise.allSettled(
        Array.from({ length: CALLS }, (_, i) => front.invokeDetailed("get-contact", { contact_id: `crd_${i}` })),
      );
      const elapsed = Date.now() - started;
      for (const r of results) record(r.status === "fulfilled" ? r.value : r.reason);
      const rejected = results.filter((r) => r.status === "rejected");
      expect(rejected.map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
      const attempts = results.map((r) => (r as PromiseFulfilledResult<{ meta: { attempts: number } }>).value.meta.attempts);
      for (const a of attempts) {
        expect(a).toBeGreaterThanOrEqual(2);
        expect(a).toBeLessThanOrEqual(ATTEMPT_BOUND);
      }
      const refused = proxy.requests.filter((q) => q.fault === "rateLimited").length;
      expect(refused).toBe(CALLS);
      expect(proxy.requests).toHaveLength(attempts.reduce((s, a) => s + a, 0));
      const share = refused / proxy.requests.length;
      expect(share).toBeGreaterThan(0.3);
      figures["429 storm: calls completed"] = `${CALLS - rejected.length}/${CALLS} in ${elapsed} ms`;
      figures["429 storm: requests / 429 share"] = `${proxy.requests.length} / ${(share * 100).toFixed(1)}%`;
      figures["429 storm: max attempts of a call"] = Math.max(...attempts);
    } finally {
      await front.dispose();
    }
  });
});
