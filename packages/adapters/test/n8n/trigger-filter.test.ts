import { FRONT_EVENT_TYPES, type FrontWebhookDelivery } from "@frontkit/tools";
import { describe, expect, it } from "vitest";
import { FilterValueError, matchesFilter, parseEventTypes, parseInboxIds } from "../../src/n8n/trigger-filter.js";

const inboxParty = (...ids: string[]) => ({ _meta: { type: "inboxes" }, data: ids.map((id) => ({ id })) });

const delivery = (type: string, source?: unknown): FrontWebhookDelivery =>
  ({
    kind: "rule",
    preview: false,
    event: { id: "evt_1", type, emitted_at: 1, ...(source === undefined ? {} : { source }) },
  }) as FrontWebhookDelivery;

describe("parseInboxIds", () => {
  it("splits, trims and dedupes comma-separated inbox ids; empty means all", () => {
    expect(parseInboxIds("")).toEqual([]);
    expect(parseInboxIds(undefined)).toEqual([]);
    expect(parseInboxIds(" inb_a1 ,inb_b2,, inb_a1 ")).toEqual(["inb_a1", "inb_b2"]);
    expect(parseInboxIds(["inb_a1", "inb_c3"])).toEqual(["inb_a1", "inb_c3"]);
  });

  it("refuses something that is no inbox id, naming it and the field", () => {
    expect(() => parseInboxIds("inb_a1, Support")).toThrow(FilterValueError);
    expect(() => parseInboxIds("inb_a1, Support")).toThrow(/Inbox IDs: "Support" is not an inbox ID/);
    expect(() => parseInboxIds("cha_123")).toThrow(/inb_/);
  });
});

describe("parseEventTypes", () => {
  it("keeps known types, once each; empty means all", () => {
    expect(parseEventTypes([], FRONT_EVENT_TYPES)).toEqual([]);
    expect(parseEventTypes(["inbound", "tag", "inbound"], FRONT_EVENT_TYPES)).toEqual(["inbound", "tag"]);
  });

  it("refuses a type Front does not send, with examples of ones it does", () => {
    expect(() => parseEventTypes(["inbound", "inbound_received"], FRONT_EVENT_TYPES)).toThrow(/Event Types: "inbound_received" is not a Front event type/);
  });
});

describe("matchesFilter", () => {
  it("passes everything with an empty filter", () => {
    expect(matchesFilter(delivery("tag"), { types: [], inboxIds: [] })).toBe(true);
  });

  it("matches the event's core type", () => {
    const filter = { types: ["inbound"], inboxIds: [] };
    expect(matchesFilter(delivery("inbound"), filter)).toBe(true);
    expect(matchesFilter(delivery("outbound"), filter)).toBe(false);
  });

  it("matches any inbox the event names, and drops events that name none", () => {
    const filter = { types: [], inboxIds: ["inb_b2"] };
    expect(matchesFilter(delivery("inbound", inboxParty("inb_a1", "inb_b2")), filter)).toBe(true);
    expect(matchesFilter(delivery("inbound", inboxParty("inb_a1")), filter)).toBe(false);
    expect(matchesFilter(delivery("tag", { _meta: { type: "teammate" }, data: { id: "tea_1" } }), filter)).toBe(false);
  });
});
