/**
 * The cached lists of one account in Redis: `frontkit:v1:<account>:list:<key>` holds the JSON with its TTL,
 * and `frontkit:v1:<account>:lists` indexes those keys so `invalidate(prefix)` is one script, not a SCAN of the
 * whole database. Every operation is one EVALSHA; when Redis is unavailable a read is a miss and a write or an
 * invalidation is skipped (each process then caches on its own).
 */
import type { ListCacheStore } from "./list-cache-store.js";
import { redisScript, type SharedRedis } from "./redis-connection.js";

// Value and remaining TTL in one round trip.
const GET = redisScript(`
local v = redis.call('GET', KEYS[1])
if not v then return false end
return {v, redis.call('PTTL', KEYS[1])}
`);

// KEYS: value key, index. ARGV: json, ttl ms, name in the index. The index lives as long as its longest entry.
const SET = redisScript(`
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
return 1
`);

// KEYS: index. ARGV: value-key prefix, name prefix ('' for all). Deletes the matching entries and their names.
const INVALIDATE = redisScript(`
local n = 0
for _, name in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if string.sub(name, 1, string.len(ARGV[2])) == ARGV[2] then
    redis.call('DEL', ARGV[1] .. name)
    redis.call('SREM', KEYS[1], name)
    n = n + 1
  end
end
return n
`);

/** A {@link ListCacheStore} for the account whose keys start with `accountPrefix` (`frontkit:v1:<account>`). */
export const redisListCacheStore = (redis: SharedRedis, accountPrefix: string): ListCacheStore => {
  const valuePrefix = `${accountPrefix}:list:`;
  const index = `${accountPrefix}:lists`;
  return {
    get: async (key) => {
      const reply = await redis.evalScript<[string, number] | null>(GET, [valuePrefix + key], []);
      if (!reply.ok || !Array.isArray(reply.value)) return undefined;
      const [json, ttlMs] = reply.value;
      if (!(ttlMs > 0)) return undefined;
      try {
        return { value: JSON.parse(json) as unknown, ttlMs };
      } catch {
        return undefined; // not ours or damaged: load from Front and overwrite it
      }
    },
    set: async (key, value, ttlMs) => {
      if (!(ttlMs > 0)) return;
      await redis.evalScript(SET, [valuePrefix + key, index], [JSON.stringify(value), Math.ceil(ttlMs), key]);
    },
    invalidate: async (prefix) => {
      await redis.evalScript(INVALIDATE, [index], [valuePrefix, prefix ?? ""]);
    },
  };
};
