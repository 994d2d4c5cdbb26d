/** JSON Schema → node fields → tool input, both directions from one FieldSpec list. */
import { describe, expect, it } from "vitest";
import { decodeObject, FieldValueError } from "../../src/n8n/input.js";
import { camelParam, displayNameOf, type FieldSpec, fieldsOfSchema, type JsonSchema } from "../../src/n8n/fields.js";
import { ADDITIONAL_FIELDS, operationProperties, propertyOf } from "../../src/n8n/properties.js";

const schema: JsonSchema = {
  type: "object",
  required: ["conversation_id", "handles"],
  properties: {
    conversation_id: { type: "string", description: "Conversation id (cnv_…)." },
    statuses: { type: "array", items: { type: "string", enum: ["open", "archived"] } },
    inbox_ids: { type: "array", items: { type: "string" } },
    channel_id: { type: "string" },
    limit: { type: "integer", minimum: 1, maximum: 100, description: "Page size." },
    refresh: { type: "boolean" },
    sort: { type: "string", enum: ["asc", "desc"], default: "desc" },
    links: { type: "array", items: { type: "string" } },
    handles: {
      type: "array",
      items: { type: "object", required: ["source", "handle"], properties: { source: { type: "string", enum: ["email", "phone"] }, handle: { type: "string" } } },
    },
    custom_fields: { type: "object", additionalProperties: { anyOf: [{ type: "string" }, { type: "number" }] } },
    name: { anyOf: [{ type: "string" }, { type: "null" }] },
    contact: { anyOf: [{ type: "string", pattern: "^crd_" }, { type: "string", pattern: "^alt:" }] },
  },
};

const byKey = (specs: ReadonlyArray<FieldSpec>, key: string): FieldSpec => {
  const spec = specs.find((s) => s.key === key);
  if (spec === undefined) throw new Error(`no field ${key}`);
  return spec;
};

describe("names", () => {
  it("camelCases parameter names and Title Cases display names with n8n's acronyms", () => {
    expect(camelParam("conversation_id")).toBe("conversationId");
    expect(camelParam("q_updated_after")).toBe("qUpdatedAfter");
    expect(displayNameOf("conversation_id")).toBe("Conversation ID");
    expect(displayNameOf("inbox_ids")).toBe("Inbox IDs");
    expect(displayNameOf("avatar_url")).toBe("Avatar URL");
    expect(displayNameOf("front_chat")).toBe("Front Chat");
  });
});

describe("fieldsOfSchema", () => {
  const specs = fieldsOfSchema(schema);

  it("maps each JSON Schema shape to its n8n field kind", () => {
    expect(byKey(specs, "conversation_id")).toMatchObject({ param: "conversationId", required: true, kind: { type: "string" } });
    expect(byKey(specs, "statuses").kind).toEqual({ type: "multiOptions", values: ["open", "archived"] });
    expect(byKey(specs, "inbox_ids").kind).toEqual({ type: "loadOptions", method: "getInboxes", multiple: true });
    expect(byKey(specs, "channel_id").kind).toEqual({ type: "loadOptions", method: "getChannels", multiple: false });
    expect(byKey(specs, "limit").kind).toEqual({ type: "number", integer: true, min: 1, max: 100 });
    expect(byKey(specs, "refresh").kind).toEqual({ type: "boolean" });
    expect(byKey(specs, "sort")).toMatchObject({ kind: { type: "options", values: ["asc", "desc"] }, default: "desc" });
    expect(byKey(specs, "links").kind).toEqual({ type: "stringList" });
    expect(byKey(specs, "custom_fields").kind).toEqual({ type: "json", shape: "object" });
    expect(byKey(specs, "name").kind).toEqual({ type: "string" });
    expect(byKey(specs, "contact").kind).toEqual({ type: "string" });
    const handles = byKey(specs, "handles");
    expect(handles.required).toBe(true);
    expect(handles.kind.type).toBe("collection");
    if (handles.kind.type === "collection") {
      expect(handles.kind.multiple).toBe(true);
      expect(handles.kind.fields.map((f) => [f.key, f.required, f.kind.type])).toEqual([
        ["source", true, "options"],
        ["handle", true, "string"],
      ]);
    }
  });

  it("keeps descriptions from the schema", () => {
    expect(byKey(specs, "conversation_id").description).toBe("Conversation id (cnv_…).");
    expect(byKey(specs, "limit").description).toBe("Page size.");
  });

  it("turns a non-object schema into one JSON input field", () => {
    expect(fieldsOfSchema({ type: "string" })).toEqual([
      { key: "", param: "input", displayName: "Input", required: true, kind: { type: "json", shape: "any" } },
    ]);
  });
});

describe("properties", () => {
  const specs = fieldsOfSchema(schema);

  it("puts required fields on top and optional ones in Additional Fields, shown for one operation", () => {
    const props = operationProperties(specs, { resource: "conversation", operation: "get" });
    expect(props.map((p) => p.name)).toEqual(["conversationId", "handles", ADDITIONAL_FIELDS]);
    for (const p of props) expect(p.displayOptions).toEqual({ show: { resource: ["conversation"], operation: ["get"] } });
    const additional = props[2];
    expect(additional?.type).toBe("collection");
    expect((additional?.options ?? []).map((o) => ("name" in o ? o.name : ""))).toContain("inboxIds");
  });

  it("renders n8n property types", () => {
    expect(propertyOf(byKey(specs, "statuses"))).toMatchObject({ type: "multiOptions", options: [{ name: "Open", value: "open" }, { name: "Archived", value: "archived" }], default: [] });
    expect(propertyOf(byKey(specs, "inbox_ids"))).toMatchObject({ type: "multiOptions", typeOptions: { loadOptionsMethod: "getInboxes" } });
    expect(propertyOf(byKey(specs, "channel_id"))).toMatchObject({ type: "options", typeOptions: { loadOptionsMethod: "getChannels" } });
    expect(propertyOf(byKey(specs, "limit"))).toMatchObject({ type: "number", default: 1, typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 } });
    expect(propertyOf(byKey(specs, "links"))).toMatchObject({ type: "string", typeOptions: { multipleValues: true }, default: [] });
    expect(propertyOf(byKey(specs, "custom_fields"))).toMatchObject({ type: "json", default: "{}" });
    expect(propertyOf(byKey(specs, "handles"))).toMatchObject({ type: "fixedCollection", typeOptions: { multipleValues: true }, required: true });
    expect(propertyOf(byKey(specs, "sort"))).toMatchObject({ type: "options", default: "desc" });
  });
});

describe("decodeObject", () => {
  const specs = fieldsOfSchema(schema);

  it("turns parameter values back into the tool's snake_case input", () => {
    const input = decodeObject(specs, {
      conversationId: "cnv_1",
      statuses: ["open"],
      inboxIds: "inb_1, inb_2",
      limit: "25",
      refresh: false,
      links: ["https://a.example", ""],
      handles: { values: [{ source: "email", handle: "a@b.c" }] },
      customFields: '{"tier":"gold"}',
      name: "",
    });
    expect(input).toEqual({
      conversation_id: "cnv_1",
      statuses: ["open"],
      inbox_ids: ["inb_1", "inb_2"],
      limit: 25,
      refresh: false,
      links: ["https://a.example"],
      handles: [{ source: "email", handle: "a@b.c" }],
      custom_fields: { tier: "gold" },
    });
  });

  it("accepts a JSON array string for a list field (from an expression)", () => {
    expect(decodeObject(specs, { inboxIds: '["inb_9"]' })).toEqual({ inbox_ids: ["inb_9"] });
  });

  it("keeps an empty required string so the tool reports it, and drops empty optional values", () => {
    expect(decodeObject(specs, { conversationId: "", links: [], customFields: "" })).toEqual({ conversation_id: "" });
  });

  it("fails with the field's display name on invalid JSON or a non-number", () => {
    expect(() => decodeObject(specs, { customFields: "{nope" })).toThrow(FieldValueError);
    expect(() => decodeObject(specs, { customFields: "{nope" })).toThrow("Custom Fields must be valid JSON.");
    expect(() => decodeObject(specs, { limit: "ten" })).toThrow("Limit must be a number.");
  });
});

describe("enums accepted in any case", () => {
  it("offers one option per value, keeping the first spelling", () => {
    const [method] = fieldsOfSchema({ type: "object", properties: { method: { type: "string", enum: ["GET", "POST", "get", "post"] } } });
    expect(method?.kind).toEqual({ type: "options", values: ["GET", "POST"] });
  });
});
