/** The Redis limiter store passes the pacing helper's LimiterStore contract suite against a real redis-server. */
import { redisTestGate, type RedisServer, startRedisServer } from "@frontkit/testkit";
import { afterAll, beforeAll, describe } from "vitest";
import { closeSharedRedis, sharedRedis } from "../../src/shared/redis-connection.js";
import { makeRedisLimiterStore } from "../../src/shared/redis-limiter-store.js";
import { limiterStoreContract } from "../limiter-store-contract.js";

const gate = redisTestGate();

describe.skipIf(!gate.available)("RedisLimiterStore on a real redis-server", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
    await sharedRedis(server.url, { opTimeoutMs: 2_000, onWarning: () => undefined }).whenSettled(5_000);
  });
  afterAll(async () => {
    await closeSharedRedis();
    await server?.stop();
  });

  limiterStoreContract("redis", () => ({ store: makeRedisLimiterStore(sharedRedis(server.url)) }));
});
