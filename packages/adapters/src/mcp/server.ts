/**
 * `createFrontMcpServer`: the Front tools as an MCP server (the SDK's low-level
 * `Server`, so the catalog's JSON Schemas go out untouched). Transport-agnostic:
 * connect it to stdio, Streamable HTTP or an in-memory pair.
 */
import { createFrontTools, type FrontTools, type FrontToolsOptions, type ToolCatalogEntry } from "@frontkit/tools";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  type CallToolResult,
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type ProgressToken,
  type RequestId,
} from "@modelcontextprotocol/sdk/types.js";
import { formatToolError } from "./format-error.js";
import { redactJson } from "./redact.js";
import { registerResources } from "./resources.js";
import { hasStructuredOutput, toMcpTool } from "./tool-listing.js";
import { selectTools, type ToolSelection } from "./tool-selection.js";
import { ADAPTERS_VERSION } from "./version.js";

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
  /** Secrets masked in every result besides `token` (e.g. the HTTP request's token). */
  readonly secrets?: ReadonlyArray<string> | undefined;
}

const INSTRUCTIONS =
  "Tools for Front, the shared-inbox platform: read inboxes, conversations, contacts, tags and teammates, " +
  "and (unless the server is read-only) tag conversations, create contacts and send messages. Ids look like " +
  "inb_…, cnv_…, tag_…, crd_…, tea_…, cha_…. Use the list-* tools to find ids before acting on them.";

/** Returns a configured MCP server exposing the selected Front tools; throws on a bad selection or token. */
export const createFrontMcpServer = (options: FrontMcpServerOptions): Server => {
  const selected = selectTools(options);
  const owned = options.frontTools === undefined;
  if (owned && (options.token === undefined || options.token === "")) {
    throw new TypeError("createFrontMcpServer needs a Front API token (options.token) or a FrontTools instance (options.frontTools).");
  }
  const tools =
    options.frontTools ?? createFrontTools({ ...options.toolsOptions, token: options.token as string, ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }) });
  const secrets = [...(options.token === undefined ? [] : [options.token]), ...(options.secrets ?? [])];

  const exposeResources = options.resources !== false;
  const server = new Server(
    { name: "frontkit-mcp", title: "Front", version: ADAPTERS_VERSION },
    {
      capabilities: { tools: { listChanged: false }, ...(exposeResources ? { resources: { listChanged: false } } : {}) },
      instructions: INSTRUCTIONS,
    },
  );

  const byName = new Map<string, ToolCatalogEntry>(selected.map((t) => [t.name, t]));
  const listing = { tools: selected.map(toMcpTool) };

  server.setRequestHandler(ListToolsRequestSchema, () => listing);

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const name = request.params.name;
    const entry = byName.get(name);
    if (entry === undefined) {
      return formatToolError(
        {
          _tag: "InvalidInput",
          message: `Unknown tool ${JSON.stringify(name)}.`,
          retryable: false,
          issues: [{ path: "name", message: `unknown tool ${JSON.stringify(name)}; this server offers: ${[...byName.keys()].join(", ")}` }],
        },
        { tool: name, secrets },
      );
    }
    // One controller per call: aborted by the MCP cancel of this request, by the connection
    // going away (HTTP), or by a cancel that arrived on another HTTP request (onCallStart).
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    extra.signal.addEventListener("abort", abort, { once: true });
    options.signal?.addEventListener("abort", abort, { once: true });
    if (extra.signal.aborted || options.signal?.aborted === true) abort();
    const unregister = options.onCallStart?.(extra.requestId, controller);

    const progressToken: ProgressToken | undefined = request.params._meta?.progressToken;
    const onProgress =
      progressToken === undefined
        ? undefined
        : (p: { progress: number; total?: number; message?: string }) => {
            // Advisory: a notification that cannot be sent (client gone) must not fail the call.
            extra
              .sendNotification({
                method: "notifications/progress",
                params: {
                  progressToken,
                  progress: p.progress,
                  ...(p.total === undefined ? {} : { total: p.total }),
                  ...(p.message === undefined ? {} : { message: p.message }),
                },
              })
              .catch(() => undefined);
          };
    try {
      const data = await tools.invoke(entry.name, request.params.arguments ?? {}, {
        signal: controller.signal,
        ...(onProgress === undefined ? {} : { onProgress }),
      });
      const safe = redactJson(data, secrets);
      const structured = hasStructuredOutput(entry) && typeof safe === "object" && safe !== null && !Array.isArray(safe);
      return {
        content: [{ type: "text", text: JSON.stringify(safe) ?? "null" }],
        ...(structured ? { structuredContent: safe as Record<string, unknown> } : {}),
      };
    } catch (error) {
      return formatToolError(error, { tool: entry.name, secrets });
    } finally {
      extra.signal.removeEventListener("abort", abort);
      options.signal?.removeEventListener("abort", abort);
      unregister?.();
    }
  });

  if (exposeResources) registerResources(server, { tools, selected, secrets });

  if (owned) {
    // The server created this FrontTools, so it releases it (rate limiter, caches) when the transport closes.
    server.onclose = () => {
      void tools.dispose();
    };
  }
  return server;
};
