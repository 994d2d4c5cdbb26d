/**
 * `createFrontMcpServer`: the Front tools as an MCP server (the SDK's low-level
 * `Server`, so the catalog's JSON Schemas go out untouched). Transport-agnostic:
 * connect it to stdio, Streamable HTTP or an in-memory pair.
 */
import { createFrontTools, type FrontTools, type FrontToolsOptions, mcpToolCatalog } from "@frontkit/tools";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { RequestId } from "@modelcontextprotocol/sdk/types.js";
import type { Redactor } from "@frontkit/tools/redact";
import { createCatalogServer } from "./catalog-server.js";
import { selectTools, type ToolSelection } from "./tool-selection.js";

/** Options of `createFrontMcpServer`. Give either `token` (the server owns its client) or `frontTools`. */
export interface FrontMcpServerOptions extends ToolSelection {
  /** Front API token; the server creates (and on close disposes) its own FrontTools. */
  readonly token?: string | undefined;
  /** Core API base URL, with `token` (default https://api2.frontapp.com). */
  readonly baseUrl?: string | undefined;
  /** More FrontTools options, with `token` (fetch, retry, timeoutMs, …). */
  readonly toolsOptions?: Omit<FrontToolsOptions, "token" | "baseUrl"> | undefined;
  /** An existing FrontTools to run calls on (shared across servers; the caller disposes it). */
  readonly frontTools?: FrontTools | undefined;
  /** Offer front://inboxes and front://tags when their tools are exposed (default true). */
  readonly resources?: boolean | undefined;
  /** Aborts every call of this server (HTTP: the client hung up). */
  readonly signal?: AbortSignal | undefined;
  /** Hook called when a tool call starts, with its id and abort controller; returns the cleanup. */
  readonly onCallStart?: ((id: RequestId, controller: AbortController) => () => void) | undefined;
  /** Secrets masked in every result besides `token`. */
  readonly secrets?: ReadonlyArray<string> | undefined;
  /** Masks the secrets of `frontTools` in every result (the client cache's redactor of the HTTP request's token). */
  readonly redact?: Redactor | undefined;
}

/** Returns a configured MCP server exposing the selected Front tools; throws on a bad selection, token or base URL. */
export const createFrontMcpServer = (options: FrontMcpServerOptions): Server => {
  selectTools(options, mcpToolCatalog); // a bad selection fails before a client is created
  const owned = options.frontTools === undefined;
  if (owned && (options.token === undefined || options.token === "")) {
    throw new TypeError("createFrontMcpServer needs a Front API token (options.token) or a FrontTools instance (options.frontTools).");
  }
  const tools =
    options.frontTools ??
    createFrontTools({ ...options.toolsOptions, token: options.token as string, ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }) });
  const server = createCatalogServer({
    catalog: mcpToolCatalog,
    getTools: () => tools,
    readOnly: options.readOnly,
    tools: options.tools,
    audience: options.audience,
    resources: options.resources,
    signal: options.signal,
    onCallStart: options.onCallStart,
    secrets: [...(options.token === undefined ? [] : [options.token]), ...(options.secrets ?? [])],
    redact: options.redact,
  });
  if (owned) {
    // The server created this FrontTools, so it releases it (rate limiter, caches) when the transport closes.
    server.onclose = () => {
      void tools.dispose();
    };
  }
  return server;
};
