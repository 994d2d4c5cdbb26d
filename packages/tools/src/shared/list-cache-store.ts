/**
 * Where the cached whole lists (tags, inboxes) live besides each process's own memory: the seam that lets
 * several processes serving one account share one copy, with one TTL. Values are JSON (the lists are plain
 * objects decoded from Front's answers).
 */

/** A cached value and how long it stays fresh. */
export interface ListCacheEntry {
  readonly value: unknown;
  /** Milliseconds left before it expires (> 0). */
  readonly ttlMs: number;
}

/** A store of cached lists for one account. Operations never reject: a store that cannot answer says "miss". */
export interface ListCacheStore {
  /** The fresh value under `key`, or undefined. */
  readonly get: (key: string) => Promise<ListCacheEntry | undefined>;
  /** Keeps `value` under `key` for `ttlMs`. */
  readonly set: (key: string, value: unknown, ttlMs: number) => Promise<void>;
  /** Forgets every key starting with `prefix` (all keys when omitted). */
  readonly invalidate: (prefix?: string) => Promise<void>;
}

/** An in-process {@link ListCacheStore} (values copied through JSON, like a shared store would); `now` for tests. */
export const memoryListCacheStore = (now: () => number = Date.now): ListCacheStore => {
  const entries = new Map<string, { readonly json: string; readonly expiresAt: number }>();
  return {
    get: async (key) => {
      const hit = entries.get(key);
      const left = hit === undefined ? 0 : hit.expiresAt - now();
      if (hit === undefined || left <= 0) {
        entries.delete(key);
        return undefined;
      }
      return { value: JSON.parse(hit.json) as unknown, ttlMs: left };
    },
    set: async (key, value, ttlMs) => {
      if (ttlMs > 0) entries.set(key, { json: JSON.stringify(value), expiresAt: now() + ttlMs });
    },
    invalidate: async (prefix) => {
      for (const key of [...entries.keys()]) if (prefix === undefined || key.startsWith(prefix)) entries.delete(key);
    },
  };
};
