/**
 * The seam behind cached lists: where a loaded list is kept between calls. Plain types and an in-memory
 * default, with no Effect, so the Promise entry can offer it too and a shared store (Redis) can implement it.
 */

/** Where cached lists are kept: `get` answers undefined when absent or expired; both may be sync or async. */
export interface CacheStore<Value = unknown> {
  /** The value kept under `key`, or undefined. */
  readonly get: (key: string) => Promise<Value | undefined> | Value | undefined;
  /** Keeps `value` under `key` for `ttlMs` milliseconds. */
  readonly set: (key: string, value: Value, ttlMs: number) => Promise<void> | void;
  /** Forgets `key` (optional: without it, `invalidate` leaves the entry to expire; `refresh` still loads anew and overwrites it). */
  readonly delete?: ((key: string) => Promise<void> | void) | undefined;
}

/** What a store holds for one key: the value and when it stops being fresh (ms, by the writer's clock). */
export interface CachedEntry<A = unknown> {
  readonly expiresAt: number;
  readonly value: A;
}

/** A store in this process's memory, honouring each entry's TTL by the wall clock. */
export const makeMemoryCacheStore = <Value = unknown>(): CacheStore<Value> => {
  const entries = new Map<string, { readonly until: number; readonly value: Value }>();
  return {
    get: (key) => {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (entry.until <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set: (key, value, ttlMs) => {
      entries.set(key, { until: Date.now() + ttlMs, value });
    },
    delete: (key) => {
      entries.delete(key);
    },
  };
};

