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
import type { Redactor } from "@frontkit/tools/redact";

/** A resource backed by a tool called without arguments. */
interface ToolResource {
  readonly uri: string;
  readonly name: string;
  readonly tool: string;
  /** What the resource holds, for someone reading it (a reader cannot pass arguments or call tools). */
  readonly holds: string;
  /** The list field of the tool's output whose item fields are named in the description. */
  readonly list: string;
}

/** The resources this adapter can offer, by URI. */
export const FRONT_RESOURCES: ReadonlyArray<ToolResource> = [
  {
    uri: "front://inboxes",
    name: "inboxes",
    tool: "list-inboxes",
    holds: "Every inbox of the Front account the server's token can see",
    list: "inboxes",
  },
  { uri: "front://tags", name: "tags", tool: "list-tags", holds: "Every tag of the Front account the server's token can see", list: "tags" },
];

/** URI of the operation catalogue's index; one operation is `${OPERATIONS_URI}/{operationId}`. */
export const OPERATIONS_URI = "front-api://operations";
const DISCOVERY_TOOL = "search-api-operations";

const operationsIndex: Resource = {
  uri: OPERATIONS_URI,
  name: "front-api-operations",
  title: "Front Core API operations",
  description:
    "Every Front Core API operation, as JSON [{ operation_id, method, path, summary }] (path is the spec's template, e.g. /conversations/{conversation_id}); " +
    "one operation's parameters and body schema are at front-api://operations/{operationId}. Built from Front's spec, not read from the account.",
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


type JsonSchemaNode = { readonly properties?: Record<string, JsonSchemaNode>; readonly items?: JsonSchemaNode };

/**
 * A description for readers, derived from the tool's output schema (its top-level fields, and the fields of
 * each listed item) rather than copied from the tool's description, which advises callers on arguments.
 */
const describeResource = (resource: ToolResource, entry: ToolCatalogEntry): string => {
  const output = entry.outputJsonSchema as JsonSchemaNode;
  const top = Object.keys(output.properties ?? {});
  const itemFields = Object.keys(output.properties?.[resource.list]?.items?.properties ?? {});
  return (
    `${resource.holds}, as JSON { ${top.join(", ")} }` +
    (itemFields.length === 0 ? ". " : `; each of ${resource.list} has ${itemFields.join(", ")}. `) +
    "Read from Front on first use, then cached per token for up to 5 minutes by default (the server's cache setting), " +
    "so something added in Front meanwhile can be missing until the cache expires." +
    (itemFields.some((f) => f.endsWith("_at")) ? " Timestamps (…_at) are unix seconds." : "")
  );
};

/** Registers resources/list, resources/read and resources/templates/list for the exposed tools. */
export const registerResources = (
  server: Server,
  context: { readonly getTools: () => FrontTools | Promise<FrontTools>; readonly selected: ReadonlyArray<ToolCatalogEntry>; readonly redact: Redactor },
): void => {
  const entries = new Map(context.selected.map((t) => [t.name, t]));
  const offered = FRONT_RESOURCES.filter((r) => entries.has(r.tool));
  const listing: Resource[] = offered.map((r) => {
    const entry = entries.get(r.tool) as ToolCatalogEntry;
    // The title is the tool's; the description is written for a reader of the resource (see describeResource).
    return { uri: r.uri, name: r.name, title: entry.title, description: describeResource(r, entry), mimeType: "application/json" };
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
      const formatted = formatToolError(error, { tool: resource.tool, redact: context.redact });
      const text = formatted.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
      throw new McpError(ErrorCode.InternalError, text);
    }
    return { contents: [{ uri: resource.uri, mimeType: "application/json", text: JSON.stringify(context.redact.json(data)) }] };
  });
};
