/**
 * What an MCP client meets on the HTTP transport without a usable token, over the real HTTP server on
 * 127.0.0.1. This server does not use OAuth: a 401 must lead the client (and its user) to "send your Front API
 * token as a bearer token", not into an OAuth flow that hides our message. So the 401 names no
 * `resource_metadata`, the OAuth discovery and registration paths answer 404 in OAuth's error format with the
 * same advice (what an OAuth-capable client surfaces), and no browser authorization is ever started.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FrontMcpHttpServer, startFrontMcpHttpServer } from "../../src/mcp/http.js";

let running: FrontMcpHttpServer;
beforeAll(async () => {
  running = await startFrontMcpHttpServer({ baseUrl: "http://127.0.0.1:9" });
});
afterAll(async () => {
  await running?.close();
});

const initialize = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } },
});
const post = (headers: Record<string, string> = {}) =>
  fetch(running.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers }, body: initialize });

describe("MCP over HTTP without a usable token", () => {
  it("no token: 401, a Bearer challenge without resource_metadata that says what to send, and a JSON-RPC error body", async () => {
    const response = await post();
    expect(response.status).toBe(401);
    const challenge = response.headers.get("www-authenticate") ?? "";
    expect(challenge).toMatch(/^Bearer realm="frontkit-mcp"/);
    expect(challenge).not.toMatch(/resource_metadata/);
    expect(challenge).toMatch(/error_description="[^"]*Authorization: Bearer <Front API token>[^"]*"/);
    const body = (await response.json()) as { jsonrpc: string; error: { code: number; message: string } };
    expect(body.jsonrpc).toBe("2.0");
    expect(body.error.message).toMatch(/Authorization: Bearer/);
    expect(body.error.message).toMatch(/does not use OAuth/);
  });

  it("a refused token: 401 with error=\"invalid_token\" and the reason, never the token", async () => {
    const response = await post({ authorization: "Bearer short-tok" });
    expect(response.status).toBe(401);
    const challenge = response.headers.get("www-authenticate") ?? "";
    expect(challenge).toMatch(/^Bearer realm="frontkit-mcp", error="invalid_token", error_description="[^"]*too short[^"]*"$/);
    expect(challenge).not.toContain("short-tok");
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/too short/);
    expect(body.error.message).not.toContain("short-tok");
  });

  it.each(["/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"])(
    "OAuth discovery at %s answers 404 with the bearer-token advice in OAuth's error format",
    async (path) => {
      const response = await fetch(new URL(path, running.url));
      expect(response.status).toBe(404);
      expect(response.headers.get("www-authenticate")).toBeNull();
      const body = (await response.json()) as { error: string; error_description: string };
      expect(body.error).toBe("invalid_request");
      expect(body.error_description).toMatch(/does not use OAuth[\s\S]*Authorization: Bearer <Front API token>/);
    },
  );

  it("an SDK client without a token fails with our message", async () => {
    const client = new Client({ name: "no-token", version: "1" });
    const error = await client.connect(new StreamableHTTPClientTransport(new URL(running.url))).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String((error as Error)?.message)).toMatch(/Authorization: Bearer/);
    await client.close();
  });

  it("an OAuth-capable SDK client never starts a browser authorization and reports our advice", async () => {
    let redirected = false;
    const provider: OAuthClientProvider = {
      get redirectUrl() {
        return "http://127.0.0.1:1/callback";
      },
      get clientMetadata() {
        return { redirect_uris: ["http://127.0.0.1:1/callback"], client_name: "oauth-capable" };
      },
      clientInformation: () => undefined,
      saveClientInformation: () => undefined,
      tokens: () => undefined,
      saveTokens: () => undefined,
      redirectToAuthorization: () => {
        redirected = true;
      },
      saveCodeVerifier: () => undefined,
      codeVerifier: () => "verifier",
    };
    const client = new Client({ name: "oauth-capable", version: "1" });
    const error = await client.connect(new StreamableHTTPClientTransport(new URL(running.url), { authProvider: provider })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(redirected).toBe(false);
    expect((error as Error).message).toMatch(/does not use OAuth[\s\S]*Authorization: Bearer <Front API token>/);
    await client.close();
  });
});
