/**
 * Every tool, in name order, and what adapters derive from them.
 *
 * To add a tool: create `tools/<name>.ts` exporting its definition, import it
 * here and add one line to `tools` (keyed by its name; `registry` sorts them).
 */
import type { AnyToolDefinition, ToolAnnotations, ToolAttachments, ToolExample, ToolMenu, ToolPaging } from "./definition.js";
import { type JsonSchemaObject, toPlainJsonSchema } from "./json-schema.js";
import { addTag } from "./tools/add-tag.js";
import { createContact } from "./tools/create-contact.js";
import { getContact } from "./tools/get-contact.js";
import { getConversation } from "./tools/get-conversation.js";
import { listContacts } from "./tools/list-contacts.js";
import { listConversations } from "./tools/list-conversations.js";
import { listInboxes } from "./tools/list-inboxes.js";
import { listTags } from "./tools/list-tags.js";
import { listTeammates } from "./tools/list-teammates.js";
import { rawApiRequest } from "./tools/raw-api-request.js";
import { searchApiOperations } from "./tools/search-api-operations.js";
import { sendMessage } from "./tools/send-message.js";

const byName = (a: AnyToolDefinition, b: AnyToolDefinition) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Every tool keyed by its kebab-case name, with its precise types (the facade's methods derive from it). */
export const tools = {
  "add-tag": addTag,
  "create-contact": createContact,
  "get-contact": getContact,
  "get-conversation": getConversation,
  "list-contacts": listContacts,
  "list-conversations": listConversations,
  "list-inboxes": listInboxes,
  "list-tags": listTags,
  "list-teammates": listTeammates,
  "raw-api-request": rawApiRequest,
  "send-message": sendMessage,
} as const satisfies Record<string, AnyToolDefinition>;

/** All tools, sorted by name. */
export const registry: ReadonlyArray<AnyToolDefinition> = (Object.values(tools) as Array<AnyToolDefinition>).sort(byName);

/**
 * Tools for agents beside the eleven connector tools: discovery of the Core API operations that raw-api-request
 * can call. MCP offers them; the Spojit connector and n8n keep to `registry` (their tool set is the eleven).
 */
export const agentTools = {
  "search-api-operations": searchApiOperations,
} as const satisfies Record<string, AnyToolDefinition>;

/** Tools keyed by their kebab-case name (the eleven and the agent tools: `invoke` runs any of them). */
// No prototype: a name such as "constructor" or "__proto__" must find nothing, not Object.prototype's members.
export const toolsByName: Readonly<Record<string, AnyToolDefinition>> = Object.freeze(
  Object.assign(
    Object.create(null) as Record<string, AnyToolDefinition>,
    Object.fromEntries([...registry, ...(Object.values(agentTools) as Array<AnyToolDefinition>)].map((t) => [t.name, t])),
  ),
);

/** The names of all tools, sorted. */
export const toolNames: ReadonlyArray<string> = registry.map((t) => t.name);

/** MCP-style annotation hints. */
export interface ToolAnnotationHints {
  readonly readOnlyHint: boolean;
  readonly destructiveHint: boolean;
  readonly idempotentHint: boolean;
  readonly openWorldHint: boolean;
}

/** What an adapter needs to advertise a tool. */
export interface ToolCatalogEntry {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputJsonSchema: JsonSchemaObject;
  readonly outputJsonSchema: JsonSchemaObject;
  readonly annotations: ToolAnnotationHints;
  /** Its place in a Resource → Operation menu (absent: "Other"). */
  readonly menu?: ToolMenu;
  /** How it pages, when it lists things. */
  readonly paging?: ToolPaging;
  /** Which input takes file attachments, when one does. */
  readonly attachments?: ToolAttachments;
  /** Worked examples of its input. */
  readonly examples?: ReadonlyArray<ToolExample>;
}

/** Maps a definition's annotations to MCP's hint names. */
export const annotationHints = (a: ToolAnnotations): ToolAnnotationHints => ({
  readOnlyHint: a.readOnly,
  destructiveHint: a.destructive,
  idempotentHint: a.idempotent,
  openWorldHint: a.openWorld,
});

/** Catalog entry of one tool (JSON Schema derived from its Schemas). */
export const catalogEntry = (tool: AnyToolDefinition): ToolCatalogEntry => ({
  name: tool.name,
  title: tool.title,
  description: tool.description,
  inputJsonSchema: toPlainJsonSchema(tool.input),
  outputJsonSchema: toPlainJsonSchema(tool.output),
  annotations: annotationHints(tool.annotations),
  ...(tool.menu === undefined ? {} : { menu: tool.menu }),
  ...(tool.paging === undefined ? {} : { paging: tool.paging }),
  ...(tool.attachments === undefined ? {} : { attachments: tool.attachments }),
  examples: tool.examples,
});

/** The catalog of every tool, in name order. */
export const toolCatalog: ReadonlyArray<ToolCatalogEntry> = registry.map(catalogEntry);

/** What MCP servers offer: the eleven tools and the agent tools, in name order. */
export const mcpToolCatalog: ReadonlyArray<ToolCatalogEntry> = [...registry, ...(Object.values(agentTools) as Array<AnyToolDefinition>)]
  .sort(byName)
  .map(catalogEntry);
