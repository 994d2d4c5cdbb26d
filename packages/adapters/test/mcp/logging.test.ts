/**
 * MCP logging: the server declares the `logging` capability, answers `logging/setLevel`, and sends a log
 * message for each Front request and retry wait of a call at or above the level the client set (info by
 * default) — never the token. In process, over the SDK's in-memory transport with a fake Front.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { type CallToolResult, LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { createFrontMcpServer } from "../../src/mcp/server.js";

const TOKEN = "frontkit-canary-logging-4410";
const BASE = "http://127.0.0.1:9";

/** Front answering 429 once (retry-after 1 s, cut to 20 ms by the server's options), then the tags. */
const limitedOnce = () => {
  let calls = 0;
  return async (request: Request): Promise<Response> => {
    void request;
    calls++;
    if (calls === 1) {
      return new Response(JSON.stringify({ _error: { status: 429, title: "Too many requests", message: `slow down ${TOKEN}` } }), {
        status: 429,
        headers: { "content-type": "application/json", "retry-after": "1" },
      });
    }
    return new Response(JSON.stringify({ _results: [{ id: "tag_1", name: "A" }], _pagination: { next: null } }), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
};

const connect = async () => {
  const server = createFrontMcpServer({ token: TOKEN, baseUrl: BASE, toolsOptions: { fetch: limitedOnce(), maxRetryAfter: "20 millis", cacheTtl: 0 } });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "logging", version: "1" });
  const logged: Array<{ level: string; logger?: string | undefined; data: unknown }> = [];
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
    logged.push(n.params);
  });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return { client, logged, close: async () => (await client.close(), await server.close()) };
};

describe("MCP logging", () => {
  it("declares the capability and answers logging/setLevel", async () => {
    const { client, close } = await connect();
    try {
      expect(client.getServerCapabilities()?.logging).toEqual({});
      await expect(client.setLoggingLevel("debug")).resolves.toEqual({});
    } finally {
      await close();
    }
  });

  it("at debug: every attempt and the retry wait of a call, in words, without the token", async () => {
    const { client, logged, close } = await connect();
    try {
      await client.setLoggingLevel("debug");
      const result = (await client.callTool({ name: "list-tags", arguments: {} })) as CallToolResult;
      expect(result.isError, JSON.stringify(result)).toBeFalsy();
      const lines = logged.map((l) => `${l.level} ${String(l.data)}`);
      expect(lines).toEqual([
        expect.stringMatching(/^info GET \/tags → 429 RateLimited in \d+ ms \(attempt 1(, queued \d+ ms for the rate limiter)?\)$/),
        expect.stringMatching(/^warning GET \/tags: rate limited \(HTTP 429\); retrying in \d+ ms \(attempt 2\)$/),
        expect.stringMatching(/^debug GET \/tags → 200 in \d+ ms \(attempt 2(, queued \d+ ms for the rate limiter)?\)$/),
      ]);
      for (const l of logged) expect(l.logger).toBe("frontkit");
      expect(JSON.stringify(logged)).not.toContain(TOKEN);
    } finally {
      await close();
    }
  });

  it("by default (info) and at warning: only what is at or above the level", async () => {
    const byDefault = await connect();
    try {
      await byDefault.client.callTool({ name: "list-tags", arguments: {} });
      expect(byDefault.logged.map((l) => l.level)).toEqual(["info", "warning"]);
    } finally {
      await byDefault.close();
    }
    const warning = await connect();
    try {
      await warning.client.setLoggingLevel("warning");
      await warning.client.callTool({ name: "list-tags", arguments: {} });
      expect(warning.logged.map((l) => l.level)).toEqual(["warning"]);
    } finally {
      await warning.close();
    }
  });
});
