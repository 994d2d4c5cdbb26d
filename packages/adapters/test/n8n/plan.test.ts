/** Operation plans and the node description derived from a catalog. */
import type { ToolCatalogEntry } from "@frontkit/tools";
import { describe, expect, it } from "vitest";
import { nodeDescription } from "../../src/n8n/description.js";
import { FRONT_RESOURCES, placementOf } from "../../src/n8n/operations.js";
import { planOf } from "../../src/n8n/plan.js";

// What a definition declares (menu, paging, attachments) travels in its catalog entry: the plan reads it, never guesses.
const entry = (name: string, input: object, output: object, declared: Partial<ToolCatalogEntry> = {}): ToolCatalogEntry =>
  ({
    ...declared,
    name,
    title: `Title of ${name}`,
    description: `Use this to ${name}.`,
    inputJsonSchema: input,
    outputJsonSchema: output,
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  }) as unknown as ToolCatalogEntry;

const listContacts = entry(
  "list-contacts",
  { type: "object", properties: { limit: { type: "integer", maximum: 100 }, page_token: { type: "string" }, sort_by: { type: "string" } } },
  { type: "object", properties: { contacts: { type: "array", items: { type: "object" } }, next_page_token: { anyOf: [{ type: "string" }, { type: "null" }] } } },
  {
    menu: { resource: "contact", operation: "getAll", label: "Get Many" },
    paging: { mode: "cursor", items: "contacts", limit: "limit", cursor: "page_token", next: "next_page_token" },
  },
);
const listTags = entry(
  "list-tags",
  { type: "object", properties: { refresh: { type: "boolean" } } },
  { type: "object", properties: { tags: { type: "array", items: { type: "object" } }, count: { type: "integer" } } },
  { menu: { resource: "tag", operation: "getAll", label: "Get Many" }, paging: { mode: "all", items: "tags" } },
);
const getContact = entry(
  "get-contact",
  { type: "object", properties: { contact_id: { type: "string" } } },
  { type: "object", properties: { contact: { type: "object" } } },
  { menu: { resource: "contact", operation: "get", label: "Get" } },
);
const sendMessage = entry(
  "send-message",
  {
    type: "object",
    required: ["body"],
    properties: {
      body: { type: "string" },
      attachments: { type: "array", items: { type: "object", properties: { filename: { type: "string" }, content_type: { type: "string" }, data: { type: "string", contentEncoding: "base64" } } } },
    },
  },
  { type: "object", properties: { message_uid: { type: "string" } } },
  {
    menu: { resource: "message", operation: "send", label: "Send" },
    attachments: { field: "attachments", filename: "filename", contentType: "content_type", data: "data" },
  },
);

describe("planOf", () => {
  it("pages by token when the tool takes limit + page_token and returns a next token", () => {
    const plan = planOf(listContacts);
    expect(plan.listKey).toBe("contacts");
    expect(plan.paging).toEqual({ mode: "token", limitKey: "limit", tokenKey: "page_token", nextKey: "next_page_token", maxPageSize: 100 });
    expect(plan.fields.map((f) => f.key)).toEqual(["sort_by"]);
  });

  it("trims client-side when the tool returns everything", () => {
    const plan = planOf(listTags);
    expect(plan.listKey).toBe("tags");
    expect(plan.paging).toEqual({ mode: "all" });
  });

  it("has no paging for single-object answers", () => {
    expect(planOf(getContact).paging).toBeUndefined();
  });

  it("reads attachments from binary data instead of showing the field", () => {
    const plan = planOf(sendMessage);
    expect(plan.attachments).toEqual({ key: "attachments", filenameKey: "filename", contentTypeKey: "content_type", dataKey: "data", dataEncoding: "base64" });
    expect(plan.fields.map((f) => f.key)).toEqual(["body"]);
  });

  it("places unknown tools under Other so a new tool is never hidden", () => {
    expect(placementOf("brand-new-tool")).toEqual({ resource: "other", operation: "brand-new-tool", name: "brand-new-tool" });
  });
});

describe("nodeDescription", () => {
  const description = nodeDescription([listContacts, listTags, getContact, sendMessage].map(planOf));

  it("is a usable-as-tool Front node with the Front API credentials", () => {
    expect(description).toMatchObject({ name: "front", displayName: "Front", usableAsTool: true, version: 1, icon: "file:front.svg" });
    expect(description.credentials).toEqual([{ name: "frontApi", required: true }]);
  });

  it("offers only the resources that have tools, in menu order", () => {
    const resource = description.properties.find((p) => p.name === "resource");
    expect(resource?.options).toEqual([
      { name: "Contact", value: "contact" },
      { name: "Message", value: "message" },
      { name: "Tag", value: "tag" },
    ]);
    expect(FRONT_RESOURCES.map((r) => r.name)).toEqual(["Conversation", "Contact", "Message", "Tag", "Inbox", "Teammate", "Raw API"]);
  });

  it("takes operation labels and descriptions from the tool definitions", () => {
    const contactOps = description.properties.find((p) => p.name === "operation" && p.displayOptions?.show?.resource?.[0] === "contact");
    expect(contactOps?.options).toEqual([
      { name: "Get", value: "get", action: "Title of get-contact", description: "Use this to get-contact." },
      { name: "Get Many", value: "getAll", action: "Title of list-contacts", description: "Use this to list-contacts." },
    ]);
  });

  it("adds Return All / Limit to list operations and the binary property field to send", () => {
    const names = (resource: string, operation: string) =>
      description.properties
        .filter((p) => p.displayOptions?.show?.resource?.[0] === resource && p.displayOptions?.show?.operation?.[0] === operation)
        .map((p) => p.name);
    expect(names("contact", "getAll")).toEqual(["additionalFields", "returnAll", "limit"]);
    expect(names("tag", "getAll")).toEqual(["additionalFields", "returnAll", "limit"]);
    expect(names("contact", "get")).toEqual(["additionalFields"]);
    expect(names("message", "send")).toEqual(["body", "binaryProperties"]);
    const limit = description.properties.find((p) => p.name === "limit");
    expect(limit?.displayOptions?.show?.returnAll).toEqual([false]);
  });
});

describe("single resources with a nested list", () => {
  it("treats { conversation, messages } as one item, not a list of messages", () => {
    const getConversation = entry(
      "get-conversation",
      { type: "object", required: ["conversation_id"], properties: { conversation_id: { type: "string" }, include_messages: { type: "boolean" } } },
      { type: "object", properties: { conversation: { type: "object" }, messages: { type: "array", items: { type: "object" } }, message_count: { type: "integer" } } },
    );
    const plan = planOf(getConversation);
    expect(plan.listKey).toBeUndefined();
    expect(plan.paging).toBeUndefined();
  });
});

describe("write tools", () => {
  it("are never lists, even when their answer holds an array of objects", () => {
    const addTag = {
      ...entry("add-tag", { type: "object", properties: { conversation_id: { type: "string" } } }, {
        type: "object",
        properties: { conversation_id: { type: "string" }, tags: { type: "array", items: { type: "object" } } },
      }),
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    } as ToolCatalogEntry;
    expect(planOf(addTag).listKey).toBeUndefined();
    expect(planOf(addTag).paging).toBeUndefined();
  });
});

describe("declared, not guessed", () => {
  it("a list tool that declares no paging is one item, whatever its keys look like", () => {
    const undeclared = entry(
      "list-things",
      { type: "object", properties: { limit: { type: "integer" }, page_token: { type: "string" }, attachments: { type: "array", items: { type: "object", properties: { filename: { type: "string" }, data: { type: "string" } } } } } },
      { type: "object", properties: { things: { type: "array", items: { type: "object" } }, next_page_token: { type: "string" } } },
    );
    const plan = planOf(undeclared);
    expect(plan.paging).toBeUndefined();
    expect(plan.listKey).toBeUndefined();
    expect(plan.attachments).toBeUndefined();
    expect(plan.placement).toEqual({ resource: "other", operation: "list-things", name: "list-things" });
  });

  it("the real tools' plans follow their definitions", async () => {
    const { toolCatalog } = await import("@frontkit/tools");
    const plans = toolCatalog.map(planOf);
    const byName = (name: string) => plans.find((p) => p.tool.name === name);
    expect(byName("list-contacts")?.paging).toMatchObject({ mode: "token", limitKey: "limit", tokenKey: "page_token", nextKey: "next_page_token", auto: { flagKey: "auto_paginate", maxKey: "max_results" } });
    expect(byName("list-inboxes")?.paging).toEqual({ mode: "all" });
    expect(byName("get-conversation")?.paging).toBeUndefined();
    expect(byName("send-message")?.attachments).toEqual({ key: "attachments", filenameKey: "filename", contentTypeKey: "content_type", dataKey: "data_base64", dataEncoding: "base64" });
    expect(plans.every((p) => p.placement.resource !== "other")).toBe(true);
  });
});
