/**
 * A webhook {@link DedupeStore} shared through Redis, for several receivers behind a load balancer: a delivery is
 * handled once across all of them within the window (`SET key 1 NX PX window`, one EVALSHA).
 *
 * Every key is also remembered in this process's own bounded store first, so a repeat reaching the same process
 * is answered without Redis, and while Redis is unavailable the receiver still drops the repeats it saw itself
 * (a repeat landing on another process during an outage may then be handled twice; Front's deliveries are
 * at-least-once anyway).
 */
import { createMemoryDedupeStore, type DedupeStore } from "@frontkit/core";
import { invalidInput } from "../errors.js";
import { KEY_NAMESPACE } from "./account-key.js";
import { checkRedisUrl } from "./redis-url.js";
import { redisScript, sharedRedis, type SharedRedis } from "./redis-connection.js";

const FIRST_SEEN = redisScript(`return redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1])`);

/** Options of {@link createRedisDedupeStore}. */
export interface RedisDedupeStoreOptions {
  /** `redis://[:password@]host[:port][/db]` or `rediss://…`; the process's shared connection to it is used. */
  readonly redisUrl: string;
  /** Separates several receivers (e.g. two Front apps) sharing one Redis; default `default`. */
  readonly namespace?: string;
  /** Keys remembered locally besides Redis (default 10 000). */
  readonly maxLocalEntries?: number;
}

/** Internal: builds the store on an existing connection (tests pass one with short bounds). */
export const redisDedupeStoreOn = (redis: SharedRedis, namespace = "default", maxLocalEntries?: number): DedupeStore => {
  const local = createMemoryDedupeStore(maxLocalEntries === undefined ? {} : { maxEntries: maxLocalEntries });
  const prefix = `${KEY_NAMESPACE}:webhook:${namespace}:`;
  return {
    async firstSeen(key, ttlMs) {
      if (!(ttlMs > 0)) return true;
      if (!(await local.firstSeen(key, ttlMs))) return false;
      const reply = await redis.evalScript<string | null>(FIRST_SEEN, [prefix + key], [Math.ceil(ttlMs)]);
      return reply.ok ? reply.value === "OK" : true;
    },
  };
};

/** A DedupeStore shared by every receiver using the same Redis (pass it as the receiver's `dedupeStore`). */
export const createRedisDedupeStore = (options: RedisDedupeStoreOptions): DedupeStore => {
  const checked = checkRedisUrl(options.redisUrl);
  if (!checked.ok) throw invalidInput([{ path: "redisUrl", message: checked.problem }], { summary: "Invalid Redis configuration" });
  const namespace = options.namespace ?? "default";
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(namespace)) {
    throw invalidInput([{ path: "namespace", message: "namespace must be 1–64 letters, digits, '_', '.' or '-'" }], { summary: "Invalid Redis configuration" });
  }
  return redisDedupeStoreOn(sharedRedis(options.redisUrl), namespace, options.maxLocalEntries);
};
