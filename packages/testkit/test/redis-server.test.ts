import { describe, expect, it } from "vitest";
import { pingRedis, redisTestGate, RedisServerStartError, startRedisServer, withRedisServer } from "../src/index.js";
import { eventually, pidAlive, portIsFree } from "./port.js";

const gate = redisTestGate();

describe.skipIf(!gate.available)("startRedisServer", () => {
  it("starts on a free loopback port, answers PING, and stop() kills it by PID and frees the port (idempotently)", async () => {
    const server = await startRedisServer();
    const pid = server.pid;
    try {
      expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
      expect(pidAlive(pid)).toBe(true);
      expect(await pingRedis(server.port)).toBe(true);
    } finally {
      await server.stop();
      await server.stop();
    }
    expect(await eventually(() => !pidAlive(pid))).toBe(true);
    expect(await eventually(() => portIsFree(server.port))).toBe(true);
    expect(await pingRedis(server.port)).toBe(false);
  });

  it("restart() brings a stopped server back on the same port with a new process", async () => {
    await withRedisServer(async (server) => {
      const first = server.pid;
      await server.stop();
      expect(await pingRedis(server.port)).toBe(false);
      await server.restart();
      expect(server.pid).not.toBe(first);
      expect(await pingRedis(server.port)).toBe(true);
    });
  });

  it("freeze() makes it stall without closing the port; thaw() resumes it", async () => {
    await withRedisServer(async (server) => {
      server.freeze();
      expect(await pingRedis(server.port, 300)).toBe(false);
      server.thaw();
      expect(await pingRedis(server.port)).toBe(true);
    });
  });

  it("stops the server even when the scoped use throws", async () => {
    let pid = -1;
    await expect(
      withRedisServer(async (server) => {
        pid = server.pid;
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await eventually(() => !pidAlive(pid))).toBe(true);
  });

  it("a missing executable is a RedisServerStartError naming the package to install", async () => {
    const error = await startRedisServer({ command: "/nonexistent/redis-server", port: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisServerStartError);
    expect(String((error as Error).message)).toMatch(/apt-get install redis-server/);
  });
});
