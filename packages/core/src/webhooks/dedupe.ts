import { FrontInputError } from "../errors/front-input-error.js";

/**
 * Remembers which deliveries were already handled. `firstSeen` is an atomic "set if absent": `true` the first
 * time a key is seen within `ttlMs`, `false` for repeats. May answer asynchronously, so a shared store (Redis
 * `SET key 1 NX PX ttl`) fits the same interface.
 */
export interface DedupeStore {
  firstSeen(key: string, ttlMs: number): boolean | Promise<boolean>;
}

/** Options of {@link createMemoryDedupeStore}. */
export interface MemoryDedupeStoreOptions {
  /** Most keys kept; the oldest are forgotten first when full. Default 10 000. */
  readonly maxEntries?: number;
  /** Clock in unix milliseconds; default `Date.now`. */
  readonly now?: () => number;
}

/** Default size bound of {@link createMemoryDedupeStore}. */
export const DEFAULT_DEDUPE_MAX_ENTRIES = 10_000;

// Expired keys are swept from the oldest end a few at a time on each call, so no call pays for a full scan.
const SWEEP_PER_CALL = 8;

/**
 * An in-process {@link DedupeStore}: keys expire after their TTL and at most `maxEntries` are kept (oldest
 * evicted first), so memory stays bounded under any load. Per process only: several instances behind a load
 * balancer need a shared store.
 */
export const createMemoryDedupeStore = (options: MemoryDedupeStoreOptions = {}): DedupeStore => {
  const maxEntries = options.maxEntries ?? DEFAULT_DEDUPE_MAX_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new FrontInputError("maxEntries", "maxEntries must be a whole number ≥ 1");
  const now = options.now ?? Date.now;
  // Map keeps insertion order; a key is re-inserted when renewed, so the first entries are the oldest.
  const expiries = new Map<string, number>();

  const sweep = (at: number): void => {
    let budget = SWEEP_PER_CALL;
    for (const [key, expiry] of expiries) {
      if (budget-- === 0 || expiry > at) return;
      expiries.delete(key);
    }
  };

  return {
    firstSeen(key, ttlMs) {
      const at = now();
      sweep(at);
      // A window of 0 (or nonsense) remembers nothing: every delivery is new.
      if (!(ttlMs > 0)) return true;
      const expiry = expiries.get(key);
      if (expiry !== undefined && expiry > at) return false;
      expiries.delete(key);
      expiries.set(key, at + ttlMs);
      if (expiries.size > maxEntries) {
        const oldest = expiries.keys().next();
        if (oldest.done !== true) expiries.delete(oldest.value);
      }
      return true;
    },
  };
};
