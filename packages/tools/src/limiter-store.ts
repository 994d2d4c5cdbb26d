/**
 * The seam between the rate limiter (rate-limiter.ts) and where its shared state lives.
 *
 * One Front company has one rate limit, whatever number of processes call Front for it. The limiter keeps
 * no pacing state of its own: it asks a `LimiterStore` for permission before every HTTP attempt and tells it
 * what Front answered. The default store is in memory (limiter-memory-store.ts, one process); a Redis store
 * (issue 15) shares the same state between processes. Every operation below reads and writes the state of
 * ONE account as a single atomic step — in Redis, one Lua script call (EVALSHA) per operation, no
 * read-modify-write across round trips — so that two processes can never both take the last permit.
 *
 * The decisions themselves are pure functions over plain data (limiter-decision.ts); the memory store runs
 * them directly, and a Redis script must implement the same rules (the contract suite in
 * test/limiter-store-contract.ts checks any store against them).
 *
 * Time: every operation receives `now` (unix ms, the caller's Clock) instead of reading a clock of its own,
 * so tests drive it with a TestClock and one decision never mixes two clocks. Stores keep timestamps as
 * given and never compare them with their own clock (a Redis store must not use TIME for decisions).
 *
 * Sync or async: every method may return its value directly or a Promise of it. The limiter runs a store
 * call at most `storeTimeoutMs` (FrontConfig / RateLimiterOptions); a store that throws, rejects or is
 * slower than that is bypassed for that call and the limiter paces locally (its in-memory store) until the
 * store answers again — a store outage costs sharing, never a failed or stalled call.
 */
import type { RateLimitInfo } from "@frontkit/core";

/** A value, or a promise of it: the memory store answers synchronously (no promise per call), Redis asynchronously. */
export type MaybePromise<A> = A | PromiseLike<A>;

/**
 * The limits the decisions apply, resolved from the options once per limiter and passed to every operation,
 * so a shared store holds no configuration of its own (two processes configured differently each apply
 * their own view to the same shared counts). Every field is a finite number ≥ 0 unless said otherwise.
 */
export interface LimiterConfig {
  /** Most leases (requests in flight) at once for the account, across every process sharing the store; ≥ 1. */
  readonly maxConcurrency: number;
  /**
   * A lease not released within this many ms of its grant no longer counts (a process that died mid-request
   * cannot keep permits forever). Longer than any request can take: the request timeout plus a margin.
   */
  readonly leaseTtlMs: number;
  /** Requests per resource type per `burstWindowMs` that Front's burst limit allows (Front: 5 per second); 0 = no burst pacing. */
  readonly burstLimit: number;
  /** The burst limit's window in ms (Front: 1000). A resource admits at most `burstLimit` starts in any `burstWindowMs + burstMarginMs`. */
  readonly burstWindowMs: number;
  /** Added to the burst window: Front counts arrivals on its clock, and network jitter moves arrivals closer together than our starts. */
  readonly burstMarginMs: number;
  /**
   * Which resource types are burst-paced: `"learn"` (default) only those Front has refused with a burst 429
   * (it says only "some resource-intensive" routes have a burst limit, so an unrefused resource goes at full
   * speed); `"always"` every resource from its first call (no 429 needed to learn, but slower where Front
   * would have allowed more).
   */
  readonly burstPacing: "learn" | "always";
  /** Extra wait after `x-ratelimit-reset` before a new window is trusted: Front's reset is whole seconds and clocks differ. */
  readonly resetMarginMs: number;
  /** Longest window believed (Front: one minute): a reset further ahead than `now + maxWindowMs` is clamped to it. */
  readonly maxWindowMs: number;
  /** Longest single wait `acquire` may ask for; every wait is clamped to it (bounded waits whatever the headers say). */
  readonly maxWaitMs: number;
  /** Longest gate a 429 may close (the `maxRetryAfter` option, default 60 s). */
  readonly maxRetryAfterMs: number;
  /** Gate after a 429 without a readable `retry-after` (garbage or absent). */
  readonly defaultRetryAfterMs: number;
  /** Shortest gate after a 429 (a `retry-after: 0` means "soon", not "again at once"). */
  readonly minRetryAfterMs: number;
  /**
   * After a window whose budget ran out has reset, only one request (a probe) may go until an answer brings the
   * new window's figures; a probe whose answer never comes stops blocking others after this many ms.
   */
  readonly probeTimeoutMs: number;
  /**
   * Below this share of `limit` (0 – 1; 0 = off, the default) the remaining budget is spread evenly until the
   * reset instead of spent at once. Off by default: spending a budget as soon as it is there is what Front allows.
   */
  readonly paceBelow: number;
  /** Most resource types tracked per account (bounded memory; further resources share one `"*"` bucket). */
  readonly maxResources: number;
}

/** Why `acquire` asked the caller to wait (diagnostics; the limiter treats every reason alike). */
export type WaitReason = "gate" | "resource-gate" | "concurrency" | "budget" | "probe" | "burst" | "ramp" | "spread";

/** The answer of `acquire`: a lease to start the request now, or how long to wait before asking again. */
export type AcquireResult =
  | { readonly granted: true; readonly leaseId: string }
  | { readonly granted: false; readonly waitMs: number; readonly reason: WaitReason };

/** What one 429 told the limiter. */
export interface TripInfo {
  /** The resource type of the refused request (see limiter-resource.ts). */
  readonly resource: string;
  /** `retry-after` in ms as parsed (undefined: absent or unreadable). */
  readonly retryAfterMs: number | undefined;
  /** `x-front-tier` of the 429: present when a burst (per-resource) limit refused the request. */
  readonly tier: string | undefined;
  /** `x-ratelimit-remaining` of the same 429, if any: above 0 means the company budget was not the reason. */
  readonly remaining: number | undefined;
}

/** The per-resource part of a snapshot. */
export interface ResourceSnapshot {
  /** Whether starts on this resource are burst-paced (learned from a burst 429, or `burstPacing: "always"`). */
  readonly paced: boolean;
  /** Learn mode: its ramp carried `RAMP_PROVEN × burstLimit` starts in one window unrefused, so it goes unpaced. */
  readonly proven: boolean;
  /** Until when (unix ms) a burst 429 closed this resource; 0 = open. */
  readonly gateUntil: number;
  /** The last `x-front-tier` Front named for this resource, if any. */
  readonly tier: string | undefined;
  /** Starts in the current burst window (the last `burstWindowMs + burstMarginMs`). */
  readonly recentStarts: number;
}

/** What a store knows about one account right now (diagnostics, `invokeDetailed`, tests). */
export interface LimiterSnapshot {
  /** The company limit as last learned from Front's headers (`remaining` already lowered by in-window answers). */
  readonly rateLimit: RateLimitInfo;
  /** Until when (unix ms) a company-wide 429 closed every request; 0 = open. */
  readonly gateUntil: number;
  /** Company-wide gates closed so far. */
  readonly gateTrips: number;
  /** Leases held now (expired leases excluded). */
  readonly inFlight: number;
  /** Burst state per resource type seen. */
  readonly resources: Readonly<Record<string, ResourceSnapshot>>;
}

/**
 * Where the limiter's per-account state lives. `accountKey` names one Front company (one token): for the
 * memory store any string; a shared store derives it from a keyed hash of the token, never the token. All
 * per-account state must expire on its own when an account goes quiet (a Redis store: a TTL refreshed by
 * every write, at least `maxWindowMs + leaseTtlMs`).
 *
 * Each method is ONE atomic step over one account's state.
 */
export interface LimiterStore {
  /**
   * Asks to start one request on `resource` now. Grants (and records) a lease only when ALL hold:
   * 1. no company gate: `now ≥ gateUntil` (closed by `trip` for a company 429);
   * 2. no gate on this resource: `now ≥ resource.gateUntil` (closed by `trip` for a burst 429);
   * 3. concurrency: fewer than `cfg.maxConcurrency` unexpired leases (a lease expires `cfg.leaseTtlMs` after
   *    its grant; expired leases are dropped here);
   * 4. company budget, when `remaining` and `resetAt` are known:
   *    - window current (`now < resetAt + resetMarginMs`): `remaining − inFlight > 0`, else wait until
   *      `resetAt + resetMarginMs`. With `paceBelow > 0` and that budget ≤ `ceil(limit × paceBelow)`, also
   *      `now ≥ lastStart + (resetAt + resetMarginMs − now) / budget` ("spread");
   *    - window over and the last known `remaining` was 0: one probe at a time — granted only when no probe
   *      was granted within `cfg.probeTimeoutMs` since the last `observe` that brought new figures;
   *    - window over and `remaining` was above 0: `remaining − inFlight > 0` (a new window never has less);
   * 5. burst, when `cfg.burstLimit > 0` and the resource is paced: fewer than `cfg.burstLimit` starts on this
   *    resource within the last `burstWindowMs + margin`, else wait until the oldest of the last
   *    `burstLimit` starts leaves that window. `margin` = max(`burstMarginMs`, the resource's `marginMs`):
   *    each grant on a paced resource lowers `marginMs` by `burstWindowMs / 1000` (not below `burstMarginMs`);
   *    `trip` raises it. Starts are recorded on paced resources only (the burst 429
   *    that makes a resource paced also closes it for Front's retry-after, which covers the starts before);
   * 6. ramp, when `cfg.burstLimit > 0`, `burstPacing` is `"learn"` and the resource is neither paced nor
   *    proven. Let full = `rampCount ≥ max(rampLevel, burstLimit)`. If full and `now` is within the ramp
   *    window (`< rampStart + burstWindowMs + burstMarginMs`): wait until it ends (reason `"ramp"`). If full
   *    and leases on this resource are still held: wait (reason `"ramp"`, time bound the earliest lease
   *    expiry) — the window's requests must all be answered before the allowance grows. A grant at or after
   *    the window's end opens a new window at `now`: first, if the last window carried
   *    `≥ RAMP_PROVEN (4) × burstLimit` starts, the resource becomes proven (unpaced for good unless a later
   *    burst 429 marks it paced — paced wins); `rampLevel` doubles if the last window was full, else stays
   *    (it starts at `burstLimit`); `rampCount = 0`. Every grant on a ramping resource counts `rampCount++`.
   * Every grant counts the lease on its resource (`inFlight`, per resource) until its release or expiry; so
   * the lease id must let `release` find the resource (the memory store: `"<serial>@<resource>"`).
   * On a grant it records the start (time, resource, lease) and returns `{ granted: true, leaseId }` — an id
   * unique within the account for at least `leaseTtlMs`. Otherwise it changes nothing (except dropping
   * expired leases) and returns `{ granted: false, waitMs, reason }` with `waitMs` the time until the
   * first failing condition could pass by itself, clamped to `[1, cfg.maxWaitMs]`; the caller sleeps and asks
   * again. For `"concurrency"`, `"probe"` and `"ramp"` that time may be the earliest lease expiry or the probe's timeout,
   * though a `release` or an `observe` usually frees the way sooner: a caller that can hear of those (one
   * process, the memory store) wakes on them; a caller of a shared store polls (`storePollMs`) instead.
   */
  readonly acquire: (accountKey: string, resource: string, now: number, cfg: LimiterConfig) => MaybePromise<AcquireResult>;

  /** Ends a lease (the request finished, failed or was interrupted). Unknown or expired ids are ignored. */
  readonly release: (accountKey: string, leaseId: string, now: number) => MaybePromise<void>;

  /**
   * Feeds the rate-limit headers of one answer (already sanitised by core's `parseRateLimit`). Ignored when
   * it carries none of limit/remaining/resetAt. A `resetAt` beyond `now + cfg.maxWindowMs` is clamped to it;
   * a `remaining` without `resetAt` gets `resetAt = now + cfg.maxWindowMs`. Then:
   * - while the known window lasts (`now < known resetAt + resetMarginMs`): an answer from an older window
   *   (`resetAt` before the known one) is ignored (it arrived late), and within the same window (`resetAt`
   *   equal) the lower `remaining` wins (answers arrive out of order);
   * - otherwise (a newer window, or nothing known) the figures replace what was known.
   * Any answer not ignored frees a pending probe (`probeUntil` back to 0).
   */
  readonly observe: (accountKey: string, info: RateLimitInfo, now: number, cfg: LimiterConfig) => MaybePromise<void>;

  /**
   * Records one 429. The gate's length is `retryAfterMs` clamped to `[minRetryAfterMs, maxRetryAfterMs]`
   * (`defaultRetryAfterMs` when undefined or not finite). A burst 429 — `tier` present, or `remaining > 0` —
   * closes only `info.resource` until `now + gate` and marks the resource paced (when it was not: `pacedAt = now`
   * and every slot of its start ring set to `now`, since Front just counted a full burst there); if it was paced already for more than one burst window (`now − pacedAt > burstWindowMs +
   * margin`: jitter brought our starts closer together at Front), its `marginMs` becomes
   * `min(max(2m, m + 50), burstWindowMs / 2)` with m = max(`burstMarginMs`, `marginMs`). Any other 429 closes the
   * company gate until `now + gate` (counted in `gateTrips` when it moves the gate later); when nothing says
   * the company budget is spent (`remaining` undefined) the resource is also marked paced, since it may have
   * been a burst limit that did not name itself. A gate is only ever moved later, never earlier.
   */
  readonly trip: (accountKey: string, info: TripInfo, now: number, cfg: LimiterConfig) => MaybePromise<void>;

  /** The account's state now (expired leases not counted), for diagnostics and tests. */
  readonly snapshot: (accountKey: string, now: number, cfg: LimiterConfig) => MaybePromise<LimiterSnapshot>;
}
