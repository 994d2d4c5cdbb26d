/**
 * MCP resources an agent working in Front wants at hand without a tool call:
 * the account's inboxes and tags as JSON. Each is backed by its list tool (so
 * it shares that tool's per-account cache and rate limiter) and offered only
 * when that tool is exposed.
 */
import type { FrontTools, ToolCatalogEntry } from "@frontkit/tools";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type Resource,
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

/** Registers resources/list, resources/read (and an empty templates list) for the exposed tools. */
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

  server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: listing }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: [] }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
    const resource = offered.find((r) => r.uri === request.params.uri);
    if (resource === undefined) {
      throw new McpError(ErrorCode.InvalidParams, `Unknown resource ${JSON.stringify(request.params.uri)}; this server offers: ${offered.map((r) => r.uri).join(", ") || "none"}.`);
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
