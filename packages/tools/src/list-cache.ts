/**
 * The cache behind whole-list reads (tags, inboxes): values kept for a TTL in a `CacheStore`, and concurrent
 * callers of one key sharing one load (single flight). The store is a seam: in memory by default, one Front
 * service per store; a shared store (Redis) lets several processes reuse one load.
 *
 * Expiry is checked here against the fiber's clock (so TestClock applies), whatever the store does with the
 * TTL it is given. A store that fails or answers slowly never fails a call: its read counts as a miss and its
 * write is skipped, within `STORE_WAIT_MS`.
 */
import { Clock, Duration, Effect } from "effect";
import { type CachedEntry, type CacheStore, makeMemoryCacheStore } from "./cache-store.js";

/** Longest wait for the store on one read or write; past it the read is a miss and the write is dropped. */
export const STORE_WAIT_MS = 2_000;

/** A TTL cache with single-flight loads over a store. */
export interface ListCache {
  /**
   * `load`'s value under `key`, from the store while fresh; concurrent callers share one load; failures are not
   * kept. `refresh` skips the store and any load in flight, and stores what it loads.
   */
  readonly cached: <A, E, R>(key: string, load: Effect.Effect<A, E, R>, options?: CachedOptions) => Effect.Effect<A, E, R>;
  /** Forgets the entries (and loads in flight) whose key starts with `prefix`; all when omitted. */
  readonly invalidate: (prefix?: string) => Effect.Effect<void>;
}

/** Options of one `cached` read. */
export interface CachedOptions {
  /** Load anew even when a fresh value is kept. */
  readonly refresh?: boolean | undefined;
}

/** Options of `makeListCache`. */
export interface ListCacheOptions {
  /** How long a loaded value is reused; 0 or less disables the cache. */
  readonly ttl: Duration.Input;
  /** Where values are kept (default: a fresh in-memory store). */
  readonly store?: CacheStore<CachedEntry> | undefined;
}

const isThenable = (u: unknown): u is PromiseLike<unknown> =>
  typeof u === "object" && u !== null && typeof (u as { then?: unknown }).then === "function";

/** Runs one store operation, bounded: a throw, a rejection or a slow answer gives `fallback`. */
const storeOp = <A>(op: () => Promise<A> | A, fallback: A): Effect.Effect<A> =>
  Effect.suspend(() => {
    let out: Promise<A> | A;
    try {
      out = op();
    } catch {
      return Effect.succeed(fallback);
    }
    if (!isThenable(out)) return Effect.succeed(out);
    const pending = out;
    return Effect.tryPromise(() => Promise.resolve(pending)).pipe(
      Effect.timeout(STORE_WAIT_MS),
      Effect.orElseSucceed(() => fallback),
    );
  });

const isEntry = (u: unknown): u is CachedEntry =>
  typeof u === "object" && u !== null && typeof (u as { expiresAt?: unknown }).expiresAt === "number" && "value" in u;

/** Builds a list cache over `store` (a fresh memory store when none is given). */
export const makeListCache = (options: ListCacheOptions): ListCache => {
  const ttlMs = Duration.toMillis(options.ttl);
  const store = options.store ?? makeMemoryCacheStore<CachedEntry>();
  // Loads in flight in this process, so concurrent callers share one (the store may be shared with others).
  const flights = new Map<string, Effect.Effect<unknown, unknown, unknown>>();
  // Keys this cache wrote, so `invalidate(prefix)` needs no key scan of the store.
  const written = new Set<string>();

  const lookupOrLoad = <A, E, R>(key: string, load: Effect.Effect<A, E, R>, refresh: boolean): Effect.Effect<A, E, R> =>
    Effect.gen(function* () {
      const hit = refresh ? undefined : yield* storeOp(() => store.get(key), undefined);
      const now = yield* Clock.currentTimeMillis;
      if (isEntry(hit) && hit.expiresAt > now) return hit.value as A;
      const value = yield* load;
      written.add(key);
      yield* storeOp(() => store.set(key, { expiresAt: now + ttlMs, value }, ttlMs), undefined);
      return value;
    });

  const cached = <A, E, R>(key: string, load: Effect.Effect<A, E, R>, options: CachedOptions = {}): Effect.Effect<A, E, R> =>
    Effect.gen(function* () {
      if (ttlMs <= 0) return yield* load;
      const refresh = options.refresh === true;
      const inFlight = refresh ? undefined : flights.get(key);
      if (inFlight !== undefined) return yield* (inFlight as Effect.Effect<A, E, R>);
      const memo = yield* Effect.cached(lookupOrLoad(key, load, refresh));
      flights.set(key, memo);
      return yield* memo.pipe(
        Effect.ensuring(
          Effect.sync(() => {
            if (flights.get(key) === memo) flights.delete(key);
          }),
        ),
      );
    });

  const invalidate = (prefix?: string): Effect.Effect<void> =>
    Effect.gen(function* () {
      const matches = (key: string) => prefix === undefined || key.startsWith(prefix);
      for (const key of [...flights.keys()]) if (matches(key)) flights.delete(key);
      const remove = store.delete;
      for (const key of [...written]) {
        if (!matches(key)) continue;
        written.delete(key);
        if (remove !== undefined) yield* storeOp(() => remove(key), undefined);
      }
    });

  return { cached, invalidate };
};
