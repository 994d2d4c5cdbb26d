/**
 * The MCP server over a tool catalog and a way to get a FrontTools. It imports
 * only types from @frontkit/tools, so a process can answer `initialize` and
 * `tools/list` before Effect and the tools are loaded (the bin's cold start);
 * `createFrontMcpServer` is the everyday entry point built on it.
 */
import type { FrontTools, RequestEvent, ToolCatalogEntry } from "@frontkit/tools";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  type CallToolResult,
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type LoggingLevel,
  type ProgressToken,
  type RequestId,
  SetLevelRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { formatToolError } from "./format-error.js";
import { MAX_RESULT_DEPTH, type Redactor, redactorOf, ResultTooDeep } from "@frontkit/tools/redact";
import { atLeast, DEFAULT_LOG_LEVEL, formatRequestEvent, levelOf } from "./request-log.js";
import { registerResources } from "./resources.js";
import { hasStructuredOutput, toMcpTool } from "./tool-listing.js";
import { selectTools, type ToolSelection } from "./tool-selection.js";
import { ADAPTERS_VERSION } from "./version.js";

/** Options of `createCatalogServer`. */
export interface CatalogServerOptions extends ToolSelection {
  /** The tool catalog to expose (normally `toolCatalog` of @frontkit/tools). */
  readonly catalog: ReadonlyArray<ToolCatalogEntry>;
  /** The FrontTools calls run on; called per call, may load it lazily. */
  readonly getTools: () => FrontTools | Promise<FrontTools>;
  /** Offer front://inboxes and front://tags when their tools are exposed (default true). */
  readonly resources?: boolean | undefined;
  /** Aborts every call of this server (HTTP: the client hung up). */
  readonly signal?: AbortSignal | undefined;
  /** Called when a tool call starts, with its id and abort controller; returns the cleanup. */
  readonly onCallStart?: ((id: RequestId, controller: AbortController) => () => void) | undefined;
  /** Strings masked in every result (the Front token). */
  readonly secrets?: ReadonlyArray<string> | undefined;
  /** Masks the secrets in every result instead of `secrets` (the client cache's redactor of a Redacted token). */
  readonly redact?: Redactor | undefined;
  /** Called after each tools/list answer (the bin warms the tools up then). */
  readonly onToolsListed?: (() => void) | undefined;
}

const PROGRESS_SETTLE_MS = 15;

const INSTRUCTIONS =
  "Tools for Front, the shared-inbox platform: read inboxes, conversations, contacts, tags and teammates, " +
  "and (unless the server is read-only) tag conversations, create contacts and send messages. Ids look like " +
  "inb_…, cnv_…, tag_…, crd_…, tea_…, cha_…. Use the list-* tools to find ids before acting on them.";

/** Why a tool of the catalog is not served here, as an InvalidInput (nothing was sent); the formatter says how to get it. */
const hiddenTool = (entry: ToolCatalogEntry, selection: ToolSelection, selected: ReadonlyArray<ToolCatalogEntry>) => {
  const readOnly = selection.readOnly === true && !entry.annotations.readOnlyHint;
  const message = readOnly
    ? `${entry.name} is not available: this server runs read-only, which hides the tools that can change Front.`
    : `${entry.name} is not available: this server exposes only ${selected.map((t) => t.name).join(", ")}.`;
  return { _tag: "InvalidInput", message, retryable: false, issues: [], hiddenBy: readOnly ? "readOnly" : "tools" } as const;
};

/** The server's redactor: the given one, and the plain `secrets` too when both are given. */
const withSecrets = (given: Redactor | undefined, secrets: ReadonlyArray<string>): Redactor => {
  const plain = redactorOf(secrets);
  if (given === undefined) return plain;
  if (secrets.length === 0) return given;
  return { text: (text) => given.text(plain.text(text)), json: (value) => given.json(plain.json(value)) };
};

// One JSON Schema validator for every server of the process. The SDK otherwise builds a new Ajv (formats included)
// per Server — per request under stateless HTTP, a large share of a call's CPU — and uses it only to check
// elicitation answers, keeping nothing per server.
let sharedValidator: AjvJsonSchemaValidator | undefined;

// The tools/list answer per catalog and selection, built once: it is the same for every server (every HTTP request).
const listings = new WeakMap<ReadonlyArray<ToolCatalogEntry>, Map<string, { readonly tools: ReadonlyArray<ReturnType<typeof toMcpTool>> }>>();
const listingFor = (catalog: ReadonlyArray<ToolCatalogEntry>, selected: ReadonlyArray<ToolCatalogEntry>) => {
  let byKey = listings.get(catalog);
  if (byKey === undefined) listings.set(catalog, (byKey = new Map()));
  const key = selected.map((t) => t.name).join(",");
  let listing = byKey.get(key);
  if (listing === undefined) byKey.set(key, (listing = { tools: selected.map(toMcpTool) }));
  return listing;
};

/** An MCP server exposing the selected catalog entries; throws ToolSelectionError on a bad selection. */
export const createCatalogServer = (options: CatalogServerOptions): Server => {
  const selected = selectTools(options, options.catalog);
  const redact = withSecrets(options.redact, options.secrets ?? []);
  const exposeResources = options.resources !== false;
  const server = new Server(
    { name: "frontkit-mcp", title: "Front", version: ADAPTERS_VERSION },
    {
      capabilities: { tools: { listChanged: false }, logging: {}, ...(exposeResources ? { resources: { listChanged: false } } : {}) },
      instructions: INSTRUCTIONS,
      jsonSchemaValidator: (sharedValidator ??= new AjvJsonSchemaValidator()),
    },
  );

  // The level the client asked for with logging/setLevel; one server serves one connection (stdio) or one
  // request (stateless HTTP, where a level set in one POST does not carry to the next).
  let logLevel: LoggingLevel = DEFAULT_LOG_LEVEL;
  server.setRequestHandler(SetLevelRequestSchema, (request) => {
    logLevel = request.params.level;
    return {};
  });

  const byName = new Map<string, ToolCatalogEntry>(selected.map((t) => [t.name, t]));
  const listing = listingFor(options.catalog, selected);

  server.setRequestHandler(ListToolsRequestSchema, () => {
    if (options.onToolsListed !== undefined) setImmediate(options.onToolsListed);
    return listing;
  });

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const name = request.params.name;
    const entry = byName.get(name);
    if (entry === undefined) {
      const hidden = options.catalog.find((t) => t.name === name);
      if (hidden !== undefined) return formatToolError(hiddenTool(hidden, options, selected), { tool: name, redact, audience: options.audience });
      return formatToolError(
        {
          _tag: "InvalidInput",
          message: `Unknown tool ${JSON.stringify(name)}.`,
          retryable: false,
          issues: [{ path: "name", message: `unknown tool ${JSON.stringify(name)}; this server offers: ${[...byName.keys()].join(", ")}` }],
        },
        { tool: name, redact },
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
    // Progress and log messages must reach the client before the result: a client drops progress for a
    // request it already has the answer to. Sending is async, so the result waits for the sends in flight.
    const progressSent: Array<Promise<unknown>> = [];
    const onRequest = (event: RequestEvent): void => {
      const level = levelOf(event);
      if (!atLeast(level, logLevel)) return;
      const sent = extra
        .sendNotification({ method: "notifications/message", params: { level, logger: "frontkit", data: redact.text(formatRequestEvent(event)) } })
        .catch(() => undefined);
      progressSent.push(sent);
    };
    const onProgress =
      progressToken === undefined
        ? undefined
        : (p: { progress: number; total?: number; message?: string }) => {
            // Advisory: a notification that cannot be sent (client gone) must not fail the call.
            const sent = extra
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
            progressSent.push(sent);
          };
    try {
      const tools = await options.getTools();
      const data = await tools.invoke(entry.name, request.params.arguments ?? {}, {
        signal: controller.signal,
        onRequest,
        ...(onProgress === undefined ? {} : { onProgress }),
      });
      const safe = redact.json(data);
      const structured = hasStructuredOutput(entry) && typeof safe === "object" && safe !== null && !Array.isArray(safe);
      return {
        content: [{ type: "text", text: JSON.stringify(safe) ?? "null" }],
        ...(structured ? { structuredContent: safe as Record<string, unknown> } : {}),
      };
    } catch (error) {
      if (error instanceof ResultTooDeep) {
        // Front's answer itself is the problem, not frontkit: a typed UnexpectedResponse, not an internal error.
        return formatToolError(
          // The typed error's plain shape: this module loads nothing from @frontkit/tools at runtime.
          {
            _tag: "UnexpectedResponse",
            retryable: false,
            operation: entry.name,
            message: `Front's answer to ${entry.name} is nested more than ${MAX_RESULT_DEPTH} levels deep, so it cannot be returned; check the base URL points at Front's Core API, or ask for a narrower resource.`,
          },
          { tool: entry.name, redact },
        );
      }
      return formatToolError(error, { tool: entry.name, redact });
    } finally {
      await Promise.all(progressSent);
      // The SDK client handles notifications a microtask late but responses at once, so progress read
      // in the same chunk as the result is dropped (modelcontextprotocol/typescript-sdk#2580). A short
      // pause after the last progress keeps them in separate reads; only calls that sent progress pay it.
      if (progressSent.length > 0) await new Promise((r) => setTimeout(r, PROGRESS_SETTLE_MS));
      extra.signal.removeEventListener("abort", abort);
      options.signal?.removeEventListener("abort", abort);
      unregister?.();
    }
  });

  if (exposeResources) registerResources(server, { getTools: options.getTools, selected, redact });
  return server;
};
