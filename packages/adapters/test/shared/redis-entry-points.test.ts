/**
 * redisUrl through the adapters' entry points: two Spojit executors (two worker processes) and two MCP
 * Streamable HTTP servers (two replicas) serving one Front account load its tag list once between them,
 * against the simulated Front and a real redis-server.
 */
import { closeSharedRedis } from "@frontkit/tools";
import { redisTestGate, type RedisServer, type SimulatedFront, startRedisServer, startSimulatedFront } from "@frontkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFrontMcpHttpServer } from "../../src/mcp/http.js";
import { createSpojitExecutor } from "../../src/spojit/executor.js";

const gate = redisTestGate();
const TOKEN = "adapters-redis-token-0123456789abcdef";

describe.skipIf(!gate.available)("redisUrl through the Spojit executor and the MCP HTTP server", () => {
  let redis: RedisServer;
  let front: SimulatedFront;
  beforeAll(async () => {
    redis = await startRedisServer();
    front = await startSimulatedFront({ perMinute: 100_000, burstPerSecond: 100_000 });
  });
  afterAll(async () => {
    await closeSharedRedis();
    await front?.stop();
    await redis?.stop();
  });

  const tagLoads = () => front.stats().byPath["GET /tags"] ?? 0;

  it("two Spojit executors with the same redisUrl share one cached tag list per connection", async () => {
    const before = tagLoads();
    const executors = [0, 1].map(() => createSpojitExecutor({ redisUrl: redis.url, allowedBaseUrlHosts: ["127.0.0.1"] }));
    try {
      const connection = { id: "c1", token: `${TOKEN}-spojit`, baseUrl: front.url };
      for (const executor of executors) {
        const result = await executor.execute({ tool: "list-tags", input: {}, connection });
        expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(true);
      }
      expect(tagLoads() - before).toBe(1);
    } finally {
      await Promise.all(executors.map((e) => e.dispose()));
    }
  });

  it("two MCP HTTP servers with toolsOptions.redisUrl share it too", async () => {
    const before = tagLoads();
    const servers = await Promise.all([0, 1].map(() => startFrontMcpHttpServer({ port: 0, baseUrl: front.url, toolsOptions: { redisUrl: redis.url }, log: () => undefined })));
    try {
      for (const server of servers) {
        const response = await fetch(server.url, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${TOKEN}-mcp` },
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "list-tags", arguments: {} } }),
        });
        const text = await response.text();
        expect(response.status).toBe(200);
        expect(text).toContain('"count"');
        expect(text).not.toContain('"isError":true');
      }
      expect(tagLoads() - before).toBe(1);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});
