/**
 * The per-service memo of whole lists (tags, inboxes): a load shared by concurrent callers and reused for a
 * time-to-live; a failed load is dropped at once, so it is never served for the whole TTL.
 */
import { Clock, Effect } from "effect";

/** A keyed memo of effects with one time-to-live. */
export interface TtlCache {
  /** Memoizes `load` under `key` for the TTL (concurrent callers share one load; failures are not kept). */
  readonly cached: <A, E, R>(key: string, load: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>;
  /** Drops cached entries whose key starts with `prefix` (all when omitted). */
  readonly invalidate: (prefix?: string) => Effect.Effect<void>;
}

/** A cache whose entries live `ttlMs` (0 or less: nothing is kept, every call loads). */
export const makeTtlCache = (ttlMs: number): TtlCache => {
  const entries = new Map<string, { readonly expiresAt: number; readonly value: Effect.Effect<unknown, unknown, unknown> }>();

  const cached = <A, E, R>(key: string, load: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.gen(function* () {
      if (ttlMs <= 0) return yield* load;
      const now = yield* Clock.currentTimeMillis;
      const hit = entries.get(key);
      if (hit !== undefined && hit.expiresAt > now) return yield* (hit.value as Effect.Effect<A, E, R>);
      const memo = yield* Effect.cached(load);
      entries.set(key, { expiresAt: now + ttlMs, value: memo });
      return yield* memo.pipe(
        Effect.tapError(() =>
          Effect.sync(() => {
            // A failed load must not be served for the whole TTL.
            if (entries.get(key)?.value === memo) entries.delete(key);
          }),
        ),
      );
    });

  const invalidate = (prefix?: string): Effect.Effect<void> =>
    Effect.sync(() => {
      for (const key of [...entries.keys()]) if (prefix === undefined || key.startsWith(prefix)) entries.delete(key);
    });

  return { cached, invalidate };
};
