/**
 * What one Front service shares through Redis when configured with a `redisUrl`: the process's one connection
 * to that URL and the account's stores on it (keys under `frontkit:v1:<HMAC of the token>`).
 */
import type { RateLimiterOptions } from "../rate-limiter.js";
import { accountKey, KEY_NAMESPACE } from "./account-key.js";
import type { ListCacheStore } from "./list-cache-store.js";
import { sharedRedis, type SharedRedis } from "./redis-connection.js";
import { makeRedisLimiterStore } from "./redis-limiter-store.js";
import { redisListCacheStore } from "./redis-list-cache-store.js";
import { checkRedisUrl } from "./redis-url.js";

// The connection bounds every store operation at its own 100 ms (and tells a stall of this process from a slow
// Redis, which a bare timer cannot); the limiter's bound is only a backstop above it.
const LIMITER_STORE_TIMEOUT_MS = 1_000;

// One store object per connection: it holds no per-account state, so every account on the connection shares it.
const limiterStores = new WeakMap<SharedRedis, ReturnType<typeof makeRedisLimiterStore>>();
const limiterStoreFor = (redis: SharedRedis) => {
  let store = limiterStores.get(redis);
  if (store === undefined) {
    store = makeRedisLimiterStore(redis);
    limiterStores.set(redis, store);
  }
  return store;
};

/** The shared stores of one account, or why the URL was refused. */
export type SharedState =
  | {
      readonly ok: true;
      readonly redis: SharedRedis;
      readonly accountPrefix: string;
      readonly listCacheStore: ListCacheStore;
      /** What the rate limiter needs to keep its state in Redis: the store, the hashed account, the bounds. */
      readonly limiterOptions: Pick<RateLimiterOptions, "store" | "accountKey" | "storeTimeoutMs" | "onStoreError">;
    }
  | { readonly ok: false; readonly problem: string };

/** The stores for `token` on the process's connection to `redisUrl` (made on first use, without waiting for it). */
export const sharedStateFor = (redisUrl: string, token: string): SharedState => {
  const checked = checkRedisUrl(redisUrl);
  if (!checked.ok) return checked;
  const redis = sharedRedis(redisUrl);
  const account = accountKey(token);
  const prefix = `${KEY_NAMESPACE}:${account}`;
  return {
    ok: true,
    redis,
    accountPrefix: prefix,
    listCacheStore: redisListCacheStore(redis, prefix),
    limiterOptions: {
      store: limiterStoreFor(redis),
      accountKey: account,
      storeTimeoutMs: LIMITER_STORE_TIMEOUT_MS,
      // A store that did not answer in time makes the whole connection "unavailable" (one warning line, PING
      // probes until it answers); a failure the connection already reported prints nothing more.
      onStoreError: (error) => redis.reportSlow(error),
    },
  };
};
