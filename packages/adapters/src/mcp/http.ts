/**
 * Streamable HTTP for hosted use: one process, many Front accounts. Every
 * request brings its own Front token as `Authorization: Bearer …`; requests
 * without one get 401 before anything else happens. Stateless: each POST gets
 * a fresh MCP server bound to that account's FrontTools (from the LRU), and
 * nothing about the caller outlives the process.
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkFrontToken, createFrontTools, type FrontToolsOptions, toolCatalog } from "@frontkit/tools";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { AccountPool, DEFAULT_MAX_ACCOUNTS } from "./account-pool.js";
import { bearerToken } from "./bearer.js";
import { InflightCalls } from "./cancellation.js";
import { redactString } from "./redact.js";
import { createFrontMcpServer } from "./server.js";
import { selectTools, type ToolSelection } from "./tool-selection.js";

/** Options of the HTTP handler. */
export interface FrontMcpHttpOptions extends ToolSelection {
  /** Core API base URL for every account (clients cannot change it). */
  readonly baseUrl?: string | undefined;
  /** More FrontTools options for every account (retry, timeoutMs, fetch, …). */
  readonly toolsOptions?: Omit<FrontToolsOptions, "token" | "baseUrl"> | undefined;
  /** Accounts (distinct tokens) kept warm, least recently used evicted (default 64). */
  readonly maxAccounts?: number | undefined;
  /** The MCP endpoint path (default `/mcp`). */
  readonly path?: string | undefined;
  /** Largest request body accepted, in bytes (default 4 MiB: room for base64 attachments). */
  readonly maxBodyBytes?: number | undefined;
  /** Offer the front:// resources (default true). */
  readonly resources?: boolean | undefined;
  /**
   * Browser origins allowed to call the endpoint (e.g. `https://app.example.com`). Requests that
   * carry any other `Origin` get 403, as the MCP spec asks against DNS rebinding; server-to-server
   * clients send no Origin and are unaffected.
   */
  readonly allowedOrigins?: ReadonlyArray<string> | undefined;
  /** One line per request and per problem; never contains a token. */
  readonly log?: ((line: string) => void) | undefined;
}

/** A Node request listener serving MCP, plus its cleanup. */
export interface FrontMcpHttpHandler {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Disposes every account's FrontTools. */
  close(): Promise<void>;
  /** Accounts currently kept warm. */
  readonly accounts: number;
  /** Tool calls in flight. */
  readonly inflight: number;
}

const DEFAULT_MAX_BODY = 4 * 1024 * 1024;

/** The advice every auth refusal carries: this server takes a Front API token as a bearer token, nothing else. */
const SEND_BEARER =
  "this server does not use OAuth: send your Front API token (Front: Settings → Developers → API tokens) as the header Authorization: Bearer <Front API token>";

// Paths OAuth-capable clients probe after a 401 (RFC 9728 protected-resource metadata, RFC 8414 / OpenID
// discovery, and the legacy MCP fallback of /register, /authorize and /token on the server's origin).
const OAUTH_PATHS = /^\/(?:\.well-known\/(?:oauth-protected-resource|oauth-authorization-server|openid-configuration)(?:\/.*)?|register|authorize|token)$/;

/**
 * A Bearer challenge (RFC 6750) naming no `resource_metadata`, so clients find no OAuth server to send the
 * user to, with the advice in `error_description` (quoted-string: no `"` or `\`, ASCII only).
 */
const bearerChallenge = (description: string, error?: "invalid_token"): string => {
  const safe = description.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, "-");
  return `Bearer realm="frontkit-mcp"${error === undefined ? "" : `, error="${error}"`}, error_description="${safe}"`;
};

/** 404 in OAuth's error format, so a client that went looking for OAuth shows our advice rather than "HTTP 404". */
const sendNoOAuth = (res: ServerResponse): void => {
  if (res.headersSent) return;
  res.writeHead(404, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify({ error: "invalid_request", error_description: `Not found: ${SEND_BEARER}.` }));
};

class BodyTooLarge extends Error {}

const readBody = (req: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

const sendJsonRpcError = (res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}): void => {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }));
};

// Cancels travel in their own POST; route them to the call they name (see cancellation.ts).
const cancelsIn = (body: unknown): ReadonlyArray<{ requestId: string | number; reason?: string }> => {
  const messages = Array.isArray(body) ? body : [body];
  const out: Array<{ requestId: string | number; reason?: string }> = [];
  for (const m of messages) {
    if (typeof m !== "object" || m === null) continue;
    const msg = m as { method?: unknown; params?: { requestId?: unknown; reason?: unknown } };
    const id = msg.params?.requestId;
    if (msg.method === "notifications/cancelled" && (typeof id === "string" || typeof id === "number")) {
      out.push({ requestId: id, ...(typeof msg.params?.reason === "string" ? { reason: msg.params.reason } : {}) });
    }
  }
  return out;
};

/** Creates the request listener; throws on a bad tool selection or base URL (checked once, at startup). */
export const createFrontMcpHttpHandler = (options: FrontMcpHttpOptions = {}): FrontMcpHttpHandler => {
  selectTools(options, toolCatalog);
  const path = options.path ?? "/mcp";
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const log = options.log ?? (() => undefined);
  const makeTools = (token: string) =>
    createFrontTools({ ...options.toolsOptions, token, ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }) });
  // Fail at startup, not on the first request, when the base URL or options are wrong.
  void makeTools("frontkit-startup-check").dispose();
  const pool = new AccountPool(makeTools, options.maxAccounts ?? DEFAULT_MAX_ACCOUNTS);
  const inflight = new InflightCalls();
  const allowedOrigins = new Set(options.allowedOrigins ?? []);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const started = Date.now();
    let account = "-";
    res.on("finish", () => log(`${req.method} ${url.pathname} ${res.statusCode} account=${account.slice(0, 12)} ${Date.now() - started}ms`));

    if (url.pathname === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(req.method === "HEAD" ? undefined : JSON.stringify({ ok: true }));
      return;
    }
    if (url.pathname !== path && OAUTH_PATHS.test(url.pathname)) return sendNoOAuth(res);
    if (url.pathname !== path) return sendJsonRpcError(res, 404, -32601, `Not found: the MCP endpoint is POST ${path}.`);
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      return sendJsonRpcError(res, 403, -32000, `Origin ${origin} is not allowed; start the server with --allow-origin ${origin} to allow it.`);
    }

    const token = bearerToken(req.headers.authorization);
    if (token === undefined) {
      // No `error` code for a request without credentials (RFC 6750 §3.1); the description says what to send.
      return sendJsonRpcError(res, 401, -32001, `Missing Front API token: ${SEND_BEARER}.`, {
        "www-authenticate": bearerChallenge(`Missing Front API token: ${SEND_BEARER}`),
      });
    }
    // The one token rule, before the token reaches a client: a refusal says what is wrong, never the token.
    const checked = checkFrontToken(token);
    if (!checked.ok) {
      return sendJsonRpcError(res, 401, -32001, `The Front API token was refused: ${checked.problem}`, {
        "www-authenticate": bearerChallenge(`The Front API token was refused: ${checked.problem}`, "invalid_token"),
      });
    }
    if (req.method !== "POST") {
      // Stateless server: no standalone SSE stream (GET) and no session to delete (DELETE).
      return sendJsonRpcError(res, 405, -32000, "Method not allowed: this server is stateless; send JSON-RPC messages with POST.", { allow: "POST" });
    }

    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, maxBody)).toString("utf8"));
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendJsonRpcError(res, 413, -32600, `Request body larger than ${maxBody} bytes.`);
      return sendJsonRpcError(res, 400, -32700, "Parse error: the body is not valid JSON.");
    }

    let lease;
    try {
      lease = pool.acquire(token);
    } catch (error) {
      const reason = error instanceof Error ? redactString(error.message, [token]) : "invalid token";
      return sendJsonRpcError(res, 401, -32001, `The Front API token was refused: ${reason}`, {
        "www-authenticate": bearerChallenge(`The Front API token was refused: ${reason}`, "invalid_token"),
      });
    }
    account = lease.account;
    for (const c of cancelsIn(body)) inflight.cancel(lease.account, c.requestId, c.reason);

    const hangup = new AbortController();
    const leased = lease;
    const server = createFrontMcpServer({
      frontTools: leased.tools,
      readOnly: options.readOnly,
      tools: options.tools,
      resources: options.resources,
      signal: hangup.signal,
      secrets: [token],
      // A cancel that names this call arrives in another POST (see cancellation.ts). The call then
      // ends with a "cancelled" result on this POST's stream, which closes it and frees the lease.
      onCallStart: (id, controller) => inflight.register(leased.account, id, controller),
    });
    // No sessionIdGenerator: stateless, so any instance can answer any request and nothing is kept.
    const transport = new StreamableHTTPServerTransport({});
    let cleaned = false;
    const cleanup = (): void => {
      if (cleaned) return;
      cleaned = true;
      // The client hung up or the answer is complete: stop any call still running for it.
      hangup.abort();
      void transport.close().catch(() => undefined);
      void server.close().catch(() => undefined);
      leased.release();
    };
    res.on("close", cleanup);
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
    } catch (error) {
      log(`error handling request account=${account.slice(0, 12)}: ${error instanceof Error ? redactString(error.message, [token]) : "unknown"}`);
      sendJsonRpcError(res, 500, -32603, "Internal server error.");
      cleanup();
    }
  };

  return Object.defineProperties(handle, {
    close: { value: () => pool.close() },
    accounts: { get: () => pool.size },
    inflight: { get: () => inflight.size },
  }) as FrontMcpHttpHandler;
};

/** A listening HTTP server. */
export interface FrontMcpHttpServer {
  /** e.g. `http://127.0.0.1:8787/mcp`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly server: HttpServer;
  /** The request listener (its `accounts` and `inflight` counts). */
  readonly handler: FrontMcpHttpHandler;
  /** Stops listening, drops open connections and disposes every account. */
  close(): Promise<void>;
}

/** Starts the HTTP server (default 127.0.0.1 and a free port). */
export const startFrontMcpHttpServer = async (
  options: FrontMcpHttpOptions & { readonly host?: string | undefined; readonly port?: number | undefined } = {},
): Promise<FrontMcpHttpServer> => {
  const handler = createFrontMcpHttpHandler(options);
  const server = createServer((req, res) => {
    handler(req, res).catch(() => sendJsonRpcError(res, 500, -32603, "Internal server error."));
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}${options.path ?? "/mcp"}`,
    host: address.address,
    port: address.port,
    server,
    handler,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await handler.close();
    },
  };
};
