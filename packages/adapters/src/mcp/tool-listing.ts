/**
 * Catalog entries as MCP `Tool` objects. The JSON Schemas pass straight
 * through from the catalog (the low-level SDK server takes raw JSON Schema), so
 * what clients see is exactly what the tools decode and return.
 */
import type { ToolCatalogEntry } from "@frontkit/tools";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";

const isObjectSchema = (schema: Readonly<Record<string, unknown>>): boolean => schema["type"] === "object";

/** True when a tool's output can be sent as `structuredContent` (MCP requires an object schema for it). */
export const hasStructuredOutput = (entry: ToolCatalogEntry): boolean => isObjectSchema(entry.outputJsonSchema);

/** One catalog entry as an MCP tool. */
export const toMcpTool = (entry: ToolCatalogEntry): Tool => {
  // MCP requires an object at the root of inputSchema; a root without `type` (e.g. a pure anyOf
  // of objects) is still an object schema, so we only add the keyword MCP checks for.
  const inputSchema = (isObjectSchema(entry.inputJsonSchema) ? entry.inputJsonSchema : { type: "object", ...entry.inputJsonSchema }) as Tool["inputSchema"];
  return {
    name: entry.name,
    title: entry.title,
    description: entry.description,
    inputSchema,
    ...(hasStructuredOutput(entry) ? { outputSchema: entry.outputJsonSchema as NonNullable<Tool["outputSchema"]> } : {}),
    annotations: { title: entry.title, ...entry.annotations },
  };
};
