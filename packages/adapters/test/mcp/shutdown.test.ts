/**
 * Issue 16 (2): the built `frontkit-mcp` stops within 2 s of SIGTERM or stdin closing, even while a call waits
 * in the rate limiter for a window that resets 20 s later (Front played by a loopback server answering
 * `x-ratelimit-remaining: 0`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BIN, canaryToken, ensureBuilt, PACKAGE_DIR, startHttpBin } from "./support/bin.js";

const TOKEN = canaryToken("shutdown");
let server: Server | undefined;
let frontUrl = "";
let requests = 0;
let child: ChildProcess | undefined;

beforeAll(async () => {
  ensureBuilt();
  server = createServer((_req, res) => {
    requests++;
    res.writeHead(200, {
      "content-type": "application/json",
      "x-ratelimit-limit": "100",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 20),
    });
    res.end(JSON.stringify({ _results: [], _pagination: { next: null } }));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  frontUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  if (child !== undefined && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  child = undefined;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
});

/** Starts the bin over stdio, makes one call (learning "0 left") and starts a second that waits in the limiter. */
const startWaitingCall = async (): Promise<ChildProcess> => {
  const proc = spawn(process.execPath, [BIN], {
    cwd: PACKAGE_DIR,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", FRONT_API_TOKEN: TOKEN, FRONT_API_BASE_URL: frontUrl },
    stdio: ["pipe", "pipe", "pipe"],
  });
  child = proc;
  let out = "";
  const answered = (id: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.split("\n").some((line) => line.includes(`"id":${id}`))) resolve();
      };
      proc.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
        check();
      });
      proc.once("exit", () => reject(new Error(`the bin exited before answering ${id}: ${out}`)));
    });
  const send = (msg: unknown) => proc.stdin!.write(`${JSON.stringify(msg)}\n`);
  send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } } });
  await answered(1);
  send({ jsonrpc: "2.0", method: "notifications/initialized" });
  send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "list-teammates", arguments: {} } });
  await answered(2);
  const before = requests;
  send({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "list-teammates", arguments: {} } });
  // Long enough for the call to reach the limiter; it must not have been sent.
  await new Promise((r) => setTimeout(r, 300));
  expect(requests).toBe(before);
  return proc;
};

const exitTime = (proc: ChildProcess): Promise<number> => {
  const start = Date.now();
  return new Promise((resolve) => proc.once("exit", () => resolve(Date.now() - start)));
};

describe("frontkit-mcp shutdown while a call waits in the rate limiter", () => {
  it("exits within 2 s of SIGTERM", async () => {
    const proc = await startWaitingCall();
    const exited = exitTime(proc);
    proc.kill("SIGTERM");
    expect(await exited).toBeLessThan(2_000);
  }, 30_000);

  it("exits within 2 s of stdin closing", async () => {
    const proc = await startWaitingCall();
    const exited = exitTime(proc);
    proc.stdin!.end();
    expect(await exited).toBeLessThan(2_000);
  }, 30_000);
});

describe("frontkit-mcp --http shutdown while a call waits in the rate limiter", () => {
  it("exits within 2 s of SIGTERM", async () => {
    const bin = await startHttpBin({ FRONT_API_BASE_URL: frontUrl });
    child = bin.child;
    const post = (id: number, signal?: AbortSignal) =>
      fetch(bin.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "list-teammates", arguments: {} } }),
        ...(signal === undefined ? {} : { signal }),
      });
    await (await post(1)).text(); // learns "0 left until the reset"
    const before = requests;
    const waiting = post(2)
      .then((r) => r.text())
      .catch(() => "closed");
    await new Promise((r) => setTimeout(r, 300));
    expect(requests).toBe(before);
    const exited = exitTime(bin.child);
    bin.child.kill("SIGTERM");
    expect(await exited).toBeLessThan(2_000);
    await waiting;
  }, 30_000);
});
