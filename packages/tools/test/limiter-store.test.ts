/** The memory store passes the LimiterStore contract; so does a store that answers every call with a promise. */
import { makeMemoryLimiterStore } from "../src/limiter-memory-store.js";
import type { LimiterStore } from "../src/limiter-store.js";
import { limiterStoreContract } from "./limiter-store-contract.js";

limiterStoreContract("memory", () => ({ store: makeMemoryLimiterStore() }));

// The contract is written for async stores too (Redis): the same rules behind promises.
const promised = (inner: LimiterStore): LimiterStore => ({
  acquire: (...args) => Promise.resolve(inner.acquire(...args)),
  release: (...args) => Promise.resolve(inner.release(...args)),
  observe: (...args) => Promise.resolve(inner.observe(...args)),
  trip: (...args) => Promise.resolve(inner.trip(...args)),
  snapshot: (...args) => Promise.resolve(inner.snapshot(...args)),
});
limiterStoreContract("memory behind promises", () => ({ store: promised(makeMemoryLimiterStore()) }));
