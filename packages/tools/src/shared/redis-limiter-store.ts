/**
 * The rate limiter's per-account state in Redis, so every process serving one Front company shares one budget:
 * the limit, remaining and reset learned from Front's headers, the gate after a 429, the leases (requests in
 * flight, the concurrency budget) and each resource type's burst log.
 *
 * Each `LimiterStore` operation is one Lua script run with EVALSHA — the whole read-decide-write happens inside
 * Redis, so two processes can never both take the last permit. The scripts implement the rules of
 * limiter-decision.ts (documented per operation in limiter-store.ts) line for line; the tests run the same
 * operation sequences against this store and the memory store and compare every answer.
 *
 * Keys, per account (`<acct>` = 32 hex characters of an HMAC of the token, never the token):
 * - `frontkit:v1:<acct>:limiter` — a hash: limit, remaining, resetAt, gateUntil, gateTrips, lastStart,
 *   probeUntil, nextLease, rcount, and per resource `r:<name>` (exists), `rp:` (paced), `rg:` (gate),
 *   `rt:` (tier), `rz:` (burst log size), `rs:` (burst log: the last start times, oldest first), and the
 *   learn-mode ramp `rv:` (proven), `rl:` (level), `ra:` (window start), `rc:` (starts in the window),
 *   `rm:` (the resource's learned burst margin), `ra:` (when it became paced) and `rf:` (its leases held);
 * - `frontkit:v1:<acct>:limiter:leases` — a sorted set: lease id → expiry (unix ms).
 * Both expire on their own: every write sets their TTL to a window, a lease and the longest gate together.
 *
 * Timestamps are the callers' (`now`), never Redis's TIME: the limiter's decisions use one clock.
 * When Redis is unavailable every operation rejects at once, and the limiter paces locally until it is back.
 */
import type { RateLimitInfo } from "@frontkit/core";
import type { AcquireResult, LimiterConfig, LimiterSnapshot, LimiterStore, ResourceSnapshot, TripInfo, WaitReason } from "../limiter-store.js";
import { RAMP_PROVEN } from "../limiter-decision.js";
import { accountKey as hashAccount, KEY_NAMESPACE } from "./account-key.js";
import { type RedisScript, redisScript, type SharedRedis } from "./redis-connection.js";

// Helpers shared by the scripts: a hash of one account's fields, the resource it names (created on first use,
// bounded by maxResources, past which resources share "*"), the bounded wait.
const COMMON = `
local H, L = KEYS[1], KEYS[2]
local function num(v) if v == false or v == nil then return nil end return tonumber(v) end
local function resourceKey(name, maxResources)
  local key = name
  if redis.call('HEXISTS', H, 'r:' .. key) == 0 then
    if (num(redis.call('HGET', H, 'rcount')) or 0) >= maxResources then key = '*' end
    if redis.call('HEXISTS', H, 'r:' .. key) == 0 then
      redis.call('HSET', H, 'r:' .. key, '1')
      redis.call('HINCRBY', H, 'rcount', 1)
    end
  end
  return key
end
-- A paced resource's log holds at most burstLimit starts; it is emptied when the limit it was kept for changes
-- (another process configured a different one), like the memory store's ring.
local function ring(key, burstLimit)
  if num(redis.call('HGET', H, 'rz:' .. key)) ~= burstLimit then
    redis.call('HSET', H, 'rz:' .. key, burstLimit, 'rs:' .. key, '')
  end
end
local function startsOf(key)
  local out = {}
  for t in string.gmatch(redis.call('HGET', H, 'rs:' .. key) or '', '[^,]+') do out[#out + 1] = tonumber(t) end
  return out
end
-- Ends a lease (limiter-decision.ts, release): the lease id names its resource after the last '@'.
local function releaseLease(id)
  if redis.call('ZREM', L, id) == 0 then return end
  local res = string.match(id, '@(.*)$')
  if res ~= nil and (num(redis.call('HGET', H, 'rf:' .. res)) or 0) > 0 then redis.call('HINCRBY', H, 'rf:' .. res, -1) end
end
local function expire(ttl)
  redis.call('PEXPIRE', H, ttl)
  redis.call('PEXPIRE', L, ttl)
end
`;

// ARGV: now, resource, maxConcurrency, leaseTtlMs, burstLimit, burstWindowMs, burstAlways (1/0), resetMarginMs,
// maxWaitMs, probeTimeoutMs, paceBelow, maxResources, ttl, RAMP_PROVEN, burstMarginMs.
// Returns {1, leaseId} or {0, waitMs, reason}; lease ids are "<serial>@<resource>" like the memory store's.
const ACQUIRE = redisScript(`${COMMON}
local now, name = tonumber(ARGV[1]), ARGV[2]
local maxConcurrency, leaseTtl, burstLimit, burstWindow = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local burstAlways, resetMargin, maxWait, probeTimeout = ARGV[7] == '1', tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])
local paceBelow, maxResources, ttl, rampProven = tonumber(ARGV[11]), tonumber(ARGV[12]), tonumber(ARGV[13]), tonumber(ARGV[14])
local burstMargin = tonumber(ARGV[15])
local burstSpan = burstWindow + burstMargin
local function wait(ms, reason)
  expire(ttl)
  return {0, tostring(math.min(math.max(1, math.ceil(ms)), maxWait)), reason}
end
local function earliest()
  local first = redis.call('ZRANGE', L, 0, 0, 'WITHSCORES')
  if first[2] == nil then return math.huge end
  return tonumber(first[2])
end
local key = resourceKey(name, maxResources)
local f = redis.call('HMGET', H, 'gateUntil', 'limit', 'remaining', 'resetAt', 'lastStart', 'probeUntil', 'rg:' .. key, 'rp:' .. key,
  'rv:' .. key, 'rl:' .. key, 'ra:' .. key, 'rc:' .. key, 'rm:' .. key, 'rf:' .. key)
local gateUntil, limit, remaining, resetAt = num(f[1]) or 0, num(f[2]), num(f[3]), num(f[4])
local lastStart, probeUntil, rgate, paced = num(f[5]) or -math.huge, num(f[6]) or 0, num(f[7]) or 0, f[8] == '1'
local proven, rampLevel, rampStart, rampCount = f[9] == '1', num(f[10]) or 0, num(f[11]) or -math.huge, num(f[12]) or 0
local marginMs, resInFlight = num(f[13]) or 0, num(f[14]) or 0
if now < gateUntil then return wait(gateUntil - now, 'gate') end
if now < rgate then return wait(rgate - now, 'resource-gate') end
local inFlight = redis.call('ZCARD', L)
if inFlight >= maxConcurrency then
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', L, '-inf', now)) do releaseLease(id) end
  inFlight = redis.call('ZCARD', L)
  if inFlight >= maxConcurrency then return wait(earliest() - now, 'concurrency') end
end
if remaining ~= nil and resetAt ~= nil then
  local windowEnd = resetAt + resetMargin
  if now < windowEnd then
    local budget = remaining - inFlight
    if budget <= 0 then return wait(windowEnd - now, 'budget') end
    if paceBelow > 0 then
      local lowWater = math.max(1, math.ceil((limit or remaining) * paceBelow))
      local untilT = lastStart + (windowEnd - now) / budget
      if budget <= lowWater and untilT > now then return wait(untilT - now, 'spread') end
    end
  elseif remaining <= 0 then
    if now < probeUntil then return wait(probeUntil - now, 'probe') end
  elseif remaining - inFlight <= 0 then
    return wait(earliest() - now, 'probe')
  end
end
local isPaced = burstLimit > 0 and (paced or burstAlways)
-- Learn mode: a resource not known to be burst-limited ramps up from burstLimit per window, doubling.
local isRamping = burstLimit > 0 and not burstAlways and not paced and not proven
local starts = {}
if isPaced then
  ring(key, burstLimit)
  starts = startsOf(key)
  local oldest = -math.huge
  if #starts >= burstLimit then oldest = starts[#starts - burstLimit + 1] end
  local pacedSpan = burstWindow + math.max(burstMargin, marginMs)
  if oldest + pacedSpan > now then return wait(oldest + pacedSpan - now, 'burst') end
elseif isRamping then
  local full = rampCount >= math.max(rampLevel, burstLimit)
  local windowEnd = rampStart + burstSpan
  if full and now < windowEnd then return wait(windowEnd - now, 'ramp') end
  -- A full window grows the allowance only once Front has answered all of it (a refusal would pace it instead).
  if full and resInFlight > 0 then return wait(earliest() - now, 'ramp') end
end
local leaseId = tostring(redis.call('HINCRBY', H, 'nextLease', 1)) .. '@' .. key
redis.call('ZADD', L, now + leaseTtl, leaseId)
redis.call('HSET', H, 'lastStart', ARGV[1])
if remaining ~= nil and remaining <= 0 and resetAt ~= nil and now >= resetAt + resetMargin then
  redis.call('HSET', H, 'probeUntil', tostring(now + probeTimeout))
end
if isPaced then
  starts[#starts + 1] = now
  local from = math.max(1, #starts - burstLimit + 1)
  local kept = {}
  for i = from, #starts do kept[#kept + 1] = string.format('%.17g', starts[i]) end
  redis.call('HSET', H, 'rs:' .. key, table.concat(kept, ','))
  if marginMs > burstMargin then
    redis.call('HSET', H, 'rm:' .. key, string.format('%.17g', math.max(burstMargin, marginMs - burstWindow / 1000)))
  end
elseif isRamping then
  if now >= rampStart + burstSpan then
    -- A new window (decide let it open after a full one only once all of that window was answered unrefused):
    -- a window that carried RAMP_PROVEN x burstLimit proves the resource; the allowance doubles if it was full.
    local level = math.max(rampLevel, burstLimit)
    if rampCount >= rampProven * burstLimit then redis.call('HSET', H, 'rv:' .. key, '1') end
    if rampCount >= level then rampLevel = level * 2 else rampLevel = level end
    rampStart = now
    rampCount = 0
  end
  rampCount = rampCount + 1
  redis.call('HSET', H, 'rl:' .. key, rampLevel, 'ra:' .. key, string.format('%.17g', rampStart), 'rc:' .. key, rampCount)
end
redis.call('HINCRBY', H, 'rf:' .. key, 1)
expire(ttl)
return {1, leaseId}
`);

// ARGV: leaseId, ttl.
const RELEASE = redisScript(`${COMMON}
releaseLease(ARGV[1])
expire(tonumber(ARGV[2]))
return 1
`);

// ARGV: now, maxWindowMs, limit, remaining, resetAt ('' = absent), ttl, resetMarginMs.
const OBSERVE = redisScript(`${COMMON}
local now, maxWindow = tonumber(ARGV[1]), tonumber(ARGV[2])
local limit, remaining, resetAt, ttl = num(ARGV[3]), num(ARGV[4]), num(ARGV[5]), tonumber(ARGV[6])
if limit == nil and remaining == nil and resetAt == nil then return 0 end
local latest = now + maxWindow
if resetAt ~= nil and resetAt > latest then resetAt = latest end
if resetAt == nil and remaining ~= nil then resetAt = latest end
local known = redis.call('HMGET', H, 'resetAt', 'remaining')
local knownReset, knownRemaining = num(known[1]), num(known[2])
-- Out-of-order answers only matter while the known window lasts: once it is over, any answer is newer news.
if resetAt ~= nil and knownReset ~= nil and now < knownReset + tonumber(ARGV[7]) then
  if resetAt < knownReset then return 0 end
  if resetAt == knownReset then
    -- An answer came: a pending probe has done its job (even one saying the window has not moved yet).
    redis.call('HSET', H, 'probeUntil', '0')
    if remaining ~= nil then
      if knownRemaining == nil or remaining < knownRemaining then redis.call('HSET', H, 'remaining', ARGV[4]) end
    end
    if limit ~= nil then redis.call('HSET', H, 'limit', ARGV[3]) end
    expire(ttl)
    return 1
  end
end
if limit ~= nil then redis.call('HSET', H, 'limit', ARGV[3]) end
if remaining ~= nil then redis.call('HSET', H, 'remaining', ARGV[4]) else redis.call('HDEL', H, 'remaining') end
if resetAt ~= nil then redis.call('HSET', H, 'resetAt', string.format('%.17g', resetAt)) else redis.call('HDEL', H, 'resetAt') end
redis.call('HSET', H, 'probeUntil', '0')
expire(ttl)
return 1
`);

// ARGV: now, resource, retryAfterMs, tier ('' = absent), hasTier (1/0), remaining ('' = absent), minRetryAfterMs,
// maxRetryAfterMs, defaultRetryAfterMs, maxResources, burstLimit, ttl, burstWindowMs, burstMarginMs.
const TRIP = redisScript(`${COMMON}
local now, name, retryAfter = tonumber(ARGV[1]), ARGV[2], num(ARGV[3])
local hasTier, remaining = ARGV[5] == '1', num(ARGV[6])
local minR, maxR, defR = tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9])
local maxResources, burstLimit, ttl = tonumber(ARGV[10]), tonumber(ARGV[11]), tonumber(ARGV[12])
local burstWindow, burstMargin = tonumber(ARGV[13]), tonumber(ARGV[14])
local asked = retryAfter ~= nil and retryAfter or defR
local untilT = now + math.min(math.max(minR, asked), maxR)
local key = resourceKey(name, maxResources)
if hasTier or (remaining ~= nil and remaining > 0) then
  local wasPaced = redis.call('HGET', H, 'rp:' .. key) == '1'
  local margin = math.max(burstMargin, num(redis.call('HGET', H, 'rm:' .. key)) or 0)
  local pacedAt = num(redis.call('HGET', H, 'ra:' .. key)) or 0
  if wasPaced and burstLimit > 0 and now - pacedAt > burstWindow + margin then
    -- Refused although paced (for longer than a window, so not the rest of the burst that taught us):
    -- arrivals at Front were closer together than our starts. Widen this resource's margin.
    redis.call('HSET', H, 'rm:' .. key, string.format('%.17g', math.min(math.max(2 * margin, margin + 50), burstWindow / 2)))
  end
  if not wasPaced then
    redis.call('HSET', H, 'ra:' .. key, string.format('%.17g', now))
    if burstLimit > 0 then
      -- Front just counted a full burst here: the next may start one window (plus margin) from now.
      ring(key, burstLimit)
      local filled = {}
      for i = 1, burstLimit do filled[i] = string.format('%.17g', now) end
      redis.call('HSET', H, 'rs:' .. key, table.concat(filled, ','))
    end
  end
  redis.call('HSET', H, 'rp:' .. key, '1')
  if hasTier then redis.call('HSET', H, 'rt:' .. key, ARGV[4]) end
  local gate = num(redis.call('HGET', H, 'rg:' .. key)) or 0
  if untilT > gate then redis.call('HSET', H, 'rg:' .. key, string.format('%.17g', untilT)) end
  expire(ttl)
  return 1
end
local gateUntil = num(redis.call('HGET', H, 'gateUntil')) or 0
if untilT > gateUntil then
  redis.call('HSET', H, 'gateUntil', string.format('%.17g', untilT))
  redis.call('HINCRBY', H, 'gateTrips', 1)
end
if remaining == nil and redis.call('HGET', H, 'rp:' .. key) ~= '1' then
  redis.call('HSET', H, 'rp:' .. key, '1', 'ra:' .. key, string.format('%.17g', now))
end
expire(ttl)
return 1
`);

// ARGV: now, burstSpan, burstAlways (1/0), burstLimit. Returns the raw fields for the caller to shape.
const SNAPSHOT = redisScript(`${COMMON}
local now, span = tonumber(ARGV[1]), tonumber(ARGV[2])
local f = redis.call('HMGET', H, 'limit', 'remaining', 'resetAt', 'gateUntil', 'gateTrips')
local inFlight = redis.call('ZCOUNT', L, '(' .. ARGV[1], '+inf')
local resources = {}
local all = redis.call('HGETALL', H)
for i = 1, #all, 2 do
  local field = all[i]
  if string.sub(field, 1, 2) == 'r:' then
    local name = string.sub(field, 3)
    local recent = 0
    for _, t in ipairs(startsOf(name)) do if t > now - span then recent = recent + 1 end end
    local r = redis.call('HMGET', H, 'rp:' .. name, 'rg:' .. name, 'rt:' .. name, 'rv:' .. name)
    resources[#resources + 1] = {name, r[1] or '', r[2] or '0', r[3] or false, recent, r[4] or ''}
  end
end
return {f[1] or '', f[2] or '', f[3] or '', f[4] or '0', f[5] or '0', inFlight, resources}
`);

/** Raised when Redis cannot answer: the limiter then paces locally for a while (limiter-store.ts, "Sync or async"). */
export class SharedLimiterUnavailable extends Error {
  override readonly name = "SharedLimiterUnavailable";
  constructor(display: string) {
    super(`the shared limiter state in Redis (${display}) is unavailable`);
  }
}

const ACCOUNT_KEY = /^[0-9a-f]{32}$/;
const str = (n: number | undefined): string => (n === undefined || !Number.isFinite(n) ? "" : String(n));
const optional = (v: string | false | null | undefined): number | undefined => (v === "" || v === false || v === null || v === undefined ? undefined : Number(v));

/**
 * A `LimiterStore` on the process's shared Redis connection. `accountKey` should already be `accountKey(token)`
 * (32 hex characters); anything else is hashed first, so no caller can put a token into a key by mistake.
 */
export const makeRedisLimiterStore = (redis: SharedRedis): LimiterStore => {
  const keysOf = (account: string): [string, string] => {
    const name = ACCOUNT_KEY.test(account) ? account : hashAccount(account);
    const hash = `${KEY_NAMESPACE}:${name}:limiter`;
    return [hash, `${hash}:leases`];
  };
  // Long enough for a whole window, a lease and the longest gate: state outlives every decision it can affect.
  const ttlOf = (cfg: LimiterConfig): number => Math.ceil(cfg.maxWindowMs + cfg.resetMarginMs + cfg.leaseTtlMs + cfg.maxRetryAfterMs);
  let leaseTtlSeen = 60_000 + 60_000 + 60_000;

  const run = async <A>(script: RedisScript, keys: ReadonlyArray<string>, args: ReadonlyArray<string | number>): Promise<A> => {
    const reply = await redis.evalScript<A>(script, keys, args);
    if (!reply.ok) throw new SharedLimiterUnavailable(redis.display);
    return reply.value;
  };

  return {
    acquire: async (account, resource, now, cfg): Promise<AcquireResult> => {
      leaseTtlSeen = ttlOf(cfg);
      const reply = await run<[number, string, string?]>(ACQUIRE, keysOf(account), [
        now,
        resource,
        cfg.maxConcurrency,
        cfg.leaseTtlMs,
        cfg.burstLimit,
        cfg.burstWindowMs,
        cfg.burstPacing === "always" ? 1 : 0,
        cfg.resetMarginMs,
        cfg.maxWaitMs,
        cfg.probeTimeoutMs,
        cfg.paceBelow,
        cfg.maxResources,
        leaseTtlSeen,
        RAMP_PROVEN,
        cfg.burstMarginMs,
      ]);
      return reply[0] === 1 ? { granted: true, leaseId: reply[1] } : { granted: false, waitMs: Number(reply[1]), reason: reply[2] as WaitReason };
    },
    release: async (account, leaseId) => {
      await run(RELEASE, keysOf(account), [leaseId, leaseTtlSeen]);
    },
    observe: async (account, info: RateLimitInfo, now, cfg) => {
      if (info.limit === undefined && info.remaining === undefined && info.resetAt === undefined) return;
      await run(OBSERVE, keysOf(account), [now, cfg.maxWindowMs, str(info.limit), str(info.remaining), str(info.resetAt), ttlOf(cfg), cfg.resetMarginMs]);
    },
    trip: async (account, info: TripInfo, now, cfg) => {
      await run(TRIP, keysOf(account), [
        now,
        info.resource,
        str(info.retryAfterMs),
        info.tier ?? "",
        info.tier === undefined ? 0 : 1,
        str(info.remaining),
        cfg.minRetryAfterMs,
        cfg.maxRetryAfterMs,
        cfg.defaultRetryAfterMs,
        cfg.maxResources,
        cfg.burstLimit,
        ttlOf(cfg),
        cfg.burstWindowMs,
        cfg.burstMarginMs,
      ]);
    },
    snapshot: async (account, now, cfg): Promise<LimiterSnapshot> => {
      type Row = [string, string, string, string | false | null, number, string];
      const [limit, remaining, resetAt, gateUntil, gateTrips, inFlight, rows] = await run<[string, string, string, string, string, number, Row[]]>(
        SNAPSHOT,
        keysOf(account),
        [now, cfg.burstWindowMs + cfg.burstMarginMs, cfg.burstPacing === "always" ? 1 : 0, cfg.burstLimit],
      );
      const resources: Record<string, ResourceSnapshot> = {};
      for (const [name, paced, gate, tier, recent, proven] of rows) {
        resources[name] = {
          paced: cfg.burstLimit > 0 && (paced === "1" || cfg.burstPacing === "always"),
          proven: proven === "1",
          gateUntil: Number(gate),
          tier: typeof tier === "string" ? tier : undefined,
          recentStarts: recent,
        };
      }
      const rateLimit: { limit?: number; remaining?: number; resetAt?: number } = {};
      const l = optional(limit);
      const r = optional(remaining);
      const t = optional(resetAt);
      if (l !== undefined) rateLimit.limit = l;
      if (r !== undefined) rateLimit.remaining = r;
      if (t !== undefined) rateLimit.resetAt = t;
      return { rateLimit, gateUntil: Number(gateUntil), gateTrips: Number(gateTrips), inFlight, resources };
    },
  };
};
