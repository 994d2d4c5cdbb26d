/**
 * The default `LimiterStore`: the limiter's state in this process's memory, answering synchronously (no
 * promise, and on the common path no allocation beyond the lease id). Shared by every call of one Front
 * service; a limiter also keeps one as its fallback when a shared store fails.
 */
import * as Decision from "./limiter-decision.js";
import type { AcquireResult, LimiterConfig, LimiterSnapshot, LimiterStore } from "./limiter-store.js";

/** The memory store: a `LimiterStore` whose every answer is synchronous. */
export interface MemoryLimiterStore extends LimiterStore {
  readonly acquire: (accountKey: string, resource: string, now: number, cfg: LimiterConfig) => AcquireResult;
  readonly release: (accountKey: string, leaseId: string, now: number) => void;
  readonly snapshot: (accountKey: string, now: number, cfg: LimiterConfig) => LimiterSnapshot;
}

/** A `LimiterStore` in this process's memory (one map entry per account key). */
export const makeMemoryLimiterStore = (): MemoryLimiterStore => {
  const accounts = new Map<string, Decision.AccountState>();
  const account = (key: string): Decision.AccountState => {
    let state = accounts.get(key);
    if (state === undefined) {
      state = Decision.emptyAccount();
      accounts.set(key, state);
    }
    return state;
  };
  return {
    acquire: (key, resource, now, cfg): AcquireResult => {
      const state = account(key);
      const res = Decision.resourceState(state, resource, cfg);
      const decision = Decision.decide(state, res, now, cfg);
      if (decision.reason !== undefined) return { granted: false, waitMs: decision.waitMs, reason: decision.reason };
      const leaseId = Decision.leaseIdFor(++state.nextLease, res);
      Decision.grant(state, res, now, cfg, leaseId);
      return { granted: true, leaseId };
    },
    release: (key, leaseId) => {
      const state = accounts.get(key);
      if (state !== undefined) Decision.release(state, leaseId);
    },
    observe: (key, info, now, cfg) => Decision.observe(account(key), info, now, cfg),
    trip: (key, info, now, cfg) => Decision.trip(account(key), info, now, cfg),
    snapshot: (key, now, cfg) => Decision.snapshot(account(key), now, cfg),
  };
};
