import { createHash } from "node:crypto";
import { redisTestGate, type RedisServer, startRedisServer } from "@frontkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountKey, accountPrefix } from "../../src/shared/account-key.js";
import { closeSharedRedis, redisScript, sharedRedis } from "../../src/shared/redis-connection.js";
import { checkRedisUrl, displayRedisUrl, scrubRedisSecret } from "../../src/shared/redis-url.js";

const gate = redisTestGate();
const ECHO = redisScript("return ARGV[1]");
const eventually = async (check: () => boolean | Promise<boolean>, ms = 10_000): Promise<boolean> => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
};

describe("account keys", () => {
  it("are a keyed hash of the token: stable, 32 hex characters, distinct per token, never containing the token", () => {
    const token = "tok_abcdefghijklmnopqrstuvwxyz0123456789";
    expect(accountKey(token)).toMatch(/^[0-9a-f]{32}$/);
    expect(accountKey(token)).toBe(accountKey(token));
    expect(accountKey(`${token}x`)).not.toBe(accountKey(token));
    expect(accountPrefix(token)).toBe(`frontkit:v1:${accountKey(token)}`);
    expect(accountPrefix(token)).not.toContain(token);
    // Not a plain SHA-256 of the token (a fingerprint someone else may keep).
    expect(createHash("sha256").update(token).digest("hex")).not.toContain(accountKey(token));
  });
});

describe("Redis URLs", () => {
  it("accept redis:// and rediss:// with a host and print without credentials", () => {
    expect(checkRedisUrl("redis://:s3cret-pw@cache.internal:6380/2")).toEqual({ ok: true, display: "redis://cache.internal:6380/2" });
    expect(checkRedisUrl("rediss://user:pw@h")).toEqual({ ok: true, display: "rediss://h" });
    expect(displayRedisUrl("redis://u:pass-word@127.0.0.1:1")).toBe("redis://127.0.0.1:1");
  });

  it("refuse anything else with the reason, never echoing the URL", () => {
    for (const bad of ["", "http://h:1", "not a url :secret@", "redis://", 42]) {
      const checked = checkRedisUrl(bad);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.problem).not.toContain("secret");
    }
  });

  it("scrub the password out of a client message", () => {
    expect(scrubRedisSecret("redis://:hunter22@h:1", "WRONGPASS hunter22 refused")).toBe("WRONGPASS <redacted> refused");
  });
});

describe.skipIf(!gate.available)("the shared connection against a real redis-server", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await closeSharedRedis();
    await server?.stop();
  });

  it("is one connection per URL; runs scripts; unreachable, slow and restarted servers cost one line each and no failure", async () => {
    const lines: string[] = [];
    const redis = sharedRedis(server.url, { opTimeoutMs: 80, probeIntervalMs: 100, onWarning: (l) => lines.push(l) });
    expect(sharedRedis(server.url)).toBe(redis);
    expect(await redis.whenSettled(5_000)).toBe(true);
    expect(await redis.evalScript(ECHO, [], ["hi"])).toEqual({ ok: true, value: "hi" });

    // Stalled server: the operation gives up within its bound, later ones skip Redis at once.
    server.freeze();
    const started = Date.now();
    expect(await redis.evalScript(ECHO, [], ["x"])).toEqual({ ok: false });
    expect(Date.now() - started).toBeLessThan(1_000);
    const skipped = Date.now();
    expect(await redis.evalScript(ECHO, [], ["x"])).toEqual({ ok: false });
    expect(Date.now() - skipped).toBeLessThan(20);
    server.thaw();
    expect(await eventually(() => redis.available())).toBe(true);

    // Stopped, then back (empty script cache: EVAL fallback).
    await server.stop();
    expect(await eventually(() => !redis.available())).toBe(true);
    expect(await redis.evalScript(ECHO, [], ["x"])).toEqual({ ok: false });
    await server.restart();
    expect(await eventually(() => redis.available(), 15_000)).toBe(true);
    expect(await redis.evalScript(ECHO, [], ["back"])).toEqual({ ok: true, value: "back" });

    const downs = lines.filter((l) => l.includes("unavailable"));
    const ups = lines.filter((l) => l.includes("reachable again"));
    expect(downs.length).toBe(2);
    expect(ups.length).toBe(2);
    for (const line of lines) expect(line).toMatch(/^frontkit: Redis redis:\/\/127\.0\.0\.1:\d+ /);
  });

  it("an unreachable URL at start warns once (host and port only) and every operation is unavailable at once", async () => {
    const lines: string[] = [];
    const redis = sharedRedis("redis://:top-secret-pw@127.0.0.1:1", { opTimeoutMs: 80, onWarning: (l) => lines.push(l) });
    expect(await redis.whenSettled(5_000)).toBe(false);
    expect(await redis.evalScript(ECHO, [], ["x"])).toEqual({ ok: false });
    await new Promise((r) => setTimeout(r, 600)); // a few reconnect attempts
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("redis://127.0.0.1:1 is unavailable");
    expect(lines.join("\n")).not.toContain("top-secret-pw");
    await redis.close();
  });
});
