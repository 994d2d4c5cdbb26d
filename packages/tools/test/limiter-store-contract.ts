/**
 * The `LimiterStore` contract as a reusable suite: every store (the memory store here, the Redis store of
 * issue 15) must pass it. Call `limiterStoreContract("redis", () => makeRedisStore(...))` inside a test file.
 *
 * Each test uses its own account key, so a shared store needs no flushing between tests; times are plain
 * numbers passed as `now` (stores never read a clock of their own), so nothing here sleeps.
 */
import { assert, describe, it } from "vitest";
import { resolveLimiterConfig, type LimiterTuning } from "../src/limiter-options.js";
import type { AcquireResult, LimiterConfig, LimiterStore } from "../src/limiter-store.js";

/** How the suite gets a store: made once per test; `close` (if any) runs after it. */
export interface ContractStore {
  readonly store: LimiterStore;
  readonly close?: () => Promise<void> | void;
}

const T0 = 1_700_000_000_000;

const cfgOf = (tuning: LimiterTuning = {}): LimiterConfig =>
  resolveLimiterConfig({ maxConcurrency: 3, burstPerSecond: 5, leaseTtlMs: 10_000, ...tuning });

let accounts = 0;
const freshAccount = (): string => `contract-${process.pid}-${Date.now()}-${++accounts}`;

const granted = (result: AcquireResult): string => {
  if (!result.granted) throw new Error(`expected a grant, got a wait of ${result.waitMs} ms (${result.reason})`);
  return result.leaseId;
};
const waited = (result: AcquireResult): { waitMs: number; reason: string } => {
  if (result.granted) throw new Error(`expected a wait, got lease ${result.leaseId}`);
  assert.isAtLeast(result.waitMs, 1, "a wait is at least 1 ms");
  return result;
};

/** Registers the contract tests for the store `make` builds. */
export const limiterStoreContract = (name: string, make: () => Promise<ContractStore> | ContractStore): void => {
  const withStore = (body: (store: LimiterStore, account: string) => Promise<void>) => async () => {
    const made = await make();
    try {
      await body(made.store, freshAccount());
    } finally {
      await made.close?.();
    }
  };

  describe(`LimiterStore contract: ${name}`, () => {
    it(
      "grants up to maxConcurrency leases, then asks to wait; a release frees one; ids are distinct",
      withStore(async (store, account) => {
        const cfg = cfgOf();
        const ids = [];
        for (let i = 0; i < 3; i++) ids.push(granted(await store.acquire(account, "tags", T0, cfg)));
        assert.strictEqual(new Set(ids).size, 3);
        assert.strictEqual(waited(await store.acquire(account, "contacts", T0, cfg)).reason, "concurrency");
        await store.release(account, ids[0]!, T0 + 1);
        granted(await store.acquire(account, "contacts", T0 + 1, cfg));
        assert.strictEqual((await store.snapshot(account, T0 + 1, cfg)).inFlight, 3);
      }),
    );

    it(
      "a lease never released expires after leaseTtlMs (a dead process leaks no permit)",
      withStore(async (store, account) => {
        const cfg = cfgOf({ maxConcurrency: 1 });
        granted(await store.acquire(account, "tags", T0, cfg));
        const blocked = waited(await store.acquire(account, "tags", T0 + 5_000, cfg));
        assert.strictEqual(blocked.reason, "concurrency");
        assert.isAtMost(blocked.waitMs, 5_000, "the wait ends when the lease expires, at the latest");
        granted(await store.acquire(account, "tags", T0 + 10_000, cfg));
      }),
    );

    it(
      "releasing an unknown or already released lease changes nothing",
      withStore(async (store, account) => {
        const cfg = cfgOf({ maxConcurrency: 1 });
        const id = granted(await store.acquire(account, "tags", T0, cfg));
        await store.release(account, "no-such-lease", T0);
        waited(await store.acquire(account, "tags", T0, cfg));
        await store.release(account, id, T0);
        await store.release(account, id, T0);
        const again = granted(await store.acquire(account, "tags", T0, cfg));
        assert.notStrictEqual(again, id);
        waited(await store.acquire(account, "tags", T0, cfg));
      }),
    );

    it(
      "accounts are independent",
      withStore(async (store, account) => {
        const cfg = cfgOf({ maxConcurrency: 1 });
        granted(await store.acquire(account, "tags", T0, cfg));
        await store.trip(account, { resource: "tags", retryAfterMs: 5_000, tier: undefined, remaining: 0 }, T0, cfg);
        granted(await store.acquire(`${account}-other`, "tags", T0, cfg));
      }),
    );

    it(
      "a company 429 closes the gate for everyone for its retry-after; the gate only ever moves later",
      withStore(async (store, account) => {
        const cfg = cfgOf();
        await store.trip(account, { resource: "tags", retryAfterMs: 3_000, tier: undefined, remaining: 0 }, T0, cfg);
        const wait = waited(await store.acquire(account, "contacts", T0 + 1_000, cfg));
        assert.strictEqual(wait.reason, "gate");
        assert.strictEqual(wait.waitMs, 2_000);
        await store.trip(account, { resource: "tags", retryAfterMs: 500, tier: undefined, remaining: 0 }, T0 + 1_000, cfg);
        assert.strictEqual(waited(await store.acquire(account, "contacts", T0 + 2_000, cfg)).waitMs, 1_000);
        granted(await store.acquire(account, "contacts", T0 + 3_000, cfg));
        const snap = await store.snapshot(account, T0 + 3_000, cfg);
        assert.strictEqual(snap.gateTrips, 1);
        assert.strictEqual(snap.gateUntil, T0 + 3_000);
      }),
    );

    it(
      "every gate is bounded: retry-after 0, unreadable and huge",
      withStore(async (store, account) => {
        const cfg = cfgOf({ maxRetryAfterMs: 60_000 });
        const gateAfter = async (key: string, retryAfterMs: number | undefined) => {
          await store.trip(key, { resource: "tags", retryAfterMs, tier: undefined, remaining: 0 }, T0, cfg);
          return waited(await store.acquire(key, "tags", T0, cfg)).waitMs;
        };
        assert.strictEqual(await gateAfter(`${account}-zero`, 0), cfg.minRetryAfterMs, "0 means soon, not at once");
        assert.strictEqual(await gateAfter(`${account}-none`, undefined), cfg.defaultRetryAfterMs);
        assert.strictEqual(await gateAfter(`${account}-nan`, Number.NaN), cfg.defaultRetryAfterMs);
        assert.strictEqual(await gateAfter(`${account}-huge`, 1e13), 60_000);
        assert.strictEqual(await gateAfter(`${account}-inf`, Number.POSITIVE_INFINITY), cfg.defaultRetryAfterMs);
      }),
    );

    it(
      "a burst 429 (x-front-tier, or remaining above 0) closes only its resource, which is paced from then on",
      withStore(async (store, account) => {
        const cfg = cfgOf({ maxConcurrency: 100 });
        await store.trip(account, { resource: "conversations", retryAfterMs: 1_000, tier: "tier-1", remaining: 50 }, T0, cfg);
        const closed = waited(await store.acquire(account, "conversations", T0, cfg));
        assert.strictEqual(closed.reason, "resource-gate");
        assert.strictEqual(closed.waitMs, 1_000);
        granted(await store.acquire(account, "contacts", T0, cfg));
        const snap = await store.snapshot(account, T0, cfg);
        assert.strictEqual(snap.gateUntil, 0, "the company gate stays open");
        assert.isTrue(snap.resources["conversations"]?.paced);
        assert.strictEqual(snap.resources["conversations"]?.tier, "tier-1");
        // Paced: Front just counted a full burst, so the next burst comes one window (+ margin) after the 429;
        // then 5 at once, the 6th when the first leaves the window (+ margin).
        assert.strictEqual(waited(await store.acquire(account, "conversations", T0 + 1_000, cfg)).reason, "burst");
        const open = T0 + cfg.burstWindowMs + cfg.burstMarginMs;
        for (let i = 0; i < 5; i++) granted(await store.acquire(account, "conversations", open, cfg));
        const burst = waited(await store.acquire(account, "conversations", open + 10, cfg));
        assert.strictEqual(burst.reason, "burst");
        assert.strictEqual(burst.waitMs, cfg.burstWindowMs + cfg.burstMarginMs - 10);
        granted(await store.acquire(account, "conversations", open + cfg.burstWindowMs + cfg.burstMarginMs, cfg));
        // Without a tier, remaining above 0 also says "burst": still not the company gate.
        await store.trip(account, { resource: "tags", retryAfterMs: 1_000, tier: undefined, remaining: 3 }, T0, cfg);
        assert.strictEqual((await store.snapshot(account, T0, cfg)).gateUntil, 0);
        assert.isTrue((await store.snapshot(account, T0, cfg)).resources["tags"]?.paced);
      }),
    );

    it(
      "a burst 429 on a resource already paced widens its spacing (jitter); paced starts narrow it back",
      withStore(async (store, account) => {
        const cfg = cfgOf({ maxConcurrency: 100 });
        await store.trip(account, { resource: "contacts", retryAfterMs: 100, tier: "t", remaining: 9 }, T0, cfg);
        // The rest of the burst that taught us is refused too: that is not jitter, the margin stays.
        await store.trip(account, { resource: "contacts", retryAfterMs: 100, tier: "t", remaining: 9 }, T0 + 10, cfg);
        for (let i = 0; i < 5; i++) granted(await store.acquire(account, "contacts", T0 + 1_100, cfg));
        assert.strictEqual(waited(await store.acquire(account, "contacts", T0 + 1_100, cfg)).waitMs, cfg.burstWindowMs + cfg.burstMarginMs);
        // Refused a window after pacing began: jitter; the margin doubles.
        await store.trip(account, { resource: "contacts", retryAfterMs: 100, tier: "t", remaining: 9 }, T0 + 1_200, cfg);
        const open = T0 + 2_300;
        for (let i = 0; i < 5; i++) granted(await store.acquire(account, "contacts", open, cfg));
        const wait = waited(await store.acquire(account, "contacts", open, cfg));
        assert.strictEqual(wait.reason, "burst");
        // Doubled from the 50 ms margin, less the 5 paced starts' 1 ms each.
        assert.strictEqual(wait.waitMs, cfg.burstWindowMs + 2 * cfg.burstMarginMs - 5);
      }),
    );

    it(
      "learn mode ramps an unrefused resource up (5, 10, 20 a window) to unpaced; always mode paces from the first call",
      withStore(async (store, account) => {
        const learn = cfgOf({ maxConcurrency: 1_000 });
        const span = learn.burstWindowMs + learn.burstMarginMs;
        const held: string[] = [];
        /** Grants at `at` until told to wait (at most 200); the leases stay held. */
        const burstOf = async (at: number): Promise<number> => {
          let n = 0;
          for (;;) {
            const result = await store.acquire(account, "tags", at, learn);
            if (!result.granted) {
              assert.strictEqual(result.reason, "ramp");
              return n;
            }
            held.push(result.leaseId);
            if (++n > 200) return n;
          }
        };
        const answerAll = async (at: number) => {
          for (const id of held.splice(0)) await store.release(account, id, at);
        };
        assert.strictEqual(await burstOf(T0), 5, "Front's documented rate first");
        // The window is over, but its requests are unanswered: the allowance does not grow on faith.
        assert.strictEqual(await burstOf(T0 + span), 0);
        await answerAll(T0 + span);
        assert.strictEqual(await burstOf(T0 + span), 10, "doubled after a full window Front answered");
        await answerAll(T0 + 2 * span);
        assert.strictEqual(await burstOf(T0 + 2 * span), 20);
        await answerAll(T0 + 3 * span);
        assert.strictEqual(await burstOf(T0 + 3 * span), 201, "20 answered in one window: unpaced from then on");
        assert.isTrue((await store.snapshot(account, T0 + 3 * span, learn)).resources["tags"]?.proven);
        // An unsaturated window does not double the allowance; a burst 429 ends the ramp for good.
        const quiet = `${account}-quiet`;
        granted(await store.acquire(quiet, "tags", T0, learn));
        for (let i = 0; i < 5; i++) granted(await store.acquire(quiet, "tags", T0 + span, learn));
        assert.strictEqual(waited(await store.acquire(quiet, "tags", T0 + span, learn)).reason, "ramp");
        await store.trip(quiet, { resource: "tags", retryAfterMs: 1, tier: "t", remaining: 10 }, T0 + span, learn);
        for (let i = 0; i < 5; i++) granted(await store.acquire(quiet, "tags", T0 + 3 * span, learn));
        assert.strictEqual(waited(await store.acquire(quiet, "tags", T0 + 3 * span, learn)).reason, "burst", "paced now, not ramping");
        const always = cfgOf({ maxConcurrency: 100, burstPacing: "always" });
        const other = `${account}-always`;
        for (let i = 0; i < 5; i++) granted(await store.acquire(other, "tags", T0, always));
        assert.strictEqual(waited(await store.acquire(other, "tags", T0, always)).reason, "burst");
        granted(await store.acquire(other, "contacts", T0, always));
      }),
    );

    it(
      "the company budget: spent at once, then a wait until the reset (plus margin)",
      withStore(async (store, account) => {
        const cfg = cfgOf({ maxConcurrency: 10 });
        await store.observe(account, { limit: 100, remaining: 2, resetAt: T0 + 20_000 }, T0, cfg);
        granted(await store.acquire(account, "tags", T0, cfg));
        granted(await store.acquire(account, "tags", T0, cfg));
        const wait = waited(await store.acquire(account, "tags", T0, cfg));
        assert.strictEqual(wait.reason, "budget");
        assert.strictEqual(wait.waitMs, 20_000 + cfg.resetMarginMs);
      }),
    );

    it(
      "answers out of order: a late answer from an older window is ignored, within a window the lowest count wins",
      withStore(async (store, account) => {
        const cfg = cfgOf();
        await store.observe(account, { limit: 100, remaining: 10, resetAt: T0 + 30_000 }, T0, cfg);
        await store.observe(account, { limit: 100, remaining: 50, resetAt: T0 + 30_000 }, T0, cfg);
        assert.strictEqual((await store.snapshot(account, T0, cfg)).rateLimit.remaining, 10);
        await store.observe(account, { limit: 100, remaining: 90, resetAt: T0 - 1_000 }, T0, cfg);
        assert.strictEqual((await store.snapshot(account, T0, cfg)).rateLimit.remaining, 10);
        await store.observe(account, { limit: 100, remaining: 99, resetAt: T0 + 40_000 }, T0, cfg);
        assert.strictEqual((await store.snapshot(account, T0, cfg)).rateLimit.remaining, 99);
        // Once the known window is over, an answer is taken even with an older reset (nothing may freeze the
        // limiter on a window that has ended, e.g. a mock's fixed reset in the past after a real 429).
        const later = T0 + 40_000 + cfg.resetMarginMs;
        await store.observe(account, { limit: 100, remaining: 42, resetAt: T0 - 86_400_000 }, later, cfg);
        assert.strictEqual((await store.snapshot(account, later, cfg)).rateLimit.remaining, 42);
        await store.observe(account, { limit: 100, remaining: 99, resetAt: T0 + 40_000 }, T0, cfg);
        // Headers without any rate-limit figure change nothing.
        await store.observe(account, {}, T0, cfg);
        assert.strictEqual((await store.snapshot(account, T0, cfg)).rateLimit.resetAt, T0 + 40_000);
        assert.strictEqual((await store.snapshot(account, T0, cfg)).rateLimit.remaining, 99);
      }),
    );

    it(
      "a reset far in the future is believed for at most one window: the wait stays bounded",
      withStore(async (store, account) => {
        const cfg = cfgOf();
        await store.observe(account, { limit: 100, remaining: 0, resetAt: T0 + 10 * 365 * 86_400_000 }, T0, cfg);
        const wait = waited(await store.acquire(account, "tags", T0, cfg));
        assert.strictEqual(wait.reason, "budget");
        assert.isAtMost(wait.waitMs, cfg.maxWindowMs + cfg.resetMarginMs);
        assert.isAtMost(wait.waitMs, cfg.maxWaitMs);
      }),
    );

    it(
      "after a spent window resets (or a reset already in the past), one probe goes until an answer brings the new window",
      withStore(async (store, account) => {
        const cfg = cfgOf({ maxConcurrency: 10 });
        await store.observe(account, { limit: 100, remaining: 0, resetAt: T0 - 5_000 }, T0, cfg);
        granted(await store.acquire(account, "tags", T0, cfg));
        const probe = waited(await store.acquire(account, "tags", T0 + 1, cfg));
        assert.strictEqual(probe.reason, "probe");
        assert.isAtMost(probe.waitMs, cfg.probeTimeoutMs, "a lost probe blocks others at most probeTimeoutMs");
        await store.observe(account, { limit: 100, remaining: 99, resetAt: T0 + 60_000 }, T0 + 2, cfg);
        granted(await store.acquire(account, "tags", T0 + 2, cfg));
        granted(await store.acquire(account, "tags", T0 + 2, cfg));
        // A probe whose answer never comes stops blocking after probeTimeoutMs.
        const other = `${account}-lost`;
        await store.observe(other, { limit: 100, remaining: 0, resetAt: T0 - 5_000 }, T0, cfg);
        granted(await store.acquire(other, "tags", T0, cfg));
        waited(await store.acquire(other, "tags", T0 + 1, cfg));
        granted(await store.acquire(other, "tags", T0 + cfg.probeTimeoutMs, cfg));
      }),
    );

    it(
      "every wait is within [1, maxWaitMs], whatever the inputs",
      withStore(async (store, account) => {
        const cfg = cfgOf({ maxConcurrency: 1, maxRetryAfterMs: 30_000 });
        await store.observe(account, { limit: 1, remaining: 0, resetAt: Number.MAX_SAFE_INTEGER }, T0, cfg);
        await store.trip(account, { resource: "tags", retryAfterMs: Number.MAX_SAFE_INTEGER, tier: "x", remaining: 0 }, T0, cfg);
        await store.trip(account, { resource: "tags", retryAfterMs: Number.MAX_SAFE_INTEGER, tier: undefined, remaining: 0 }, T0, cfg);
        for (const resource of ["tags", "contacts", "other"]) {
          const wait = waited(await store.acquire(account, resource, T0, cfg));
          assert.isAtMost(wait.waitMs, cfg.maxWaitMs);
        }
      }),
    );
  });
};
