import { FRONT_EVENT_TYPES, toolNames } from "@frontkit/tools";
import { describe, expect, it } from "vitest";
import { frontConnector, frontTriggers, spojitConnectorJsonSchema, triggerNames } from "../../src/spojit/index.js";
import { ajv2020, compileToolSchema } from "./ajv.js";

const validateDefinition = ajv2020().compile(spojitConnectorJsonSchema);
const byName = (name: string) => {
  const trigger = frontTriggers.find((t) => t.name === name);
  if (trigger === undefined) throw new Error(`no trigger ${name}`);
  return trigger;
};

describe("the connector's triggers", () => {
  it("lists inbound, outbound, tagged, assigned and any-event triggers, and leaves the eleven tools as they were", () => {
    expect(triggerNames).toEqual(["new-inbound-message", "new-outbound-message", "conversation-tagged", "conversation-assigned", "front-event"]);
    expect(frontConnector.triggers?.map((t) => t.name)).toEqual(triggerNames);
    expect(frontConnector.tools.map((t) => t.name)).toEqual([...toolNames]);
    expect(frontConnector.tools).toHaveLength(11);
    for (const name of triggerNames) expect(toolNames).not.toContain(name);
  });

  it("names the Front event types each fixed trigger fires on, all of them documented types", () => {
    expect(byName("new-inbound-message").eventTypes).toEqual(["inbound"]);
    expect(byName("new-outbound-message").eventTypes).toEqual(["outbound", "out_reply"]);
    expect(byName("conversation-tagged").eventTypes).toEqual(["tag"]);
    expect(byName("conversation-assigned").eventTypes).toEqual(["assign"]);
    expect(byName("front-event").eventTypes).toEqual([]);
    for (const trigger of frontTriggers) for (const type of trigger.eventTypes) expect(FRONT_EVENT_TYPES).toContain(type);
  });

  describe.each(frontTriggers.map((t) => [t.name, t] as const))("%s", (_name, trigger) => {
    it("has configuration and output schemas that compile under strict ajv", () => {
      expect(() => ajv2020().compile(trigger.configurationSchema)).not.toThrow();
      expect(() => ajv2020().compile(trigger.outputSchema)).not.toThrow();
    });

    it("configures kind and inbox_ids, refuses unknown fields and malformed ids", () => {
      const validate = compileToolSchema(trigger.configurationSchema);
      const base = trigger.name === "front-event" ? { types: ["comment"] } : {};
      expect(validate({ ...base }), JSON.stringify(validate.errors)).toBe(true);
      expect(validate({ ...base, kind: "rule", inbox_ids: ["inb_1a2b"] }), JSON.stringify(validate.errors)).toBe(true);
      expect(validate({ ...base, kind: "both" })).toBe(false);
      expect(validate({ ...base, inbox_ids: ["cha_1"] })).toBe(false);
      expect(validate({ ...base, inbox_ids: [] })).toBe(false);
      expect(validate({ ...base, inboxIds: ["inb_1"] })).toBe(false);
    });

    it("describes an output object whose type is limited to the trigger's event types", () => {
      const properties = trigger.outputSchema["properties"] as Record<string, Record<string, unknown>>;
      for (const key of ["id", "type", "emitted_at", "conversation_id", "inbox_ids", "conversation", "message", "tag", "assignee", "source", "event"]) {
        expect(properties, key).toHaveProperty(key);
      }
      const validate = compileToolSchema(trigger.outputSchema);
      const example = {
        id: "evt_1",
        type: trigger.eventTypes[0] ?? "comment",
        emitted_at: 1_767_225_600.5,
        delivery: "application",
        preview: false,
        authorization_id: "cmp_1",
        conversation_id: "cnv_1",
        inbox_ids: ["inb_1"],
        conversation: { id: "cnv_1", subject: "Hi", status: "unassigned", assignee_id: null, tag_ids: [] },
        message: null,
        tag: null,
        assignee: null,
        source: { type: "teammate", id: "tea_1" },
        event: { id: "evt_1" },
      };
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
      expect(validate({ ...example, extra: 1 })).toBe(false);
      expect(validate({ ...example, id: undefined })).toBe(false);
      if (trigger.eventTypes.length > 0) expect(validate({ ...example, type: "not_this_type" })).toBe(false);
    });
  });

  it("the generic trigger requires at least one documented event type", () => {
    const validate = compileToolSchema(byName("front-event").configurationSchema);
    expect(validate({})).toBe(false);
    expect(validate({ types: [] })).toBe(false);
    expect(validate({ types: ["not_a_type"] })).toBe(false);
    expect(validate({ types: ["comment", "archive"] })).toBe(true);
  });

  it("tag and teammate filters exist only on their triggers", () => {
    expect(compileToolSchema(byName("conversation-tagged").configurationSchema)({ tag_ids: ["tag_1"] })).toBe(true);
    expect(compileToolSchema(byName("conversation-assigned").configurationSchema)({ teammate_ids: ["tea_1"] })).toBe(true);
    expect(compileToolSchema(byName("new-inbound-message").configurationSchema)({ tag_ids: ["tag_1"] })).toBe(false);
    expect(compileToolSchema(byName("conversation-tagged").configurationSchema)({ tag_ids: ["tea_1"] })).toBe(false);
  });

  it("the definition schema refuses malformed triggers", () => {
    const first = frontTriggers[0]!;
    const withTrigger = (patch: Record<string, unknown>) =>
      JSON.parse(JSON.stringify({ ...frontConnector, triggers: [{ ...first, ...patch }] })) as unknown;
    expect(validateDefinition(withTrigger({})), JSON.stringify(validateDefinition.errors)).toBe(true);
    expect(validateDefinition(withTrigger({ name: "newInbound" }))).toBe(false);
    expect(validateDefinition(withTrigger({ outputSchema: undefined }))).toBe(false);
    expect(validateDefinition(withTrigger({ outputSchema: { type: "string" } }))).toBe(false);
    expect(validateDefinition(withTrigger({ configurationSchema: { type: "array" } }))).toBe(false);
    expect(validateDefinition(withTrigger({ delivery: [] }))).toBe(false);
    expect(validateDefinition(withTrigger({ delivery: ["email"] }))).toBe(false);
    expect(validateDefinition(withTrigger({ eventTypes: ["Inbound"] }))).toBe(false);
    expect(validateDefinition(withTrigger({ extra: true }))).toBe(false);
  });
});
