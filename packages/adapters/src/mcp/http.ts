/**
 * Streamable HTTP for hosted use: one process, many Front accounts. Every
 * request brings its own Front token as `Authorization: Bearer …`; requests
 * without one get 401 before anything else happens. Stateless: each POST gets
 * a fresh MCP server bound to that account's FrontTools (from the LRU), and
 * nothing about the caller outlives the process.
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkFrontToken, ClientCache, createFrontTools, DEFAULT_MAX_CLIENTS, type FrontToolsOptions, mcpToolCatalog, secretOf } from "@frontkit/tools";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { bearerToken } from "./bearer.js";
import { InflightCalls } from "./cancellation.js";
import { createFrontMcpServer } from "./server.js";
import { serverSettingNames } from "./setting-names.js";
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
  /** Longest time a client may take to send its body (default 10 s); a slower one gets 408. */
  readonly bodyTimeoutMs?: number | undefined;
  /**
   * Most bytes of request bodies held at once across all clients (default 64 MiB): tokens are only proven by
   * Front, so many clients with made-up tokens must not pin memory; past it requests get 503 until it drains.
   */
  readonly maxBufferedBodyBytes?: number | undefined;
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
const DEFAULT_BODY_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BUFFERED_BODY = 64 * 1024 * 1024;

// What a browser client of an allowed origin may send and read (the MCP Streamable HTTP headers).
const CORS_ALLOW_HEADERS = "authorization, content-type, accept, mcp-protocol-version, mcp-session-id, last-event-id";
const CORS_EXPOSE_HEADERS = "mcp-session-id, mcp-protocol-version, www-authenticate";

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
class BodyTooSlow extends Error {}
class ServerBusy extends Error {}

/** Bytes of request bodies held right now, across every client of one handler. */
interface BodyBudget {
  held: number;
  readonly max: number;
}

/**
 * Reads a request body within `limit` bytes and `timeoutMs`, counting what it holds against the shared
 * `budget` until it is released (by the returned promise settling). A refused body stops being read.
 */
const readBody = (req: IncomingMessage, limit: number, timeoutMs: number, budget: BodyBudget): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: Error | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      budget.held -= size;
      req.removeAllListeners("data");
      if (error === undefined) return resolve(Buffer.concat(chunks));
      req.resume();
      reject(error);
    };
    const timer = setTimeout(() => finish(new BodyTooSlow()), timeoutMs);
    req.on("data", (chunk: Buffer) => {
      if (settled) return;
      if (size + chunk.length > limit) return finish(new BodyTooLarge());
      if (budget.held + chunk.length > budget.max) return finish(new ServerBusy());
      size += chunk.length;
      budget.held += chunk.length;
      chunks.push(chunk);
    });
    req.on("end", () => finish(undefined));
    req.on("error", (error) => finish(error));
  });

/** Removes from a batch the requests cancelled by a notification in the same batch, and those notifications. */
const dropSelfCancelled = (body: unknown, cancelled: ReadonlyArray<{ requestId: string | number }>): unknown => {
  if (!Array.isArray(body) || cancelled.length === 0) return body;
  const ids = new Set(cancelled.map((c) => `${typeof c.requestId}:${String(c.requestId)}`));
  const key = (m: unknown): string | undefined => {
    if (typeof m !== "object" || m === null) return undefined;
    const id = (m as { id?: unknown }).id;
    return typeof id === "string" || typeof id === "number" ? `${typeof id}:${String(id)}` : undefined;
  };
  const inBatch = new Set(body.map(key).filter((k): k is string => k !== undefined && ids.has(k)));
  if (inBatch.size === 0) return body;
  return body.filter((m) => {
    const k = key(m);
    if (k !== undefined && inBatch.has(k)) return false;
    const msg = m as { method?: unknown; params?: { requestId?: unknown } } | null;
    const target = msg?.params?.requestId;
    const cancels = msg?.method === "notifications/cancelled" && (typeof target === "string" || typeof target === "number");
    return !(cancels && inBatch.has(`${typeof target}:${String(target)}`));
  });
};

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
  selectTools(options, mcpToolCatalog);
  const path = options.path ?? "/mcp";
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const bodyBudget: BodyBudget = { held: 0, max: options.maxBufferedBodyBytes ?? DEFAULT_MAX_BUFFERED_BODY };
  const log = options.log ?? (() => undefined);
  // Fail at startup, not on the first request, when the base URL or options are wrong.
  void createFrontTools({ ...options.toolsOptions, token: "frontkit-startup-check", ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }) }).dispose();
  // One client per account (token), kept across requests: its rate limiter and list caches are the account's.
  const pool = new ClientCache({ clientOptions: options.toolsOptions ?? {}, maxClients: options.maxAccounts ?? DEFAULT_MAX_CLIENTS });
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
      return sendJsonRpcError(res, 403, -32000, `Origin ${origin} is not allowed; start the server with ${origin} in ${serverSettingNames(options.audience).allowedOrigins} to allow it.`);
    }
    if (origin !== undefined) {
      // An allowed browser origin may read every answer, refusals included (so it can show them).
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("access-control-expose-headers", CORS_EXPOSE_HEADERS);
      res.setHeader("vary", "Origin");
    }
    if (req.method === "OPTIONS") {
      // A CORS preflight carries no credentials: it is answered before auth (for allowed origins only).
      if (origin === undefined) return sendJsonRpcError(res, 405, -32000, "Method not allowed: send JSON-RPC messages with POST.", { allow: "POST" });
      res.writeHead(204, {
        "access-control-allow-methods": "POST",
        "access-control-allow-headers": CORS_ALLOW_HEADERS,
        "access-control-max-age": "600",
      });
      res.end();
      return;
    }

    // Node keeps only the first of repeated Authorization headers; two credentials are ambiguous: refuse them.
    if ((req.headersDistinct["authorization"]?.length ?? 0) > 1) {
      return sendJsonRpcError(res, 400, -32600, `Several Authorization headers were sent; send exactly one: ${SEND_BEARER}.`);
    }
    const bearer = bearerToken(req.headers.authorization);
    if (bearer === undefined) {
      // No `error` code for a request without credentials (RFC 6750 §3.1); the description says what to send.
      return sendJsonRpcError(res, 401, -32001, `Missing Front API token: ${SEND_BEARER}.`, {
        "www-authenticate": bearerChallenge(`Missing Front API token: ${SEND_BEARER}`),
      });
    }
    // The one token rule, before the token reaches a client: a refusal says what is wrong, never the token.
    const checked = checkFrontToken(bearer);
    if (!checked.ok) {
      return sendJsonRpcError(res, 401, -32001, `The Front API token was refused: ${checked.problem}`, {
        "www-authenticate": bearerChallenge(`The Front API token was refused: ${checked.problem}`, "invalid_token"),
      });
    }
    // From here on the token is Redacted: it prints as <redacted>, and only the client's header reads it.
    const token = secretOf(checked.token);
    if (req.method !== "POST") {
      // Stateless server: no standalone SSE stream (GET) and no session to delete (DELETE).
      return sendJsonRpcError(res, 405, -32000, "Method not allowed: this server is stateless; send JSON-RPC messages with POST.", { allow: "POST" });
    }

    // Refused before a byte of the body is held: a body that is not JSON by its content type.
    const contentType = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    if (contentType !== "application/json") {
      return sendJsonRpcError(res, 415, -32600, "Unsupported content type: send the JSON-RPC message as Content-Type: application/json.");
    }
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, maxBody, bodyTimeoutMs, bodyBudget)).toString("utf8"));
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendJsonRpcError(res, 413, -32600, `Request body larger than ${maxBody} bytes.`, { connection: "close" });
      if (error instanceof BodyTooSlow) return sendJsonRpcError(res, 408, -32600, `The request body did not arrive within ${bodyTimeoutMs} ms.`, { connection: "close" });
      if (error instanceof ServerBusy) return sendJsonRpcError(res, 503, -32000, "The server is busy reading other requests; retry shortly.", { "retry-after": "1", connection: "close" });
      return sendJsonRpcError(res, 400, -32700, "Parse error: the body is not valid JSON.");
    }

    let lease;
    try {
      lease = pool.acquire({ token, baseUrl: options.baseUrl });
    } catch (error) {
      // The message of the tools' InvalidInput never holds the token (makeFront's rule).
      const reason = error instanceof Error ? error.message : "invalid token";
      return sendJsonRpcError(res, 401, -32001, `The Front API token was refused: ${reason}`, {
        "www-authenticate": bearerChallenge(`The Front API token was refused: ${reason}`, "invalid_token"),
      });
    }
    account = lease.key;
    const cancels = cancelsIn(body);
    for (const c of cancels) inflight.cancel(lease.key, c.requestId, c.reason);
    // A call cancelled in its own batch is never started: the SDK would run it and, cancelled, never answer
    // it, so the stream would wait for that answer forever.
    body = dropSelfCancelled(body, cancels);
    if (Array.isArray(body) && body.length === 0) {
      lease.release();
      res.writeHead(202);
      res.end();
      return;
    }

    const hangup = new AbortController();
    const leased = lease;
    const server = createFrontMcpServer({
      frontTools: leased.client,
      readOnly: options.readOnly,
      tools: options.tools,
      audience: options.audience,
      resources: options.resources,
      signal: hangup.signal,
      redact: leased.redact,
      // A cancel that names this call arrives in another POST (see cancellation.ts). The call then
      // ends with a "cancelled" result on this POST's stream, which closes it and frees the lease.
      onCallStart: (id, controller) => inflight.register(leased.key, id, controller),
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
      log(`error handling request account=${account.slice(0, 12)}: ${error instanceof Error ? leased.redact.text(error.message) : "unknown"}`);
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
  // Slow clients cannot hold a connection open indefinitely: headers within 10 s, the whole request within 30 s.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
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
