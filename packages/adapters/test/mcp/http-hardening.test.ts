/** Issue 16 (6, 8): the MCP HTTP server against hostile clients, over the real server on 127.0.0.1. */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FrontMcpHttpServer, startFrontMcpHttpServer } from "../../src/mcp/http.js";

const TOKEN = "frontkit-hardening-token-0123456789";
let running: FrontMcpHttpServer;
beforeAll(async () => {
  running = await startFrontMcpHttpServer({ baseUrl: "http://127.0.0.1:9", allowedOrigins: ["https://app.example"] });
});
afterAll(async () => {
  await running?.close();
});

/** Sends raw bytes and returns what the server answered before closing (or after `waitMs`). */
const raw = (text: string, waitMs = 2_000): Promise<string> =>
  new Promise((resolve, reject) => {
    const url = new URL(running.url);
    const socket = connect(Number(url.port), "127.0.0.1");
    let out = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(out);
    }, waitMs);
    socket.on("data", (chunk) => {
      out += chunk.toString("utf8");
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(out);
    });
    socket.on("error", reject);
    socket.write(text);
  });

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
