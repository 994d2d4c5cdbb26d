import { redisTestGate, type RedisServer, startRedisServer } from "@frontkit/testkit";
import { ConfigProvider, Effect, Exit, Layer } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFrontTools, Front } from "../../src/index.js";
import { allTags } from "../../src/tags.js";
import { closeSharedRedis, sharedRedis } from "../../src/shared/redis-connection.js";

const gate = redisTestGate();
const TOKEN = "plumbing-test-token-0123456789abcdef";

const tagsFront = () => {
  let calls = 0;
  const fetch = async (): Promise<Response> => {
    calls++;
    return new Response(JSON.stringify({ _results: [{ id: "tag_1", name: "A" }], _pagination: {} }), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch, calls: () => calls };
};

describe("redisUrl validation", () => {
  it("createFrontTools refuses a bad redisUrl synchronously with InvalidInput naming it, never echoing the URL", () => {
    for (const bad of ["http://:pw-secret@h:1", "redis://", "nonsense pw-secret"]) {
      let error: unknown;
      try {
        createFrontTools({ token: TOKEN, redisUrl: bad });
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "redisUrl" }] });
      expect(JSON.stringify(error)).not.toContain("pw-secret");
    }
  });

  it("Front.layerConfig reads FRONTKIT_REDIS_URL and fails the layer on a bad one", async () => {
    const env = ConfigProvider.layer(ConfigProvider.fromEnvRecord({ FRONT_API_TOKEN: TOKEN, FRONTKIT_REDIS_URL: "ftp://x" }));
    const exit = await Effect.runPromise(Effect.exit(Layer.build(Front.layerConfig().pipe(Layer.provide(env))).pipe(Effect.scoped)));
    expect(Exit.isFailure(exit)).toBe(true);
    expect(String(exit)).toContain("redisUrl");
  });
});

describe.skipIf(!gate.available)("redisUrl through each entry point, against a real redis-server", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
    await sharedRedis(server.url, { onWarning: () => undefined }).whenSettled(5_000);
  });
  afterAll(async () => {
    await closeSharedRedis();
    await server?.stop();
  });

  it("Front.layerConfig with FRONTKIT_REDIS_URL and Front.layer with redisUrl share one cached list", async () => {
    const front = tagsFront();
    const env = ConfigProvider.layer(ConfigProvider.fromEnvRecord({ FRONT_API_TOKEN: TOKEN, FRONT_API_BASE_URL: "http://127.0.0.1:9", FRONTKIT_REDIS_URL: server.url }));
    const fromEnv = Front.layerConfig({ fetch: front.fetch }).pipe(Layer.provide(env));
    const explicit = Front.layer({ token: TOKEN, baseUrl: "http://127.0.0.1:9", fetch: front.fetch, redisUrl: server.url });
    await Effect.runPromise(allTags().pipe(Effect.provide(fromEnv)));
    const tags = await Effect.runPromise(allTags().pipe(Effect.provide(explicit)));
    expect(tags).toEqual([{ id: "tag_1", name: "A" }]);
    expect(front.calls()).toBe(1);
  });
  it("with redisUrl every resource type is burst-paced from the start (burstPacing defaults to always); an explicit learn wins", async () => {
    // 15 calls at once on one resource type: paced from the start, 5 per burst window (3 windows, ≥ 2 s);
    // learning ramps 5 → 10 in the second window, so all 15 start within about one window.
    const spanOf = async (options: { readonly burstPacing?: "learn" }, token: string): Promise<number> => {
      const starts: number[] = [];
      const fetch = async (): Promise<Response> => {
        starts.push(Date.now());
        return new Response(JSON.stringify({ id: "me" }), { status: 200, headers: { "content-type": "application/json" } });
      };
      const tools = createFrontTools({ token, baseUrl: "http://127.0.0.1:9", fetch, redisUrl: server.url, ...options });
      try {
        await Promise.all(Array.from({ length: 15 }, () => tools.rawApiRequest({ method: "GET", path: "/me" })));
      } finally {
        await tools.dispose();
      }
      return Math.max(...starts) - Math.min(...starts);
    };
    expect(await spanOf({}, `${TOKEN}-always`)).toBeGreaterThanOrEqual(2_000);
    expect(await spanOf({ burstPacing: "learn" }, `${TOKEN}-learn`)).toBeLessThan(2_000);
  }, 30_000);
});
