/**
 * The rate limiter's operator-settable options: defaults, ceilings, and the check that turns a bad value
 * into a clear message before any request is sent (FrontConfig and the bin flags both go through it).
 */
import type { LimiterConfig } from "./limiter-store.js";

// The longest retry-after core's parseRateLimit believes (1 hour), and so the longest any limiter wait can be.
const MAX_RATE_LIMIT_WAIT_MS = 3_600_000;

/** Defaults of the limiter options (what an operator gets without setting anything). */
export const LIMITER_DEFAULTS = {
  /**
   * Requests in flight at once per account. It is a safety net (sockets, memory, a runaway caller), not the
   * pacing: Front's budget and burst rules are paced on their own, and on a fast Front (or a generous plan)
   * 50 keeps concurrency from being what limits one token. Bursts do not grow with it: a resource type's
   * ramp (limiter-decision.ts) bounds what a first burst can overrun.
   */
  maxConcurrency: 50,
  /** Front's documented burst limit: about 5 requests per second per resource type. */
  burstPerSecond: 5,
  burstPacing: "learn" as const,
  maxRetryAfterMs: 60_000,
  defaultRetryAfterMs: 1_000,
  minRetryAfterMs: 100,
  // Front's window: one minute. A reset header further away is clamped, so a skewed clock cannot stall calls.
  maxWindowMs: 60_000,
  // Front's reset is whole unix seconds: the window may end up to a second before it says, never after.
  resetMarginMs: 250,
  // 5 % of the burst window: loopback and LAN jitter is far below it, and it costs 5 % only on paced resources.
  burstMarginMs: 50,
  // Longer than any request: the request timeout (default 30 s) with room to spare.
  leaseTtlMs: 120_000,
  probeTimeoutMs: 2_000,
  paceBelow: 0,
  maxResources: 256,
  storeTimeoutMs: 50,
  storePollMs: 25,
  storeRetryMs: 5_000,
} as const;

/** Ceilings: values above them are refused (InvalidInput), not clamped silently. */
export const LIMITER_CEILINGS = {
  /** Far above what any Front plan can use; bounds memory and sockets per account. */
  maxConcurrency: 1_000,
  /** Front's burst limit is single digits per second; anything above `PACED_BURST_CEILING` already means "unpaced". */
  burstPerSecond: 1_000_000,
  /** The longest retry-after core believes (1 hour). */
  maxRetryAfterMs: MAX_RATE_LIMIT_WAIT_MS,
  storeTimeoutMs: 10_000,
} as const;

/**
 * Burst rates above this are more than one client sends to one resource type: they turn burst pacing off
 * rather than keep a log of that many starts per resource.
 */
export const PACED_BURST_CEILING = 1_000;

/** The operator-settable limiter options as FrontConfig and `makeRateLimiter` take them. */
export interface LimiterSettings {
  /** Requests in flight at once per account (default 50, at most 1000). */
  readonly maxConcurrency?: number | undefined;
  /** Requests per second per burst-limited resource type (default 5, Front's burst limit; 0, or above 1000, disables burst pacing). */
  readonly burstPerSecond?: number | undefined;
  /** `"learn"` (default): pace a resource type once Front refused it with a burst 429; `"always"`: pace every resource type from the start. */
  readonly burstPacing?: "learn" | "always" | undefined;
  /** Longest gate a 429 can close, in ms (default 60 000, at most 3 600 000). */
  readonly maxRetryAfterMs?: number | undefined;
  /** Longest a call to a shared limiter store may take before the limiter paces locally for it, in ms (default 50, at most 10 000). */
  readonly storeTimeoutMs?: number | undefined;
}

/** One problem with a limiter setting: the option's name and what is wrong. */
export interface LimiterSettingIssue {
  readonly path: string;
  readonly message: string;
}

const wholeInRange = (value: unknown, min: number, max: number): boolean =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= min && value <= max;

/** Every problem with `settings` (empty when they are usable): the boundary refuses them before any request. */
export const limiterSettingIssues = (settings: LimiterSettings): ReadonlyArray<LimiterSettingIssue> => {
  const issues: LimiterSettingIssue[] = [];
  const { maxConcurrency, burstPerSecond, burstPacing, maxRetryAfterMs, storeTimeoutMs } = settings;
  if (maxConcurrency !== undefined && !wholeInRange(maxConcurrency, 1, LIMITER_CEILINGS.maxConcurrency)) {
    issues.push({ path: "maxConcurrency", message: `maxConcurrency must be a whole number from 1 to ${LIMITER_CEILINGS.maxConcurrency} (requests in flight at once)` });
  }
  if (
    burstPerSecond !== undefined &&
    (typeof burstPerSecond !== "number" || !Number.isFinite(burstPerSecond) || burstPerSecond < 0 || burstPerSecond > LIMITER_CEILINGS.burstPerSecond)
  ) {
    issues.push({ path: "burstPerSecond", message: `burstPerSecond must be a number from 0 to ${LIMITER_CEILINGS.burstPerSecond} (requests per second per resource type; 0 turns burst pacing off)` });
  }
  if (burstPacing !== undefined && burstPacing !== "learn" && burstPacing !== "always") {
    issues.push({ path: "burstPacing", message: `burstPacing must be "learn" or "always"` });
  }
  if (
    maxRetryAfterMs !== undefined &&
    (typeof maxRetryAfterMs !== "number" || !Number.isFinite(maxRetryAfterMs) || maxRetryAfterMs < 0 || maxRetryAfterMs > LIMITER_CEILINGS.maxRetryAfterMs)
  ) {
    issues.push({ path: "maxRetryAfter", message: `maxRetryAfter must be from 0 to ${LIMITER_CEILINGS.maxRetryAfterMs / 1000} seconds` });
  }
  if (storeTimeoutMs !== undefined && !wholeInRange(storeTimeoutMs, 1, LIMITER_CEILINGS.storeTimeoutMs)) {
    issues.push({ path: "storeTimeoutMs", message: `storeTimeoutMs must be a whole number of milliseconds from 1 to ${LIMITER_CEILINGS.storeTimeoutMs}` });
  }
  return issues;
};

/** Tuning beyond the operator settings (tests, benchmarks, embedders); every field optional. */
export interface LimiterTuning extends LimiterSettings {
  readonly defaultRetryAfterMs?: number | undefined;
  readonly minRetryAfterMs?: number | undefined;
  readonly maxWindowMs?: number | undefined;
  readonly resetMarginMs?: number | undefined;
  readonly burstMarginMs?: number | undefined;
  readonly leaseTtlMs?: number | undefined;
  readonly probeTimeoutMs?: number | undefined;
  readonly paceBelow?: number | undefined;
}

// Lenient: `makeRateLimiter` cannot fail, so a value that slipped past the check is clamped into range.
const pick = (value: number | undefined, fallback: number, min: number, max: number): number =>
  typeof value === "number" && Number.isFinite(value) ? Math.min(Math.max(value, min), max) : fallback;

/** The decision limits from the options: defaults filled in, every value in range. */
export const resolveLimiterConfig = (o: LimiterTuning): LimiterConfig => {
  const perSecond = pick(o.burstPerSecond, LIMITER_DEFAULTS.burstPerSecond, 0, LIMITER_CEILINGS.burstPerSecond);
  // A fractional rate keeps whole requests: 2.5/s is 2 per 800 ms, 0.5/s is 1 per 2 s.
  const burstLimit = perSecond <= 0 || perSecond > PACED_BURST_CEILING ? 0 : Math.max(1, Math.floor(perSecond));
  const maxRetryAfterMs = pick(o.maxRetryAfterMs, LIMITER_DEFAULTS.maxRetryAfterMs, 0, LIMITER_CEILINGS.maxRetryAfterMs);
  const maxWindowMs = pick(o.maxWindowMs, LIMITER_DEFAULTS.maxWindowMs, 1, MAX_RATE_LIMIT_WAIT_MS);
  const resetMarginMs = pick(o.resetMarginMs, LIMITER_DEFAULTS.resetMarginMs, 0, 60_000);
  const minRetryAfterMs = Math.min(pick(o.minRetryAfterMs, LIMITER_DEFAULTS.minRetryAfterMs, 0, 60_000), maxRetryAfterMs);
  return {
    maxConcurrency: Math.floor(pick(o.maxConcurrency, LIMITER_DEFAULTS.maxConcurrency, 1, LIMITER_CEILINGS.maxConcurrency)),
    leaseTtlMs: pick(o.leaseTtlMs, LIMITER_DEFAULTS.leaseTtlMs, 1, MAX_RATE_LIMIT_WAIT_MS),
    burstLimit,
    burstWindowMs: burstLimit === 0 ? 1_000 : (1_000 * burstLimit) / perSecond,
    burstMarginMs: pick(o.burstMarginMs, LIMITER_DEFAULTS.burstMarginMs, 0, 10_000),
    burstPacing: o.burstPacing === "always" ? "always" : "learn",
    resetMarginMs,
    maxWindowMs,
    // No single wait is longer than the longest the limiter can believe: a window or a retry-after gate.
    maxWaitMs: Math.max(maxWindowMs + resetMarginMs, maxRetryAfterMs, 1),
    maxRetryAfterMs,
    defaultRetryAfterMs: Math.min(pick(o.defaultRetryAfterMs, LIMITER_DEFAULTS.defaultRetryAfterMs, 0, 60_000), maxRetryAfterMs),
    minRetryAfterMs,
    probeTimeoutMs: pick(o.probeTimeoutMs, LIMITER_DEFAULTS.probeTimeoutMs, 1, 60_000),
    paceBelow: pick(o.paceBelow, LIMITER_DEFAULTS.paceBelow, 0, 1),
    maxResources: LIMITER_DEFAULTS.maxResources,
  };
};
