/**
 * Where each tool sits in the node's Resource → Operation menus. Only placement lives
 * here; names, descriptions and fields come from the tool definitions.
 */
import type { INodePropertyOptions } from "n8n-workflow";

/** One Resource option of the node. */
export interface FrontResource {
  readonly value: string;
  readonly name: string;
}

/** The node's resources, in menu order. */
export const FRONT_RESOURCES: ReadonlyArray<FrontResource> = [
  { value: "conversation", name: "Conversation" },
  { value: "contact", name: "Contact" },
  { value: "message", name: "Message" },
  { value: "tag", name: "Tag" },
  { value: "inbox", name: "Inbox" },
  { value: "teammate", name: "Teammate" },
  { value: "rawApi", name: "Raw API" },
];

/** Placement of one tool: its resource, operation value and menu label. */
export interface OperationPlacement {
  readonly resource: string;
  readonly operation: string;
  readonly name: string;
}

// Operation values follow n8n's conventions (get, getAll, create) so workflows read
// like those of built-in nodes; a tool missing here still appears under "Other".
const PLACEMENTS: Readonly<Record<string, OperationPlacement>> = {
  "add-tag": { resource: "conversation", operation: "addTag", name: "Add Tag" },
  "get-conversation": { resource: "conversation", operation: "get", name: "Get" },
  "list-conversations": { resource: "conversation", operation: "getAll", name: "Get Many" },
  "create-contact": { resource: "contact", operation: "create", name: "Create" },
  "get-contact": { resource: "contact", operation: "get", name: "Get" },
  "list-contacts": { resource: "contact", operation: "getAll", name: "Get Many" },
  "send-message": { resource: "message", operation: "send", name: "Send" },
  "list-tags": { resource: "tag", operation: "getAll", name: "Get Many" },
  "list-inboxes": { resource: "inbox", operation: "getAll", name: "Get Many" },
  "list-teammates": { resource: "teammate", operation: "getAll", name: "Get Many" },
  "raw-api-request": { resource: "rawApi", operation: "request", name: "Request" },
};

/** Resource of tools nobody placed yet (a new tool shows up without an adapter change). */
export const OTHER_RESOURCE: FrontResource = { value: "other", name: "Other" };

/** Placement of a tool by name. */
export const placementOf = (toolName: string): OperationPlacement =>
  PLACEMENTS[toolName] ?? { resource: OTHER_RESOURCE.value, operation: toolName, name: toolName };

/** The tool name behind a resource/operation pair, if any. */
export const toolNameFor = (toolNames: ReadonlyArray<string>, resource: string, operation: string): string | undefined =>
  toolNames.find((name) => {
    const p = placementOf(name);
    return p.resource === resource && p.operation === operation;
  });

/** Resource options for the tools present (menu order, "Other" last when needed). */
export const resourceOptions = (toolNames: ReadonlyArray<string>): INodePropertyOptions[] => {
  const used = new Set(toolNames.map((n) => placementOf(n).resource));
  return [...FRONT_RESOURCES, OTHER_RESOURCE].filter((r) => used.has(r.value)).map((r) => ({ name: r.name, value: r.value }));
};
