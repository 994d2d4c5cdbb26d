/**
 * MCP resources an agent working in Front wants at hand without a tool call:
 * the account's inboxes and tags as JSON. Each is backed by its list tool (so
 * it shares that tool's per-account cache and rate limiter) and offered only
 * when that tool is exposed. Beside them, when search-api-operations is exposed,
 * the Core API operation catalogue it searches: front-api://operations (the
 * index) and front-api://operations/{operationId} (one operation's parameters
 * and body), read from @frontkit/tools on first use (the bin's cold start does
 * not load it).
 */
import type { FrontTools, ToolCatalogEntry } from "@frontkit/tools";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type ReadResourceResult,
  type Resource,
  type ResourceTemplate,
} from "@modelcontextprotocol/sdk/types.js";
import { formatToolError } from "./format-error.js";
import { redactJson } from "./redact.js";

/** A resource backed by a tool called without arguments. */
interface ToolResource {
  readonly uri: string;
  readonly name: string;
  readonly tool: string;
}

/** The resources this adapter can offer, by URI. */
export const FRONT_RESOURCES: ReadonlyArray<ToolResource> = [
  { uri: "front://inboxes", name: "inboxes", tool: "list-inboxes" },
  { uri: "front://tags", name: "tags", tool: "list-tags" },
];

/** URI of the operation catalogue's index; one operation is `${OPERATIONS_URI}/{operationId}`. */
export const OPERATIONS_URI = "front-api://operations";
const DISCOVERY_TOOL = "search-api-operations";

const operationsIndex: Resource = {
  uri: OPERATIONS_URI,
  name: "front-api-operations",
  title: "Front Core API operations",
  description: "Every Front Core API operation raw-api-request can call: operation_id, method, path template, summary. Read front-api://operations/{operationId} for its parameters and body.",
  mimeType: "application/json",
};
const operationTemplate: ResourceTemplate = {
  uriTemplate: `${OPERATIONS_URI}/{operationId}`,
  name: "front-api-operation",
  title: "One Front Core API operation",
  description: "One operation's method, path template, parameters, body schema (compact JSON Schema) and one-line shape, e.g. front-api://operations/update-conversation.",
  mimeType: "application/json",
};

/** Reads the operation catalogue resources; undefined when the URI is not one of them. */
const readOperations = async (uri: string): Promise<ReadResourceResult | undefined> => {
  if (uri !== OPERATIONS_URI && !uri.startsWith(`${OPERATIONS_URI}/`)) return undefined;
  const { apiOperations, describeOperation, operationById } = await import("@frontkit/tools");
  if (uri === OPERATIONS_URI) {
    const index = apiOperations().map((op) => ({ operation_id: op.operationId, method: op.method, path: op.path, summary: op.summary }));
    return { contents: [{ uri, mimeType: "application/json", text: JSON.stringify(index) }] };
  }
  const id = decodeURIComponent(uri.slice(OPERATIONS_URI.length + 1));
  const op = operationById(id);
  if (op === undefined) {
    throw new McpError(ErrorCode.InvalidParams, `Unknown operation ${JSON.stringify(id)}; read ${OPERATIONS_URI} for the list, or call ${DISCOVERY_TOOL}.`);
  }
  return { contents: [{ uri, mimeType: "application/json", text: JSON.stringify(describeOperation(op)) }] };
};

/** Registers resources/list, resources/read and resources/templates/list for the exposed tools. */
export const registerResources = (
  server: Server,
  context: { readonly getTools: () => FrontTools | Promise<FrontTools>; readonly selected: ReadonlyArray<ToolCatalogEntry>; readonly secrets: ReadonlyArray<string> },
): void => {
  const entries = new Map(context.selected.map((t) => [t.name, t]));
  const offered = FRONT_RESOURCES.filter((r) => entries.has(r.tool));
  const listing: Resource[] = offered.map((r) => {
    const entry = entries.get(r.tool) as ToolCatalogEntry;
    // Title and description come from the tool, so nothing about it is restated here.
    return { uri: r.uri, name: r.name, title: entry.title, description: `The JSON result of the ${r.tool} tool. ${entry.description}`, mimeType: "application/json" };
  });

  const discovery = entries.has(DISCOVERY_TOOL);
  if (discovery) listing.push(operationsIndex);

  server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: listing }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: discovery ? [operationTemplate] : [] }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
    if (discovery) {
      const operations = await readOperations(request.params.uri);
      if (operations !== undefined) return operations;
    }
    const resource = offered.find((r) => r.uri === request.params.uri);
    if (resource === undefined) {
      throw new McpError(ErrorCode.InvalidParams, `Unknown resource ${JSON.stringify(request.params.uri)}; this server offers: ${[...offered.map((r) => r.uri), ...(discovery ? [OPERATIONS_URI, operationTemplate.uriTemplate] : [])].join(", ") || "none"}.`);
    }
    let data: unknown;
    try {
      data = await (await context.getTools()).invoke(resource.tool, {}, { signal: extra.signal });
    } catch (error) {
      // Resources have no isError result: the formatted message travels as the JSON-RPC error.
      const formatted = formatToolError(error, { tool: resource.tool, secrets: context.secrets });
      const text = formatted.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
      throw new McpError(ErrorCode.InternalError, text);
    }
    return { contents: [{ uri: resource.uri, mimeType: "application/json", text: JSON.stringify(redactJson(data, context.secrets)) }] };
  });
};
