/**
 * The client-side rate limiter shared by every call of one Front service (one token).
 *
 * Front limits requests per company per minute (`x-ratelimit-*` on every
 * response) and per resource per second (burst, ~5 req/s). Rather than learn
 * the limit from 429s, the limiter:
 * - caps concurrency (a semaphore);
 * - spaces request starts by the burst interval;
 * - once `remaining` runs low, spreads what is left evenly until
 *   `x-ratelimit-reset`, so the budget reaches 0 only as the window resets
 *   (above that it goes at the burst pace, not to waste a fresh window);
 * - on a 429 closes a shared gate for the retry-after, so every queued call and
 *   every in-flight call that retries waits out the same pause instead of each
 *   discovering the limit on its own.
 */
import type { RateLimitInfo } from "@frontkit/core";
import { Clock, Effect, Semaphore } from "effect";

/** Tuning of the rate limiter. */
export interface RateLimiterOptions {
  /** Requests in flight at once (default 5). */
  readonly maxConcurrency?: number;
  /** Request starts per second, Front's burst limit (default 5); 0 disables burst pacing. */
  readonly burstPerSecond?: number;
  /** Longest gate a 429 can close (default 60 s), matching the retry cap. */
  readonly maxRetryAfterMs?: number;
  /** Gate used when a 429 carries no retry-after (default 1 s). */
  readonly defaultRetryAfterMs?: number;
  /**
   * Below this share of the limit (default 0.2) the remaining budget is spread evenly until the reset;
   * above it calls go at the burst pace, so a fresh window's budget is not wasted.
   */
  readonly paceBelow?: number;
  /** Longest rate-limit window believed (default 60 s, Front's minute): a reset header further away is clamped, so a skewed clock cannot stall calls. */
  readonly maxWindowMs?: number;
  /** Extra wait after the window's reset time, for clock skew and Front's whole-second reset header (default 250 ms). */
  readonly resetMarginMs?: number;
}

/** What the limiter knows right now. */
export interface RateLimiterState {
  readonly rateLimit: RateLimitInfo;
  readonly gateUntil: number;
  readonly inFlight: number;
  readonly gateTrips: number;
}

/** Shared pacing for one token's requests. */
export interface RateLimiter {
  /** Runs one HTTP attempt inside the limiter: waits for a permit, the gate and its pacing slot. */
  readonly withSlot: <A, E, R>(attempt: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>;
  /** Feeds the rate-limit headers of a response back into the pacing. */
  readonly observe: (info: RateLimitInfo, now: number) => void;
  /** Closes the shared gate after a 429 until `now + retryAfterMs` (capped). */
  readonly trip: (retryAfterMs: number | undefined, now: number) => void;
  /** A snapshot of the limiter's view, for diagnostics and `invokeDetailed`. */
  readonly state: () => RateLimiterState;
}

/** Creates a limiter; one per Front service instance. */
export const makeRateLimiter = (options: RateLimiterOptions = {}): Effect.Effect<RateLimiter> =>
  Effect.gen(function* () {
    const maxConcurrency = Math.max(1, Math.floor(options.maxConcurrency ?? 5));
    const burstPerSecond = options.burstPerSecond ?? 5;
    // Burst windows are counted on Front's clock, which is not ours: a few percent of slack keeps us under.
    const burstIntervalMs = burstPerSecond > 0 ? (1000 / burstPerSecond) * 1.05 : 0;
    const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    const defaultRetryAfterMs = options.defaultRetryAfterMs ?? 1_000;
    const resetMarginMs = options.resetMarginMs ?? 250;
    const maxWindowMs = options.maxWindowMs ?? 60_000;
    const paceBelow = options.paceBelow ?? 0.2;
    const semaphore = yield* Semaphore.make(maxConcurrency);

    let info: RateLimitInfo = {};
    let gateUntil = 0;
    let gateTrips = 0;
    let lastStart = Number.NEGATIVE_INFINITY;
    let inFlight = 0;

    // No single wait is longer than the longest the limiter can believe: a window or a retry-after gate.
    const maxWaitMs = Math.max(maxWindowMs + resetMarginMs, maxRetryAfterMs);

    /** How long to wait before the next start may happen; 0 means go now. */
    const waitFor = (now: number): number => {
      let until = Math.max(gateUntil, lastStart + burstIntervalMs);
      const { remaining, resetAt } = info;
      if (remaining !== undefined && resetAt !== undefined && resetAt + resetMarginMs > now) {
        // Calls already on the wire will spend budget the last response did not yet count.
        // Whole requests only: a fractional budget would divide the window into a wait longer than the window.
        const budget = Math.floor(remaining) - inFlight;
        const lowWater = Math.max(1, Math.ceil((info.limit ?? remaining) * paceBelow));
        if (budget <= 0) until = Math.max(until, resetAt + resetMarginMs);
        else if (budget <= lowWater) until = Math.max(until, lastStart + (resetAt + resetMarginMs - now) / budget);
      }
      const wait = until - now;
      return Number.isFinite(wait) ? Math.min(Math.max(0, wait), maxWaitMs) : 0;
    };

    /** Takes the start slot when pacing allows it now; otherwise says how long to wait. */
    const tryTake = (now: number): number => {
      const wait = waitFor(now);
      if (wait > 0) return wait;
      lastStart = now;
      inFlight++;
      return 0;
    };

    // Not a generator: this runs on every request, and the common case (no wait) is one clock read.
    // It runs as the (uninterruptible) acquire of `withSlot`, so that a slot taken is always released; the
    // sleep alone is made interruptible again, so a caller's abort, dispose() or shutdown ends the wait at
    // once (a slot is only taken, synchronously, once no wait is left).
    const acquireSlot: Effect.Effect<void> = Effect.withFiber((fiber) => {
      const wait = tryTake(fiber.getRef(Clock.Clock).currentTimeMillisUnsafe());
      return wait <= 0 ? Effect.void : Effect.flatMap(Effect.interruptible(Effect.sleep(Math.ceil(wait))), () => acquireSlot);
    });

    const release = Effect.sync(() => {
      inFlight--;
    });

    const withSlot = <A, E, R>(attempt: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
      semaphore.withPermit(Effect.acquireUseRelease(acquireSlot, () => attempt, () => release));

    const observe = (observed: RateLimitInfo, now: number): void => {
      const next =
        observed.resetAt !== undefined && observed.resetAt > now + maxWindowMs ? { ...observed, resetAt: now + maxWindowMs } : observed;
      if (next.remaining === undefined && next.resetAt === undefined && next.limit === undefined) return;
      const sameWindow = next.resetAt !== undefined && info.resetAt !== undefined && next.resetAt === info.resetAt;
      const staleWindow = next.resetAt !== undefined && info.resetAt !== undefined && next.resetAt < info.resetAt;
      if (staleWindow) return; // an answer from the previous window arriving late
      if (sameWindow && info.remaining !== undefined && next.remaining !== undefined && next.remaining > info.remaining) {
        // Responses can arrive out of order: within one window the lowest count is the truest.
        info = { ...next, remaining: info.remaining };
        return;
      }
      info = next.resetAt === undefined && next.remaining !== undefined ? { ...next, resetAt: now + 60_000 } : next;
    };

    const trip = (retryAfterMs: number | undefined, now: number): void => {
      const asked = retryAfterMs !== undefined && Number.isFinite(retryAfterMs) ? retryAfterMs : defaultRetryAfterMs;
      const wait = Math.min(Math.max(0, asked), maxRetryAfterMs);
      if (now + wait > gateUntil) {
        gateUntil = now + wait;
        gateTrips++;
      }
    };

    return {
      withSlot,
      observe,
      trip,
      state: () => ({ rateLimit: info, gateUntil, inFlight, gateTrips }),
    } satisfies RateLimiter;
  });
