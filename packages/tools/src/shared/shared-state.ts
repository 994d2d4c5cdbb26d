/**
 * What one Front service shares through Redis when configured with a `redisUrl`: the process's one connection
 * to that URL and the account's stores on it (keys under `frontkit:v1:<HMAC of the token>`).
 */
import { accountPrefix } from "./account-key.js";
import type { ListCacheStore } from "./list-cache-store.js";
import { sharedRedis, type SharedRedis } from "./redis-connection.js";
import { redisListCacheStore } from "./redis-list-cache-store.js";
import { checkRedisUrl } from "./redis-url.js";

/** The shared stores of one account, or why the URL was refused. */
export type SharedState =
  | { readonly ok: true; readonly redis: SharedRedis; readonly accountPrefix: string; readonly listCacheStore: ListCacheStore }
  | { readonly ok: false; readonly problem: string };

/** The stores for `token` on the process's connection to `redisUrl` (made on first use, without waiting for it). */
export const sharedStateFor = (redisUrl: string, token: string): SharedState => {
  const checked = checkRedisUrl(redisUrl);
  if (!checked.ok) return checked;
  const redis = sharedRedis(redisUrl);
  const prefix = accountPrefix(token);
  return { ok: true, redis, accountPrefix: prefix, listCacheStore: redisListCacheStore(redis, prefix) };
};
