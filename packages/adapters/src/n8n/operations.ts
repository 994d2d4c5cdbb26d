/**
 * The node's Resource → Operation menus. Where each tool sits is part of its definition (`menu`); here are only
 * the resources, their labels and menu order.
 */
import { type ToolCatalogEntry, toolCatalog } from "@frontkit/tools";
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

/** Resource of tools nobody placed yet (a new tool shows up without an adapter change). */
export const OTHER_RESOURCE: FrontResource = { value: "other", name: "Other" };

/** Placement of a tool: its definition's menu (a catalog entry's, or the registry's by name), else "Other". */
export const placementOf = (tool: string | Pick<ToolCatalogEntry, "name" | "menu">): OperationPlacement => {
  const name = typeof tool === "string" ? tool : tool.name;
  const menu = typeof tool === "string" ? toolCatalog.find((e) => e.name === name)?.menu : tool.menu;
  return menu === undefined ? { resource: OTHER_RESOURCE.value, operation: name, name } : { resource: menu.resource, operation: menu.operation, name: menu.label };
};

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
