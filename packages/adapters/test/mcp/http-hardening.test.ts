/** Issue 16 (6, 8): the MCP HTTP server against hostile clients, over the real server on 127.0.0.1. */
import { connect } from "node:net";
import { rawHttpExchange } from "@frontkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FrontMcpHttpServer, startFrontMcpHttpServer } from "../../src/mcp/http.js";

const TOKEN = "frontkit-hardening-token-0123456789";
let running: FrontMcpHttpServer;
/** What the fake Front answers to every request (set per test). */
let frontAnswer: () => Response = () => new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
beforeAll(async () => {
  running = await startFrontMcpHttpServer({
    baseUrl: "http://127.0.0.1:9",
    allowedOrigins: ["https://app.example"],
    bodyTimeoutMs: 500,
    toolsOptions: { fetch: async () => frontAnswer(), burstPerSecond: 0 },
  });
});
afterAll(async () => {
  await running?.close();
});

const headers = { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${TOKEN}` };

/** POSTs JSON-RPC (as `token`'s account) and returns the JSON-RPC messages of the answer (JSON or an SSE stream), within `ms`. */
const rpc = async (body: unknown, ms = 5_000, token = TOKEN): Promise<{ status: number; messages: Array<Record<string, unknown>> }> => {
  const response = await fetch(running.url, {
    method: "POST",
    headers: { ...headers, authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(ms),
  });
  const text = await response.text();
  if (text === "") return { status: response.status, messages: [] };
  if ((response.headers.get("content-type") ?? "").includes("text/event-stream")) {
    const messages = text
      .split("\n")
      .filter((line) => line.startsWith("data: "))
      .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>);
    return { status: response.status, messages };
  }
  const parsed = JSON.parse(text) as unknown;
  return { status: response.status, messages: (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown>> };
};

const callRaw = (id: number) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "raw-api-request", arguments: { method: "GET", path: "/me" } } });

/** Sends raw bytes and returns what the server answered before closing (or after `waitMs`). */
const raw = (text: string, waitMs = 2_000): Promise<string> => rawHttpExchange(running.url, text, waitMs);

const initialize = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } },
});

describe("MCP HTTP hardening", () => {
  it("two Authorization headers are refused (400), not 'the first wins'", async () => {
    const path = new URL(running.url).pathname;
    const answer = await raw(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n` +
        `Authorization: Bearer ${TOKEN}\r\nAuthorization: Bearer other-token-0123456789abcdef\r\nContent-Length: ${Buffer.byteLength(initialize)}\r\nConnection: close\r\n\r\n${initialize}`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/Several Authorization headers/);
    expect(answer).not.toContain(TOKEN);
  });

  it("one Authorization header still works", async () => {
    const response = await fetch(running.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${TOKEN}` },
      body: initialize,
    });
    expect(response.status).toBe(200);
    await response.text();
  });
});

describe("MCP HTTP: hostile answers and batches", () => {
  it("a POST carrying a call and its own cancel completes (the cancelled call gets no answer)", async () => {
    const started = Date.now();
    const { status } = await rpc([callRaw(7), { jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 7, reason: "changed my mind" } }]);
    expect(status).toBeLessThan(300);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a __proto__ key in Front's answer reaches the MCP result as data", async () => {
    frontAnswer = () => new Response('{"id":"tea_1","__proto__":{"polluted":true},"name":"x"}', { status: 200, headers: { "content-type": "application/json" } });
    const { messages } = await rpc(callRaw(8));
    const result = messages.find((m) => m["id"] === 8)?.["result"] as { content: Array<{ text: string }>; structuredContent?: { body?: Record<string, unknown> } };
    expect(result, JSON.stringify(messages)).toBeDefined();
    const text = result.content[0]!.text;
    expect(text).toContain('"__proto__":{"polluted":true}');
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("a 20,000-deep answer is a typed tool error, not an internal error", async () => {
    const deep = `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`;
    frontAnswer = () => new Response(deep, { status: 200, headers: { "content-type": "application/json" } });
    const { messages } = await rpc(callRaw(9));
    const message = messages.find((m) => m["id"] === 9);
    expect(message?.["error"], JSON.stringify(message).slice(0, 500)).toBeUndefined();
    const result = message?.["result"] as { isError?: boolean; content: Array<{ text: string }> };
    expect(result.isError).toBe(true);
    const text = result.content.map((c) => c.text).join("\n");
    expect(text).toMatch(/UnexpectedResponse/);
    expect(text).toMatch(/nested/);
    expect(text).not.toMatch(/internal/i);
  });
});

describe("MCP HTTP: CORS preflight for --allow-origin", () => {
  it("answers an allowed origin's preflight before auth, with CORS headers", async () => {
    const response = await fetch(running.url, {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(response.headers.get("access-control-allow-methods")).toMatch(/POST/);
    expect((response.headers.get("access-control-allow-headers") ?? "").toLowerCase()).toMatch(/authorization/);
    expect((response.headers.get("access-control-allow-headers") ?? "").toLowerCase()).toMatch(/content-type/);
    expect(response.headers.get("vary")).toMatch(/origin/i);
  });

  it("gives a disallowed origin's preflight no CORS headers", async () => {
    const response = await fetch(running.url, { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("access-control-allow-methods")).toBeNull();
  });

  it("an allowed origin's POST answer carries Access-Control-Allow-Origin", async () => {
    const response = await fetch(running.url, {
      method: "POST",
      headers: { ...headers, origin: "https://app.example" },
      body: initialize,
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    await response.text();
  });
});

describe("MCP HTTP: slow and oversized bodies", () => {
  it("refuses a declared oversized body before reading it", async () => {
    const path = new URL(running.url).pathname;
    const answer = await raw(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: 999999999\r\n\r\n{`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });

  it("refuses a body that is not JSON by content type before reading it", async () => {
    const response = await fetch(running.url, { method: "POST", headers: { ...headers, "content-type": "text/plain" }, body: initialize });
    expect(response.status).toBe(415);
  });
});

describe("MCP HTTP: slow clients", () => {
  it("a client that stalls mid-body gets 408 once the body timeout passes, and its bytes are released", async () => {
    const path = new URL(running.url).pathname;
    const started = Date.now();
    const answer = await raw(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: 1000\r\n\r\n{"jsonrpc":`,
      3_000,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(Date.now() - started).toBeLessThan(2_500);
  });
});

describe("MCP HTTP: bodies held across clients are bounded", () => {
  it("past maxBufferedBodyBytes a further body gets 503 instead of pinning memory", async () => {
    const small = await startFrontMcpHttpServer({ baseUrl: "http://127.0.0.1:9", maxBufferedBodyBytes: 64, bodyTimeoutMs: 1_500 });
    try {
      const url = new URL(small.url);
      const partial = (bytes: number, waitMs: number) =>
        new Promise<string>((resolve, reject) => {
          const socket = connect(Number(url.port), "127.0.0.1");
          let out = "";
          const timer = setTimeout(() => {
            socket.destroy();
            resolve(out);
          }, waitMs);
          socket.on("data", (c) => {
            out += c.toString("utf8");
          });
          socket.on("close", () => {
            clearTimeout(timer);
            resolve(out);
          });
          socket.on("error", reject);
          socket.write(
            `POST ${url.pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Length: 1000\r\n\r\n${"x".repeat(bytes)}`,
          );
        });
      // The first client holds 50 bytes and stalls; the second brings 50 more: over the 64-byte budget.
      const first = partial(50, 2_500);
      await new Promise((r) => setTimeout(r, 200));
      const second = await partial(50, 1_000);
      expect(second).toMatch(/^HTTP\/1\.1 503 /);
      expect(await first).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await small.close();
    }
  });
});

describe("MCP HTTP: a call waiting in the rate limiter ends on hang-up and on cancel (issue 16 item 2)", () => {
  const exhausted = () =>
    new Response(JSON.stringify({ _results: [], _pagination: { next: null } }), {
      status: 200,
      headers: {
        "content-type": "application/json",
        "x-ratelimit-limit": "100",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 20),
      },
    });
  const callTeammates = (id: number) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "list-teammates", arguments: {} } });
  const inflightDrops = async (withinMs: number): Promise<boolean> => {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      if (running.handler.inflight === 0) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return running.handler.inflight === 0;
  };
  const waitUntilWaiting = async () => {
    const deadline = Date.now() + 2_000;
    while (running.handler.inflight === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(running.handler.inflight).toBe(1);
  };

  // Each test is its own account (token): the limiter of one must not carry "0 left" into the next.
  it("the client hanging up ends the wait at once", async () => {
    frontAnswer = exhausted;
    const token = `${TOKEN}-hangup`;
    await rpc(callTeammates(20), 5_000, token); // learns "0 left until the reset"
    const controller = new AbortController();
    const pending = fetch(running.url, {
      method: "POST",
      headers: { ...headers, authorization: `Bearer ${token}` },
      body: JSON.stringify(callTeammates(21)),
      signal: controller.signal,
    })
      .then((r) => r.text())
      .catch(() => "hung up");
    await waitUntilWaiting();
    controller.abort();
    await pending;
    expect(await inflightDrops(1_000)).toBe(true);
  });

  it("notifications/cancelled in another POST ends the wait and answers the call", async () => {
    frontAnswer = exhausted;
    const token = `${TOKEN}-cancel`;
    await rpc(callTeammates(30), 5_000, token);
    const started = Date.now();
    const pending = rpc(callTeammates(31), 10_000, token);
    await waitUntilWaiting();
    await rpc({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 31, reason: "stop" } }, 5_000, token);
    await pending;
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await inflightDrops(1_000)).toBe(true);
  });
});
