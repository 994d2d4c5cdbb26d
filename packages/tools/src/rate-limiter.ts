/**
 * The client-side rate limiter shared by every call of one Front service (one token, one company).
 *
 * It paces from what Front says (limiter-decision.ts has the rules and the Front facts behind them): it
 * spends the company budget of `x-ratelimit-remaining` as soon as it is there and waits only once it is
 * used up, until `x-ratelimit-reset`; it burst-paces per resource type (limiter-resource.ts), only the
 * types Front burst-limits (learned from their 429s, or all with `burstPacing: "always"`), letting a burst
 * through at once and spacing only the starts past it; and on a 429 it closes a shared gate for the
 * `retry-after` (the company's, or only the resource's for a burst 429), so every queued call waits out the
 * same pause instead of each discovering the limit on its own. Every wait is bounded.
 *
 * The state lives in a `LimiterStore` (limiter-store.ts): in this process's memory by default, or a shared
 * store (Redis, issue 15) so that several processes serving one company share one budget. A shared store
 * that fails or is slower than `storeTimeoutMs` is bypassed: the limiter paces locally until it answers again.
 */
import type { RateLimitInfo } from "@frontkit/core";
import { Clock, Deferred, Effect } from "effect";
import { makeMemoryLimiterStore } from "./limiter-memory-store.js";
import { LIMITER_DEFAULTS, type LimiterTuning, resolveLimiterConfig } from "./limiter-options.js";
import { resourceOf } from "./limiter-resource.js";
import type { AcquireResult, LimiterConfig, LimiterSnapshot, LimiterStore, MaybePromise, WaitReason } from "./limiter-store.js";

/** Tuning of the rate limiter. */
export interface RateLimiterOptions extends LimiterTuning {
  /** Where the limiter's state lives (default: this process's memory). A shared store shares one budget between processes. */
  readonly store?: LimiterStore | undefined;
  /** Names the account in the store (default `"default"`); a shared store's key derives from a keyed hash of the token, never the token. */
  readonly accountKey?: string | undefined;
  /** How often a wait that ends on another process's release or answer re-asks a shared store (default 25 ms). */
  readonly storePollMs?: number | undefined;
  /** After a shared store failed, how long the limiter paces locally before trying it again (default 5 s). */
  readonly storeRetryMs?: number | undefined;
  /** Told once each time the shared store starts failing (throws, rejects or times out); never given the token. */
  readonly onStoreError?: ((error: unknown) => void) | undefined;
}

/** What the limiter knows right now. */
export interface RateLimiterState {
  readonly rateLimit: RateLimitInfo;
  readonly gateUntil: number;
  readonly inFlight: number;
  readonly gateTrips: number;
}

/** What a 429 said besides its retry-after. */
export interface TripDetails {
  /** The request's name, `"<METHOD> <path template>"`: its resource type is what a burst 429 closes. */
  readonly operation?: string | undefined;
  /** `x-front-tier` of the 429. */
  readonly tier?: string | undefined;
  /** `x-ratelimit-remaining` of the 429. */
  readonly remaining?: number | undefined;
}

/** Shared pacing for one token's requests. */
export interface RateLimiter {
  /**
   * Runs one HTTP attempt inside the limiter: waits for its turn (gate, concurrency, budget, the burst pacing
   * of `operation`'s resource type), then holds a lease while the attempt runs.
   */
  readonly withSlot: <A, E, R>(attempt: Effect.Effect<A, E, R>, operation?: string) => Effect.Effect<A, E, R>;
  /** Feeds the rate-limit headers of a response back into the pacing. */
  readonly observe: (info: RateLimitInfo, now: number) => void;
  /** Records a 429: closes the company's gate until `now + retryAfterMs` (bounded), or only the resource's for a burst 429. */
  readonly trip: (retryAfterMs: number | undefined, now: number, details?: TripDetails) => void;
  /** A snapshot of this process's view (the local store), for diagnostics and `invokeDetailed`. */
  readonly state: () => RateLimiterState;
  /** The full state of the store in use (shared when configured and answering), per resource included. */
  readonly snapshot: Effect.Effect<LimiterSnapshot>;
  /** The decision limits in force (defaults filled in). */
  readonly config: LimiterConfig;
}

/** A lease from the shared store (a local lease is its bare id). */
interface SharedLease {
  readonly id: string;
}
type Lease = string | SharedLease;

const isPromiseLike = <A>(value: MaybePromise<A>): value is PromiseLike<A> =>
  typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";

class StoreTimeout extends Error {
  constructor(ms: number) {
    super(`the limiter store did not answer within ${ms} ms`);
    this.name = "StoreTimeout";
  }
}

/** Creates a limiter; one per Front service instance. */
export const makeRateLimiter = (options: RateLimiterOptions = {}): Effect.Effect<RateLimiter> =>
  Effect.sync(() => {
    const cfg = resolveLimiterConfig(options);
    const key = options.accountKey ?? "default";
    const local = makeMemoryLimiterStore();
    const shared = options.store;
    const storeTimeoutMs = options.storeTimeoutMs ?? LIMITER_DEFAULTS.storeTimeoutMs;
    const storePollMs = Math.max(1, options.storePollMs ?? LIMITER_DEFAULTS.storePollMs);
    const storeRetryMs = Math.max(0, options.storeRetryMs ?? LIMITER_DEFAULTS.storeRetryMs);
    // Wall-clock time (not the fiber's Clock): a store's health is about real I/O.
    let sharedDownUntil = 0;
    let lastNow = 0;

    const sharedUsable = (): boolean => shared !== undefined && Date.now() >= sharedDownUntil;
    const storeFailed = (error: unknown): void => {
      const wasUp = Date.now() >= sharedDownUntil;
      sharedDownUntil = Date.now() + storeRetryMs;
      if (wasUp && options.onStoreError !== undefined) {
        try {
          options.onStoreError(error);
        } catch {
          // A broken listener must not break pacing.
        }
      }
    };
    /** Sends a write to the shared store without waiting for it; a failure only marks the store down. */
    const tell = (run: (store: LimiterStore) => MaybePromise<void>): void => {
      if (shared === undefined || !sharedUsable()) return;
      try {
        const pending = run(shared);
        if (isPromiseLike(pending)) pending.then(undefined, storeFailed);
      } catch (error) {
        storeFailed(error);
      }
    };

    // Waits that end on a release (concurrency) or an answer (probe) wake on it here rather than sleeping out
    // their time bound: FIFO for concurrency (one release frees one request), all at once for an answer.
    const releaseWaiters = new Set<Deferred.Deferred<void>>();
    const answerWaiters = new Set<Deferred.Deferred<void>>();
    const wakeOne = (): void => {
      for (const waiter of releaseWaiters) {
        releaseWaiters.delete(waiter);
        Deferred.doneUnsafe(waiter, Effect.void);
        return;
      }
    };
    const wakeAll = (waiters: Set<Deferred.Deferred<void>>): void => {
      if (waiters.size === 0) return;
      // Taken out first: a woken fiber may run at once and wait again, adding itself to the set being woken.
      const woken = [...waiters];
      waiters.clear();
      for (const waiter of woken) Deferred.doneUnsafe(waiter, Effect.void);
    };

    /** Sleeps `ms`, or less when woken; interruptible, so an abort or shutdown ends the wait at once. */
    const pause = (ms: number, reason: WaitReason, viaShared: boolean): Effect.Effect<void> => {
      const wakeable = reason === "concurrency" || reason === "probe" || reason === "ramp";
      if (!wakeable) return Effect.interruptible(Effect.sleep(ms));
      // Another process's release or answer cannot wake us: re-ask the shared store every `storePollMs`.
      const bound = viaShared ? Math.min(ms, storePollMs) : ms;
      return Effect.suspend(() => {
        const waiter = Deferred.makeUnsafe<void>();
        // Ramp and probe waits end on an answer (or a release, for a request that got none).
        const waiters = reason === "concurrency" ? releaseWaiters : answerWaiters;
        waiters.add(waiter);
        return Effect.interruptible(Effect.raceFirst(Effect.sleep(bound), Deferred.await(waiter))).pipe(
          Effect.ensuring(Effect.sync(() => waiters.delete(waiter))),
        );
      });
    };

    /** Asks the shared store, bounded by `storeTimeoutMs`; undefined when it failed (the caller asks the local store). */
    const askShared = (resource: string, now: number): Effect.Effect<AcquireResult | undefined> => {
      let answer: MaybePromise<AcquireResult>;
      try {
        answer = shared!.acquire(key, resource, now, cfg);
      } catch (error) {
        storeFailed(error);
        return Effect.succeed(undefined);
      }
      if (!isPromiseLike(answer)) return Effect.succeed(answer);
      const pending = answer;
      return Effect.callback<AcquireResult | undefined>((resume) => {
        let settled = false;
        const timer = setTimeout(() => {
          if (settled) return;
          settled = true;
          storeFailed(new StoreTimeout(storeTimeoutMs));
          resume(Effect.succeed(undefined));
        }, storeTimeoutMs);
        const late = (result: AcquireResult): void => {
          // Granted after we gave up (timeout or interruption): hand the lease straight back.
          if (result.granted) tell((store) => store.release(key, result.leaseId, now));
        };
        pending.then(
          (result) => {
            if (settled) return late(result);
            settled = true;
            clearTimeout(timer);
            resume(Effect.succeed(result));
          },
          (error: unknown) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            storeFailed(error);
            resume(Effect.succeed(undefined));
          },
        );
        return Effect.sync(() => {
          settled = true;
          clearTimeout(timer);
        });
      });
    };

    // Not a generator: this runs on every request, and the common case (local store, no wait) is one clock
    // read and one synchronous store call. It runs as the (uninterruptible) acquire of `withSlot`, so that a
    // lease taken is always released; only the waits are interruptible.
    const acquire = (resource: string): Effect.Effect<Lease> =>
      Effect.withFiber((fiber) => {
        const now = fiber.getRef(Clock.Clock).currentTimeMillisUnsafe();
        lastNow = now;
        const fromLocal = (): Effect.Effect<Lease> => {
          const result = local.acquire(key, resource, now, cfg);
          if (result.granted) return Effect.succeed(result.leaseId);
          return Effect.flatMap(pause(result.waitMs, result.reason, false), () => acquire(resource));
        };
        if (!sharedUsable()) return fromLocal();
        return Effect.flatMap(Effect.interruptible(askShared(resource, now)), (result) => {
          if (result === undefined) return fromLocal();
          if (result.granted) return Effect.succeed<Lease>({ id: result.leaseId });
          return Effect.flatMap(pause(result.waitMs, result.reason, true), () => acquire(resource));
        });
      });

    const release = (lease: Lease): Effect.Effect<void> =>
      Effect.withFiber((fiber) => {
        if (typeof lease === "string") local.release(key, lease, 0);
        else {
          const now = fiber.getRef(Clock.Clock).currentTimeMillisUnsafe();
          tell((store) => store.release(key, lease.id, now));
        }
        if (releaseWaiters.size > 0) wakeOne();
        // A request that ended without an answer (transport error) still frees a probe's waiters to re-check.
        if (answerWaiters.size > 0) wakeAll(answerWaiters);
        return Effect.void;
      });

    const withSlot = <A, E, R>(attempt: Effect.Effect<A, E, R>, operation?: string): Effect.Effect<A, E, R> =>
      Effect.acquireUseRelease(acquire(resourceOf(operation)), () => attempt, release);

    const observe = (info: RateLimitInfo, now: number): void => {
      lastNow = now;
      if (info.limit === undefined && info.remaining === undefined && info.resetAt === undefined) return;
      // The local view is kept current even with a shared store, so a fallback starts from what is known.
      local.observe(key, info, now, cfg);
      tell((store) => store.observe(key, info, now, cfg));
      wakeAll(answerWaiters);
    };

    const trip = (retryAfterMs: number | undefined, now: number, details: TripDetails = {}): void => {
      const info = { resource: resourceOf(details.operation), retryAfterMs, tier: details.tier, remaining: details.remaining };
      local.trip(key, info, now, cfg);
      tell((store) => store.trip(key, info, now, cfg));
    };

    const localSnapshot = (now: number): LimiterSnapshot => local.snapshot(key, now, cfg);

    const snapshot: Effect.Effect<LimiterSnapshot> = Effect.withFiber((fiber) => {
      const now = fiber.getRef(Clock.Clock).currentTimeMillisUnsafe();
      if (!sharedUsable()) return Effect.succeed(localSnapshot(now));
      return Effect.promise(async () => {
        try {
          return await shared!.snapshot(key, now, cfg);
        } catch (error) {
          storeFailed(error);
          return localSnapshot(now);
        }
      });
    });

    // The time of the last decision: the fiber's Clock (a TestClock in tests), which `state()` cannot read.
    const state = (): RateLimiterState => {
      const view = localSnapshot(lastNow);
      return { rateLimit: view.rateLimit, gateUntil: view.gateUntil, inFlight: view.inFlight, gateTrips: view.gateTrips };
    };

    return { withSlot, observe, trip, state, snapshot, config: cfg } satisfies RateLimiter;
  });
