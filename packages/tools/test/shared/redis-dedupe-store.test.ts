import { createServer, type Server } from "node:http";
import { createFrontWebhookReceiver } from "@frontkit/core";
import { deliverFrontWebhook, redisTestGate, type RedisServer, sampleFrontEvent, startRedisServer } from "@frontkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisDedupeStore } from "../../src/shared/redis-dedupe-store.js";
import { closeSharedRedis, sharedRedis } from "../../src/shared/redis-connection.js";

const gate = redisTestGate();
const eventually = async (check: () => boolean, ms = 15_000): Promise<boolean> => {
  const end = Date.now() + ms;
  while (Date.now() < end && !check()) await new Promise((r) => setTimeout(r, 50));
  return check();
};

describe("createRedisDedupeStore input", () => {
  it("refuses a bad URL or namespace with InvalidInput naming the field (the URL is not echoed)", () => {
    expect(() => createRedisDedupeStore({ redisUrl: "http://:pw-x@h" })).toThrow(/redisUrl: redisUrl must start with redis:\/\//);
    expect(() => createRedisDedupeStore({ redisUrl: "http://:pw-x@h" })).not.toThrow(/pw-x/);
    expect(() => createRedisDedupeStore({ redisUrl: "redis://h", namespace: "a b" })).toThrow(/namespace/);
  });
});

describe.skipIf(!gate.available)("the webhook dedupe window in a real redis-server", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
    await sharedRedis(server.url, { opTimeoutMs: 100, probeIntervalMs: 100, onWarning: () => undefined }).whenSettled(5_000);
  });
  afterAll(async () => {
    await closeSharedRedis();
    await server?.stop();
  });

  it("two receivers (stores) see one delivery once between them, per namespace, within the window only", async () => {
    const a = createRedisDedupeStore({ redisUrl: server.url, namespace: "app1" });
    const b = createRedisDedupeStore({ redisUrl: server.url, namespace: "app1" });
    const other = createRedisDedupeStore({ redisUrl: server.url, namespace: "app2" });
    expect(await a.firstSeen("application:evt_1", 60_000)).toBe(true);
    expect(await b.firstSeen("application:evt_1", 60_000)).toBe(false);
    expect(await a.firstSeen("application:evt_1", 60_000)).toBe(false);
    expect(await other.firstSeen("application:evt_1", 60_000)).toBe(true);
    expect(await a.firstSeen("application:evt_short", 150)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(await b.firstSeen("application:evt_short", 150)).toBe(true);
  });

  it("with Redis stopped each store still drops the repeats it saw itself, and sharing resumes when it is back", async () => {
    const a = createRedisDedupeStore({ redisUrl: server.url, namespace: "outage" });
    const b = createRedisDedupeStore({ redisUrl: server.url, namespace: "outage" });
    await server.stop();
    expect(await a.firstSeen("rule:evt_9", 60_000)).toBe(true);
    expect(await a.firstSeen("rule:evt_9", 60_000)).toBe(false);
    expect(await b.firstSeen("rule:evt_9", 60_000)).toBe(true); // the outage's cost: b cannot know
    await server.restart();
    expect(await eventually(() => sharedRedis(server.url).available())).toBe(true);
    expect(await a.firstSeen("rule:evt_10", 60_000)).toBe(true);
    expect(await b.firstSeen("rule:evt_10", 60_000)).toBe(false);
  });

  it("two receivers behind a load balancer handle one rule-webhook delivery once between them", async () => {
    const handled: string[] = [];
    const servers: Server[] = [];
    const urls: string[] = [];
    for (const name of ["a", "b"]) {
      const receiver = createFrontWebhookReceiver({
        kind: "rule",
        secret: "rule-secret-for-test",
        onEvent: () => void handled.push(name),
        dedupeStore: createRedisDedupeStore({ redisUrl: server.url, namespace: "receivers" }),
      });
      const http = createServer(receiver);
      await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
      servers.push(http);
      const address = http.address();
      urls.push(`http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}/`);
    }
    try {
      const event = sampleFrontEvent({ id: "evt_lb_1" });
      for (const url of urls) {
        const report = await deliverFrontWebhook(url, { kind: "rule", secret: "rule-secret-for-test", event });
        expect(report.deliveries.every((d) => d.ok)).toBe(true);
      }
      expect(await eventually(() => handled.length >= 1)).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      expect(handled).toEqual(["a"]);
    } finally {
      for (const http of servers) await new Promise((r) => http.close(r));
    }
  });
});
