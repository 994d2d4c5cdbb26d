/**
 * The Front service's cache of whole lists (tags, inboxes): each process keeps a memoized copy for the TTL
 * (concurrent callers share one load; failures are not kept) and, when a {@link ListCacheStore} is given (Redis),
 * looks there before loading from Front and puts what it loaded there, so N processes load a list once per TTL
 * instead of N times. A local copy taken from the store expires when the stored one does.
 */
import { Clock, Effect } from "effect";
import type { ListCacheStore } from "./list-cache-store.js";

/** The cache operations the Front service exposes. */
export interface ListCache {
  /** Memoizes `load` under `key` for the TTL. */
  readonly cached: <A, E, R>(key: string, load: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>;
  /** Drops entries whose key starts with `prefix` (all when omitted), here and in the store. */
  readonly invalidate: (prefix?: string) => Effect.Effect<void>;
}

/** Makes the cache; `ttlMs <= 0` disables it (every call loads). */
export const makeListCache = (ttlMs: number, store?: ListCacheStore): ListCache => {
  const local = new Map<string, { expiresAt: number; readonly value: Effect.Effect<unknown, unknown, unknown> }>();

  /** The store's copy when it has one, else `load`, whose result is then offered to the store. */
  const throughStore = <A, E, R>(key: string, load: Effect.Effect<A, E, R>, startedAt: number): Effect.Effect<A, E, R> => {
    if (store === undefined) return load;
    return Effect.flatMap(
      Effect.promise(() => store.get(key)),
      (hit) => {
        if (hit !== undefined) {
          const entry = local.get(key);
          // Expire the local copy with the shared one, so a refresh elsewhere is seen within the shared TTL.
          if (entry !== undefined) entry.expiresAt = Math.min(entry.expiresAt, startedAt + hit.ttlMs);
          return Effect.succeed(hit.value as A);
        }
        return Effect.tap(load, (value) => Effect.promise(() => store.set(key, value, ttlMs)));
      },
    );
  };

  const cached = <A, E, R>(key: string, load: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.gen(function* () {
      if (ttlMs <= 0) return yield* load;
      const now = yield* Clock.currentTimeMillis;
      const hit = local.get(key);
      if (hit !== undefined && hit.expiresAt > now) return yield* (hit.value as Effect.Effect<A, E, R>);
      const memo = yield* Effect.cached(throughStore(key, load, now));
      local.set(key, { expiresAt: now + ttlMs, value: memo });
      return yield* memo.pipe(
        Effect.tapError(() =>
          Effect.sync(() => {
            // A failed load must not be served for the whole TTL.
            if (local.get(key)?.value === memo) local.delete(key);
          }),
        ),
      );
    });

  const invalidate = (prefix?: string): Effect.Effect<void> =>
    Effect.flatMap(
      Effect.sync(() => {
        for (const key of [...local.keys()]) if (prefix === undefined || key.startsWith(prefix)) local.delete(key);
      }),
      () => (store === undefined ? Effect.void : Effect.promise(() => store.invalidate(prefix))),
    );

  return { cached, invalidate };
};
