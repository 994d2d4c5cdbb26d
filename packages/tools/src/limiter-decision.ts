/**
 * The rate limiter's rules as plain functions over plain data: one account's state in, a decision (and the
 * state's update) out, no clock, no I/O. The memory store runs them as they are; a Redis store's Lua scripts
 * implement the same rules (limiter-store.ts documents each operation; the contract suite checks both).
 *
 * What the rules follow (dev.frontapp.com/docs/rate-limiting, help.front.com "Front's API rate limit"):
 * - the company limit: every answer carries `x-ratelimit-limit` (requests per window), `-remaining` (left in
 *   the current window) and `-reset` (unix seconds when the window resets). The budget is spent as soon as
 *   it is there (a burst when Front allows one) and calls wait only once it is used up, until the reset.
 *   Whether the next window is fresh (fixed window) or refills gradually (sliding) is not documented, so
 *   after a spent window resets one probe goes first and its answer says how much the new window holds;
 * - the burst limit: about 5 requests per second per resource type on some routes. A 429 from it carries
 *   `x-front-tier` (which limit was exceeded; values undocumented) and `retry-after`, and may come while
 *   `remaining` is above 0 ("the limits do not affect each other"): it closes that resource only, and the
 *   resource is paced from then on. Pacing admits up to `burstLimit` starts at once and spaces only the
 *   ones past it — each start's token returns one window after it was spent (a sliding log rather than a
 *   continuously refilled bucket: a refilled bucket lets 2× the limit into one second, which a rolling
 *   window refuses);
 * - in `"learn"` mode a resource type not (yet) known to be burst-limited starts at Front's documented rate
 *   and doubles it each burst window that used it fully without a refusal (5, 10, 20 …); once a window has
 *   carried `RAMP_PROVEN × burstLimit` starts it is taken as not burst-limited and goes unpaced. A
 *   burst-limited type is found out by at most `burstLimit` refused requests (the doubling step past its
 *   limit) whatever the concurrency, and a type without one reaches full speed within a few seconds;
 * - a 429's `retry-after` (seconds): every request waits it out together (a shared gate), clamped so that
 *   `0`, garbage and huge values all end in a bounded wait.
 */
import type { RateLimitInfo } from "@frontkit/core";
import type { LimiterConfig, LimiterSnapshot, ResourceSnapshot, TripInfo, WaitReason } from "./limiter-store.js";

/** Burst state of one resource type. */
export interface ResourceState {
  /** The key it is stored under (its resource type, or `"*"` past `maxResources`); lease ids carry it. */
  readonly name: string;
  /** Leases held on it now. */
  inFlight: number;
  /** Starts are burst-paced on this resource. */
  paced: boolean;
  /**
   * Extra spacing past the burst window for this resource (0 = `cfg.burstMarginMs`). Front counts arrivals,
   * and network jitter moves them closer than our starts: a burst 429 on a resource already paced doubles it
   * (up to half the window); every paced start takes 0.1 % of the window back off, down to the configured margin.
   */
  marginMs: number;
  /** When the resource became paced (unix ms): refusals of requests sent before that say nothing about jitter. */
  pacedAt: number;
  /** Learn mode: the ramp let `RAMP_PROVEN × burstLimit` starts through one window unrefused — no burst limit here. */
  proven: boolean;
  /** Learn mode ramp: starts allowed per burst window (starts at `burstLimit`, doubles), the current window's start and count. */
  rampLevel: number;
  rampStart: number;
  rampCount: number;
  /** A burst 429 closed this resource until then (unix ms). */
  gateUntil: number;
  /** The last `x-front-tier` named for it. */
  tier: string | undefined;
  /** Ring of the last `starts.length` start times; `head` is the oldest. Sized to the burst limit. */
  starts: number[];
  head: number;
}

/** One account's limiter state: what Front said, the gates, the leases, the resources. */
export interface AccountState {
  limit: number | undefined;
  remaining: number | undefined;
  resetAt: number | undefined;
  gateUntil: number;
  gateTrips: number;
  /** Last grant (unix ms), for `paceBelow` spreading. */
  lastStart: number;
  /** A probe granted after a spent window reset is pending until then (unix ms); 0 = none. */
  probeUntil: number;
  /** Lease id → expiry (unix ms). */
  readonly leases: Map<string, number>;
  nextLease: number;
  readonly resources: Map<string, ResourceState>;
}

/** A fresh account. */
export const emptyAccount = (): AccountState => ({
  limit: undefined,
  remaining: undefined,
  resetAt: undefined,
  gateUntil: 0,
  gateTrips: 0,
  lastStart: Number.NEGATIVE_INFINITY,
  probeUntil: 0,
  leases: new Map(),
  nextLease: 0,
  resources: new Map(),
});

/** The resource all resources beyond `maxResources` share. */
export const OVERFLOW_RESOURCE = "*";

/** What `decide` answers: go now (waitMs 0), or wait. */
export interface Decision {
  readonly waitMs: number;
  readonly reason: WaitReason | undefined;
}

// The common answer, shared: deciding "go" allocates nothing.
const GO: Decision = { waitMs: 0, reason: undefined };

const wait = (ms: number, reason: WaitReason, cfg: LimiterConfig): Decision => ({
  waitMs: Math.min(Math.max(1, Math.ceil(ms)), cfg.maxWaitMs),
  reason,
});

/** The burst window as applied: Front's window plus the margin for jitter (the resource's own, once learned). */
const burstSpan = (cfg: LimiterConfig, resource?: ResourceState): number =>
  cfg.burstWindowMs + Math.max(cfg.burstMarginMs, resource?.marginMs ?? 0);

/** The state of `resource`, created on first use (bounded: past `maxResources` they share one). */
export const resourceState = (account: AccountState, resource: string, cfg: LimiterConfig): ResourceState => {
  let state = account.resources.get(resource);
  if (state === undefined) {
    const key = account.resources.size >= cfg.maxResources ? OVERFLOW_RESOURCE : resource;
    state = account.resources.get(key);
    if (state === undefined) {
      state = { name: key, inFlight: 0, marginMs: 0, pacedAt: 0, paced: false, proven: false, rampLevel: 0, rampStart: Number.NEGATIVE_INFINITY, rampCount: 0, gateUntil: 0, tier: undefined, starts: [], head: 0 };
      account.resources.set(key, state);
    }
  }
  return state;
};

/** A ramp window that carried this many times the burst limit, unrefused, shows the resource has no burst limit. */
export const RAMP_PROVEN = 4;

/** Whether `resource` is still ramping up (learn mode, not paced, not proven). */
const isRamping = (resource: ResourceState, cfg: LimiterConfig): boolean =>
  cfg.burstLimit > 0 && cfg.burstPacing === "learn" && !resource.paced && !resource.proven;

/** Whether starts on `resource` are burst-paced. */
const isPaced = (resource: ResourceState, cfg: LimiterConfig): boolean => cfg.burstLimit > 0 && (resource.paced || cfg.burstPacing === "always");

/**
 * The ring of a paced resource holds exactly `burstLimit` starts (made when pacing begins — unpaced resources
 * keep none — and remade if another process configured a different limit).
 */
const ring = (resource: ResourceState, cfg: LimiterConfig): number[] => {
  if (resource.starts.length !== cfg.burstLimit) {
    resource.starts = Array.from({ length: cfg.burstLimit }, () => Number.NEGATIVE_INFINITY);
    resource.head = 0;
  }
  return resource.starts;
};

/** A lease id names its resource after the last "@", so that a release can find the resource without a lookup table. */
export const leaseIdFor = (serial: number | string, resource: ResourceState): string => `${serial}@${resource.name}`;

const resourceOfLease = (leaseId: string): string => leaseId.slice(leaseId.lastIndexOf("@") + 1);

/** Ends a lease: the account's and its resource's count. Unknown ids change nothing. */
export const release = (account: AccountState, leaseId: string): void => {
  if (!account.leases.delete(leaseId)) return;
  const resource = account.resources.get(resourceOfLease(leaseId));
  if (resource !== undefined && resource.inFlight > 0) resource.inFlight--;
};

/** Drops expired leases; returns how many are live. */
export const liveLeases = (account: AccountState, now: number): number => {
  for (const [id, expiresAt] of account.leases) if (expiresAt <= now) release(account, id);
  return account.leases.size;
};

// When the last lease runs out by itself; until then a release (or an answer) is what frees the next request.
const earliestExpiry = (account: AccountState): number => {
  let earliest = Number.POSITIVE_INFINITY;
  for (const expiresAt of account.leases.values()) earliest = Math.min(earliest, expiresAt);
  return earliest;
};

/** Whether `acquire` may grant a lease on `resource` now, or how long to wait (limiter-store.ts, `acquire`). */
export const decide = (account: AccountState, resource: ResourceState, now: number, cfg: LimiterConfig): Decision => {
  if (now < account.gateUntil) return wait(account.gateUntil - now, "gate", cfg);
  if (now < resource.gateUntil) return wait(resource.gateUntil - now, "resource-gate", cfg);
  let inFlight = account.leases.size;
  if (inFlight >= cfg.maxConcurrency) {
    inFlight = liveLeases(account, now);
    if (inFlight >= cfg.maxConcurrency) return wait(earliestExpiry(account) - now, "concurrency", cfg);
  }
  const { remaining, resetAt } = account;
  if (remaining !== undefined && resetAt !== undefined) {
    const windowEnd = resetAt + cfg.resetMarginMs;
    if (now < windowEnd) {
      const budget = remaining - inFlight;
      if (budget <= 0) return wait(windowEnd - now, "budget", cfg);
      if (cfg.paceBelow > 0) {
        const lowWater = Math.max(1, Math.ceil((account.limit ?? remaining) * cfg.paceBelow));
        const until = account.lastStart + (windowEnd - now) / budget;
        if (budget <= lowWater && until > now) return wait(until - now, "spread", cfg);
      }
    } else if (remaining <= 0) {
      // A spent window has reset: one probe finds out what the new one holds.
      if (now < account.probeUntil) return wait(account.probeUntil - now, "probe", cfg);
    } else if (remaining - inFlight <= 0) {
      return wait(earliestExpiry(account) - now, "probe", cfg);
    }
  }
  if (isPaced(resource, cfg)) {
    const oldest = ring(resource, cfg)[resource.head]!;
    const free = oldest + burstSpan(cfg, resource);
    if (free > now) return wait(free - now, "burst", cfg);
  } else if (isRamping(resource, cfg)) {
    const full = resource.rampCount >= Math.max(resource.rampLevel, cfg.burstLimit);
    const windowEnd = resource.rampStart + burstSpan(cfg);
    if (full && now < windowEnd) return wait(windowEnd - now, "ramp", cfg);
    // A full window grows the allowance only once Front has answered all of it (a refusal would pace it instead).
    if (full && resource.inFlight > 0) return wait(earliestExpiry(account) - now, "ramp", cfg);
  }
  return GO;
};

/** Records a grant decided by `decide`: the lease, the start on the resource, a probe if this is one. */
export const grant = (account: AccountState, resource: ResourceState, now: number, cfg: LimiterConfig, leaseId: string): void => {
  account.leases.set(leaseId, now + cfg.leaseTtlMs);
  account.lastStart = now;
  const { remaining, resetAt } = account;
  if (remaining !== undefined && remaining <= 0 && resetAt !== undefined && now >= resetAt + cfg.resetMarginMs) {
    account.probeUntil = now + cfg.probeTimeoutMs;
  }
  if (isPaced(resource, cfg)) {
    const starts = ring(resource, cfg);
    starts[resource.head] = now;
    resource.head = (resource.head + 1) % starts.length;
    if (resource.marginMs > cfg.burstMarginMs) resource.marginMs = Math.max(cfg.burstMarginMs, resource.marginMs - cfg.burstWindowMs / 1000);
  } else if (isRamping(resource, cfg)) {
    if (now >= resource.rampStart + burstSpan(cfg)) {
      // A new window. `decide` let it open after a full window only once all of that window was answered
      // unrefused (a refusal paces the resource instead): then the allowance doubles, and a window that
      // carried RAMP_PROVEN × burstLimit proves the resource has no burst limit.
      const level = Math.max(resource.rampLevel, cfg.burstLimit);
      if (resource.rampCount >= RAMP_PROVEN * cfg.burstLimit) resource.proven = true;
      resource.rampLevel = resource.rampCount >= level ? level * 2 : level;
      resource.rampStart = now;
      resource.rampCount = 0;
    }
    resource.rampCount++;
  }
  resource.inFlight++;
};

/** Feeds one answer's rate-limit headers (limiter-store.ts, `observe`). */
export const observe = (account: AccountState, info: RateLimitInfo, now: number, cfg: LimiterConfig): void => {
  if (info.limit === undefined && info.remaining === undefined && info.resetAt === undefined) return;
  const latest = now + cfg.maxWindowMs;
  let resetAt = info.resetAt;
  // A reset further than one window away is clock skew or nonsense: believe at most one window of it.
  if (resetAt !== undefined && resetAt > latest) resetAt = latest;
  if (resetAt === undefined && info.remaining !== undefined) resetAt = latest;
  // Out-of-order answers only matter while the known window lasts: once it is over, any answer is newer news
  // (a mock's fixed reset in the past, or a clock that moved, must not freeze the limiter on an old window).
  if (resetAt !== undefined && account.resetAt !== undefined && now < account.resetAt + cfg.resetMarginMs) {
    if (resetAt < account.resetAt) return; // an answer from an earlier window arriving late
    if (resetAt === account.resetAt) {
      // An answer came: a pending probe has done its job (even one saying the window has not moved yet).
      account.probeUntil = 0;
      // Answers arrive out of order: within one window the lowest count is the truest.
      if (info.remaining !== undefined) account.remaining = account.remaining === undefined ? info.remaining : Math.min(account.remaining, info.remaining);
      if (info.limit !== undefined) account.limit = info.limit;
      return;
    }
  }
  if (info.limit !== undefined) account.limit = info.limit;
  account.remaining = info.remaining;
  account.resetAt = resetAt;
  account.probeUntil = 0;
};

/** The gate one 429 closes, bounded whatever `retry-after` said. */
export const gateMs = (retryAfterMs: number | undefined, cfg: LimiterConfig): number => {
  const asked = retryAfterMs !== undefined && Number.isFinite(retryAfterMs) ? retryAfterMs : cfg.defaultRetryAfterMs;
  return Math.min(Math.max(cfg.minRetryAfterMs, asked), cfg.maxRetryAfterMs);
};

/** Records one 429 (limiter-store.ts, `trip`). */
export const trip = (account: AccountState, info: TripInfo, now: number, cfg: LimiterConfig): void => {
  const until = now + gateMs(info.retryAfterMs, cfg);
  const resource = resourceState(account, info.resource, cfg);
  const burst = info.tier !== undefined || (info.remaining !== undefined && info.remaining > 0);
  if (burst) {
    if (resource.paced && cfg.burstLimit > 0 && now - resource.pacedAt > burstSpan(cfg, resource)) {
      // Refused although paced (for longer than a window, so not the rest of the burst that taught us):
      // arrivals at Front were closer together than our starts. Widen this resource's margin.
      const margin = Math.max(cfg.burstMarginMs, resource.marginMs);
      resource.marginMs = Math.min(Math.max(2 * margin, margin + 50), cfg.burstWindowMs / 2);
    }
    if (!resource.paced) {
      resource.pacedAt = now;
      // Front just counted a full burst here: the next may start one window (plus margin) from now.
      if (cfg.burstLimit > 0) ring(resource, cfg).fill(now);
    }
    resource.paced = true;
    if (info.tier !== undefined) resource.tier = info.tier;
    resource.gateUntil = Math.max(resource.gateUntil, until);
    return;
  }
  if (until > account.gateUntil) {
    account.gateUntil = until;
    account.gateTrips++;
  }
  // Nothing says the company budget is spent: it may have been a burst limit that did not name itself.
  if (info.remaining === undefined && !resource.paced) {
    resource.paced = true;
    resource.pacedAt = now;
  }
};


/** The account's state as plain data (limiter-store.ts, `snapshot`). */
export const snapshot = (account: AccountState, now: number, cfg: LimiterConfig): LimiterSnapshot => {
  const resources: Record<string, ResourceSnapshot> = {};
  const span = burstSpan(cfg);
  for (const [name, r] of account.resources) {
    resources[name] = { paced: isPaced(r, cfg), proven: r.proven, gateUntil: r.gateUntil, tier: r.tier, recentStarts: r.starts.filter((t) => t > now - span).length };
  }
  const rateLimit: { limit?: number; remaining?: number; resetAt?: number } = {};
  if (account.limit !== undefined) rateLimit.limit = account.limit;
  if (account.remaining !== undefined) rateLimit.remaining = account.remaining;
  if (account.resetAt !== undefined) rateLimit.resetAt = account.resetAt;
  let inFlight = 0;
  // Read-only: a snapshot taken on another clock must not drop leases.
  for (const expiresAt of account.leases.values()) if (expiresAt > now) inFlight++;
  return { rateLimit, gateUntil: account.gateUntil, gateTrips: account.gateTrips, inFlight, resources };
};
