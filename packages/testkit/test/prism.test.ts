import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { PrismStartError, startPrism, withPrism } from "../src/index.js";
import { eventually, pidAlive, portIsFree } from "./port.js";

const auth = { authorization: "Bearer fake-test-token" };

describe("global setup", () => {
  it("provides the URL of a Prism that answers with Front's rate-limit headers", async () => {
    const url = inject("prismUrl");
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${url}/me`, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ratelimit-limit")).toMatch(/^\d+$/);
    expect(response.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
    expect(response.headers.get("x-ratelimit-reset")).toMatch(/^\d+$/);
    expect(await response.json()).toHaveProperty("id");
  });

  it("is Prism validating security: no bearer is a 401 with Front's error body", async () => {
    const response = await fetch(`${inject("prismUrl")}/me`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ _error: { status: 401 } });
  });
});

describe("startPrism", () => {
  it("starts on a free port, answers, and stop() frees the port (idempotently)", async () => {
    const prism = await startPrism();
    try {
      expect(prism.url).toBe(`http://127.0.0.1:${prism.port}`);
      expect(pidAlive(prism.pid)).toBe(true);
      const response = await fetch(`${prism.url}/inboxes`, { headers: auth });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ratelimit-limit")).not.toBeNull();
    } finally {
      await prism.stop();
    }
    await prism.stop();
    expect(pidAlive(prism.pid)).toBe(false);
    expect(await portIsFree(prism.port)).toBe(true);
  }, 90_000);

  it("stops Prism when the test body throws", async () => {
    let seen: { port: number; pid: number } | undefined;
    await expect(
      withPrism(async (prism) => {
        seen = { port: prism.port, pid: prism.pid };
        throw new Error("test body failed");
      }),
    ).rejects.toThrow("test body failed");
    expect(seen).toBeDefined();
    expect(pidAlive(seen!.pid)).toBe(false);
    expect(await portIsFree(seen!.port)).toBe(true);
  }, 90_000);

  it("fails clearly, telling the user to run `npm run spec`, when the spec is missing", async () => {
    const error = await startPrism({ specPath: "/nonexistent/front-core-api.corrected.json" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrismStartError);
    expect((error as Error).message).toContain("npm run spec");
    expect((error as Error).message).toContain("/nonexistent/front-core-api.corrected.json");
  });

  it("fails with Prism's last output when Prism cannot load the spec", async () => {
    const dir = mkdtempSync(join(tmpdir(), "testkit-"));
    const bad = join(dir, "broken.json");
    writeFileSync(bad, '{"openapi": "3.0.0", "paths": ');
    const error = await startPrism({ specPath: bad, startTimeoutMs: 30_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrismStartError);
    expect((error as PrismStartError).message).toMatch(/exited|did not answer/);
    expect((error as PrismStartError).logTail.length).toBeGreaterThan(0);
  }, 60_000);

  // SIGKILL runs no hooks in the parent: the watchdog in Prism's bootstrap must notice the
  // closed stdin pipe. SIGTERM runs the reaper, which must also let the parent die.
  it.each(["SIGKILL", "SIGTERM"] as const)(
    "leaves no Prism behind when the process that started it gets %s",
    async (signal) => {
      const script = join(import.meta.dirname, "fixtures", "start-prism-and-wait.ts");
      // `node --import tsx` runs the fixture in one process (the tsx CLI would add a second one).
      const child = spawn(process.execPath, ["--import", "tsx", script], {
        cwd: join(import.meta.dirname, ".."),
        stdio: ["ignore", "pipe", "inherit"],
      });
      try {
        const started = await new Promise<{ pid: number; port: number }>((resolve, reject) => {
          let out = "";
          child.stdout.on("data", (chunk: Buffer) => {
            out += chunk.toString();
            const line = out.split("\n").find((l) => l.startsWith("PRISM "));
            if (line !== undefined) resolve(JSON.parse(line.slice(6)) as { pid: number; port: number });
          });
          child.once("exit", (code) => reject(new Error(`fixture exited early with ${code}`)));
        });
        expect(pidAlive(started.pid)).toBe(true);
        child.kill(signal);
        expect(await eventually(() => !pidAlive(started.pid), 10_000)).toBe(true);
        expect(await portIsFree(started.port)).toBe(true);
        expect(await eventually(() => child.exitCode !== null || child.signalCode !== null, 5_000)).toBe(true);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }
    },
    90_000,
  );
});
