/**
 * `createFrontMcpServer` in process over the SDK's in-memory transport, with a
 * fake fetch standing in for Front: the library API, not the bin.
 */
import { createFrontTools } from "@frontkit/tools";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { createFrontMcpServer, type FrontMcpServerOptions } from "../../src/mcp/server.js";
import { ToolSelectionError } from "../../src/mcp/tool-selection.js";

const TOKEN = "frontkit-canary-inproc-7781";
const BASE = "http://127.0.0.1:9";

/** A Front that knows GET /tags and echoes the bearer token into a tag name (a hostile upstream). */
const fakeFront = (seen: Request[]) => async (request: Request): Promise<Response> => {
  seen.push(request);
  const url = new URL(request.url);
  if (request.method === "GET" && url.pathname === "/tags") {
    const auth = request.headers.get("authorization") ?? "";
    const body = { _pagination: {}, _results: [{ id: "tag_1", name: `echo ${auth}`, description: null, highlight: null, is_private: false, is_visible_in_conversation_lists: true, created_at: 1, updated_at: 2 }] };
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  }
  return new Response(JSON.stringify({ _error: { status: 404, title: "Not found", message: "nope" } }), { status: 404, headers: { "content-type": "application/json" } });
};

const connect = async (options: FrontMcpServerOptions) => {
  const server = createFrontMcpServer(options);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "in-process", version: "1" });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return { server, client };
};

describe("createFrontMcpServer", () => {
  it("runs tools on its own client and masks the token even when Front echoes it", async () => {
    const seen: Request[] = [];
    const { client, server } = await connect({ token: TOKEN, baseUrl: BASE, toolsOptions: { fetch: fakeFront(seen) } });
    try {
      const result = (await client.callTool({ name: "list-tags", arguments: {} })) as CallToolResult;
      expect(result.isError, JSON.stringify(result)).toBeFalsy();
      expect(seen[0]?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
      expect(JSON.stringify(result)).not.toContain(TOKEN);
      expect(JSON.stringify(result)).toContain("echo Bearer <redacted>");
    } finally {
      await client.close();
      await server.close();
    }
  });

  it("uses a given FrontTools and leaves it usable after the server closes", async () => {
    const seen: Request[] = [];
    const tools = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch: fakeFront(seen) });
    const { client, server } = await connect({ frontTools: tools, secrets: [TOKEN], tools: ["list-tags"] });
    const { tools: listed } = await client.listTools();
    expect(listed.map((t) => t.name)).toEqual(["list-tags"]);
    await client.close();
    await server.close();
    await expect(tools.invoke("list-tags", { refresh: true })).resolves.toHaveProperty("tags");
    await tools.dispose();
  });

  it("progress notifications grow with each one and never pass their total, even when Front's pages are short", async () => {
    // Front answers one contact per page whatever limit asks: the page count is only known at the end.
    const shortPages = async (request: Request): Promise<Response> => {
      const url = new URL(request.url);
      const n = Number(url.searchParams.get("page_token") ?? "0");
      const body = { _results: [{ id: `crd_${n}` }], _pagination: { next: `https://acme.api.frontapp.com/contacts?page_token=${n + 1}` } };
      return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    };
    const { client, server } = await connect({ token: TOKEN, baseUrl: BASE, toolsOptions: { fetch: shortPages, burstPerSecond: 0 } });
    try {
      const updates: Array<{ progress: number; total?: number | undefined }> = [];
      const result = (await client.callTool({ name: "list-contacts", arguments: { auto_paginate: true, max_results: 5, limit: 2 } }, undefined, {
        onprogress: (p) => updates.push(p),
      })) as CallToolResult;
      expect(result.isError, JSON.stringify(result)).toBeFalsy();
      expect(updates.map((u) => u.progress)).toEqual([1, 2, 3, 4, 5]);
      for (const u of updates) expect(u.progress, JSON.stringify(updates)).toBeLessThanOrEqual(u.total ?? Number.POSITIVE_INFINITY);
      expect(updates.at(-1)?.total).toBe(5);
    } finally {
      await client.close();
      await server.close();
    }
  });

  it("refuses to start without a token or FrontTools, and on a bad selection", () => {
    expect(() => createFrontMcpServer({})).toThrow(/needs a Front API token/);
    expect(() => createFrontMcpServer({ token: TOKEN, tools: ["nope"] })).toThrow(ToolSelectionError);
    expect(() => createFrontMcpServer({ token: TOKEN, baseUrl: "http://example.com" })).toThrow();
  });

  it("refuses read-only together with a writing tool in the subset", () => {
    expect(() => createFrontMcpServer({ token: TOKEN, readOnly: true, tools: ["list-tags", "create-contact"] })).toThrow(/the readOnly option excludes create-contact/);
    // The bin's words are its flags (library code states facts; the audience picks the words).
    expect(() => createFrontMcpServer({ token: TOKEN, readOnly: true, tools: ["list-tags", "create-contact"], audience: "cli" })).toThrow(/--read-only excludes create-contact/);
  });
});
