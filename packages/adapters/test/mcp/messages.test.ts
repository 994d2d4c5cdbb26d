/**
 * What a new MCP user reads when something is off: the words of errors and of resource descriptions, over
 * the SDK's in-memory transport with a fake Front.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { createFrontMcpServer, type FrontMcpServerOptions } from "../../src/mcp/server.js";

const TOKEN = "frontkit-canary-messages-5521";
const BASE = "http://127.0.0.1:9";

const emptyLists = async (request: Request): Promise<Response> => {
  void request;
  return new Response(JSON.stringify({ _results: [], _pagination: { next: null } }), { status: 200, headers: { "content-type": "application/json" } });
};

const connect = async (options: Omit<FrontMcpServerOptions, "token" | "baseUrl">) => {
  const server = createFrontMcpServer({ token: TOKEN, baseUrl: BASE, toolsOptions: { fetch: emptyLists }, ...options });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "messages", version: "1" });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return { client, close: async () => (await client.close(), await server.close()) };
};

const textOf = (result: CallToolResult): string => result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");

describe("MCP messages a new user reads", () => {
  it("an unknown field says 'Expected no excess property' for list-teammates as for every other tool", async () => {
    const { client, close } = await connect({});
    try {
      const teammates = (await client.callTool({ name: "list-teammates", arguments: { inbox: "inb_1" } })) as CallToolResult;
      const tags = (await client.callTool({ name: "list-tags", arguments: { inbox: "inb_1" } })) as CallToolResult;
      expect(teammates.isError).toBe(true);
      expect(textOf(teammates)).toContain("- inbox: Expected no excess property");
      expect(textOf(teammates)).not.toMatch(/Expected never/);
      expect(textOf(tags)).toContain("- inbox: Expected no excess property");
    } finally {
      await close();
    }
  });

  it("a tool hidden by read-only mode says so and how to lift it, not 'unknown tool'", async () => {
    // As the frontkit-mcp bin configures it: the advice names its flags.
    const { client, close } = await connect({ readOnly: true, audience: "cli" });
    try {
      const result = (await client.callTool({ name: "send-message", arguments: { conversation_id: "cnv_1", body: "hi" } })) as CallToolResult;
      expect(result.isError).toBe(true);
      const text = textOf(result);
      expect(text).not.toMatch(/Unknown tool/i);
      expect(text).toMatch(/send-message is not available: this server runs read-only/);
      expect(text).toMatch(/--read-only/);
      expect(text).toMatch(/without --read-only/);
      expect(text).toContain("Nothing was sent to Front");
      const unknown = textOf((await client.callTool({ name: "delete-everything", arguments: {} })) as CallToolResult);
      expect(unknown).toMatch(/unknown tool "delete-everything"/i);
    } finally {
      await close();
    }
  });

  it("configured in code, the same refusals name the options, never a CLI flag", async () => {
    const { client, close } = await connect({ readOnly: true });
    try {
      const text = textOf((await client.callTool({ name: "send-message", arguments: { conversation_id: "cnv_1", body: "hi" } })) as CallToolResult);
      expect(text).toMatch(/send-message is not available: this server runs read-only/);
      expect(text).toMatch(/without the readOnly option/);
      expect(text).not.toMatch(/--[a-z]/);
    } finally {
      await close();
    }
  });

  it("a tool left out by --tools says it is not in this server's tool list", async () => {
    const { client, close } = await connect({ tools: ["list-tags"], audience: "cli" });
    try {
      const text = textOf((await client.callTool({ name: "list-inboxes", arguments: {} })) as CallToolResult);
      expect(text).toMatch(/list-inboxes is not available: this server exposes only list-tags\.[\s\S]*added to --tools/);
    } finally {
      await close();
    }
  });

  it("resource descriptions are written for readers: what the resource holds, no advice to call tools or pass arguments", async () => {
    const { client, close } = await connect({});
    try {
      const { resources } = await client.listResources();
      expect(resources.map((r) => r.uri).sort()).toEqual(["front-api://operations", "front://inboxes", "front://tags"]);
      for (const r of resources) {
        expect(r.description, r.uri).toBeDefined();
        expect(r.description).not.toMatch(/refresh|pass |Use this|tool|input|Read-only\./i);
        expect(r.description).toMatch(/JSON/);
      }
      const tags = resources.find((r) => r.uri === "front://tags");
      expect(tags?.description).toMatch(/every tag/i);
      expect(tags?.description).toMatch(/cached per token for up to 5 minutes/);
      expect(tags?.description).toMatch(/\{ tags, count \}/);
    } finally {
      await close();
    }
  });
});
