/**
 * The built `frontkit-mcp --http` (stateless Streamable HTTP) with real SDK
 * clients: every request brings its own Front token, several accounts at once,
 * 401 without a token; Front played by Prism behind the fault proxy.
 */
import { mcpToolCatalog } from "@frontkit/tools";
import { type FaultProxy, type PrismServer, rateLimited, startFaultProxy, startPrism, status } from "@frontkit/testkit";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canaryToken, connectHttp, ensureBuilt, type HttpBin, startHttpBin } from "./support/bin.js";
import { MCP_TOOLS, sampleInputs } from "./support/samples.js";

const TOKEN_A = canaryToken("http-a");
const TOKEN_B = canaryToken("http-b");
const transcript: string[] = [];

let prism: PrismServer;
let proxy: FaultProxy;
let bin: HttpBin;
const clients: Client[] = [];

const client = async (token: string | undefined): Promise<Client> => {
  const c = await connectHttp(bin.url, token);
  clients.push(c);
  return c;
};

const call = async (c: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> => {
  const result = (await c.callTool({ name, arguments: args })) as CallToolResult;
  transcript.push(JSON.stringify(result));
  return result;
};

const text = (result: CallToolResult): string => result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");

const rpc = (body: unknown) => JSON.stringify(body);
const initialize = rpc({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
});
const mcpHeaders = { "content-type": "application/json", accept: "application/json, text/event-stream" };

beforeAll(async () => {
  ensureBuilt();
  prism = await startPrism();
  proxy = await startFaultProxy({ target: prism.url });
  // FRONT_API_TOKEN is set to prove --http ignores it: only the request's bearer counts.
  bin = await startHttpBin({ FRONT_API_BASE_URL: proxy.url, FRONT_API_TOKEN: canaryToken("ignored") });
});

afterAll(async () => {
  for (const c of clients) await c.close().catch(() => undefined);
  await bin?.stop();
  await proxy?.stop();
  await prism?.stop();
});

describe("frontkit-mcp --http", () => {
  it("binds loopback by default and lists the eleven tools and search-api-operations from the catalog", async () => {
    expect(new URL(bin.url).hostname).toBe("127.0.0.1");
    const c = await client(TOKEN_A);
    const { tools } = await c.listTools();
    transcript.push(JSON.stringify(tools));
    expect([...tools.map((t) => t.name)].sort()).toEqual([...MCP_TOOLS]);
    for (const entry of mcpToolCatalog) {
      const tool = tools.find((t) => t.name === entry.name);
      expect(tool?.inputSchema).toEqual(entry.inputJsonSchema);
      expect(tool?.outputSchema).toEqual(entry.outputJsonSchema);
      expect(tool?.annotations).toEqual({ title: entry.title, ...entry.annotations });
    }
  });

  it.each(mcpToolCatalog.map((t) => t.name))("calls %s successfully", async (name) => {
    const c = await client(TOKEN_A);
    const result = await call(c, name, sampleInputs[name] ?? {});
    expect(result.isError, text(result)).toBeFalsy();
    expect(JSON.parse(text(result))).toEqual(result.structuredContent);
  });

  it("serves two accounts in parallel, each request with its own token", async () => {
    proxy.reset();
    const [a, b] = await Promise.all([client(TOKEN_A), client(TOKEN_B)]);
    const runs = await Promise.all([
      call(a, "list-teammates", {}),
      call(b, "list-teammates", {}),
      call(a, "list-tags", { refresh: true }),
      call(b, "list-tags", { refresh: true }),
    ]);
    for (const r of runs) expect(r.isError, text(r)).toBeFalsy();
    const auths = proxy.requests.map((r) => r.headers.authorization);
    expect(auths.filter((h) => h === `Bearer ${TOKEN_A}`).length).toBeGreaterThanOrEqual(2);
    expect(auths.filter((h) => h === `Bearer ${TOKEN_B}`).length).toBeGreaterThanOrEqual(2);
    expect(auths.every((h) => h === `Bearer ${TOKEN_A}` || h === `Bearer ${TOKEN_B}`)).toBe(true);
  });

  it("keeps rate limiting per account: one account's 429 does not hold back another account", async () => {
    const a = await client(TOKEN_A);
    const b = await client(TOKEN_B);
    const rule = proxy.on({ method: "GET", path: "/teammates" }, rateLimited({ retryAfter: "2" }));
    try {
      const stormed = call(a, "list-teammates", {});
      // Wait until A has met its first 429, so A's limiter is now waiting out retry-after.
      for (let i = 0; i < 50 && rule.hits === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(rule.hits).toBe(1);
      const timed = async (c: Client) => {
        const t0 = Date.now();
        const r = await call(c, "list-inboxes", { refresh: true });
        expect(r.isError, text(r)).toBeFalsy();
        return Date.now() - t0;
      };
      const [msA, msB] = await Promise.all([timed(a), timed(b)]);
      // B has its own FrontTools (own limiter): not delayed by A's retry-after; A's own call is.
      expect(msB).toBeLessThan(1_000);
      expect(msA).toBeGreaterThan(msB);
      rule.remove();
      await stormed;
    } finally {
      rule.remove();
    }
  });

  it("answers invalid arguments with isError naming the path", async () => {
    const c = await client(TOKEN_A);
    const result = await call(c, "get-contact", { contact_id: 42 });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain("contact_id");
  });

  it("turns Front's 404 and a 429 storm into the right results", async () => {
    const c = await client(TOKEN_B);
    const notFound = proxy.on({ method: "GET", path: /^\/contacts\/crd_gone/ }, status(404, { body: { _error: { status: 404, title: "Not found", message: "Contact not found" } } }));
    const storm = proxy.on({ method: "GET", path: "/teammates" }, rateLimited({ retryAfter: "1" }));
    try {
      const [missing, limited] = await Promise.all([call(c, "get-contact", { contact_id: "crd_gone" }), call(c, "list-teammates", {})]);
      expect(missing.isError).toBe(true);
      expect(text(missing)).toMatch(/NotFound \(HTTP 404\)/);
      expect(limited.isError).toBe(true);
      expect(text(limited)).toMatch(/RateLimited \(HTTP 429\)[\s\S]*again in 1 second/);
      expect(storm.hits).toBeLessThanOrEqual(5);
    } finally {
      notFound.remove();
      storm.remove();
    }
  });

  it("streams progress notifications on the call's SSE response", async () => {
    const c = await client(TOKEN_A);
    const updates: unknown[] = [];
    const result = (await c.callTool({ name: "list-tags", arguments: { refresh: true } }, undefined, { onprogress: (p) => updates.push(p) })) as CallToolResult;
    transcript.push(JSON.stringify(result), JSON.stringify(updates));
    expect(result.isError, text(result)).toBeFalsy();
    expect(updates.length).toBeGreaterThan(0);
  });

  it("refuses a request without a token with 401 before doing anything", async () => {
    const before = proxy.requests.length;
    const response = await fetch(bin.url, { method: "POST", headers: mcpHeaders, body: initialize });
    const body = await response.text();
    transcript.push(body);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(body).toMatch(/Authorization: Bearer/);
    const notBearer = await fetch(bin.url, { method: "POST", headers: { ...mcpHeaders, authorization: `Basic ${btoa("a:b")}` }, body: initialize });
    expect(notBearer.status).toBe(401);
    await expect(client(undefined)).rejects.toMatchObject({ code: 401 });
    expect(proxy.requests.length).toBe(before);
  });

  it("answers a raw POST statelessly (no session id), GET with 405, a foreign Origin with 403", async () => {
    const response = await fetch(bin.url, { method: "POST", headers: { ...mcpHeaders, authorization: `Bearer ${TOKEN_A}` }, body: initialize });
    expect(response.status).toBe(200);
    expect(response.headers.get("mcp-session-id")).toBeNull();
    transcript.push(await response.text());
    const get = await fetch(bin.url, { headers: { accept: "text/event-stream", authorization: `Bearer ${TOKEN_A}` } });
    expect(get.status).toBe(405);
    await get.arrayBuffer();
    const foreign = await fetch(bin.url, { method: "POST", headers: { ...mcpHeaders, authorization: `Bearer ${TOKEN_A}`, origin: "http://evil.example" }, body: initialize });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toMatch(/--allow-origin/);
    const health = await fetch(new URL("/healthz", bin.url));
    expect(await health.json()).toEqual({ ok: true });
  });

  it("never shows either canary token in any result or in the server's output", async () => {
    // Let the last request log lines arrive.
    await new Promise((r) => setTimeout(r, 100));
    const all = [...transcript, bin.stderr()].join("\n");
    expect(bin.stderr()).toMatch(/POST \/mcp 200 account=/);
    expect(all).not.toContain(TOKEN_A);
    expect(all).not.toContain(TOKEN_B);
    expect(all).not.toContain("frontkit-canary");
  });
});
