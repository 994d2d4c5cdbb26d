import { applicationWebhookBody, sampleFrontEvent, sampleFrontEventPreview } from "@frontkit/testkit";
import { describe, expect, it } from "vitest";
import {
  APPLICATION_TO_EVENT_TYPE,
  APPLICATION_WEBHOOK_EVENT_TYPES,
  FRONT_EVENT_TYPES,
  conversationIdOf,
  decodeFrontEvent,
  decodeFrontWebhookBody,
  eventIdOf,
  eventTypeOf,
  inboxIdsOf,
  isFrontEventType,
  type FrontWebhookDelivery,
} from "../../src/index.js";

const ok = (result: FrontWebhookDelivery | { readonly error: string }): FrontWebhookDelivery => {
  if ("error" in result) throw new Error(result.error);
  return result;
};

describe("FRONT_EVENT_TYPES", () => {
  it("lists the spec's EventResponse types, once each", () => {
    expect(new Set(FRONT_EVENT_TYPES).size).toBe(FRONT_EVENT_TYPES.length);
    for (const type of ["inbound", "outbound", "out_reply", "tag", "untag", "assign", "unassign", "archive", "reopen", "trash", "restore", "reminder", "comment", "mention", "move", "forward", "conversations_merged", "sending_error", "message_bounce_error", "link_added", "link_removed", "custom_field_updated", "macro_triggered", "topic_identified", "ticket_status_update", "call_started", "call_missed", "call_voicemail_transcript_added"]) {
      expect(FRONT_EVENT_TYPES).toContain(type);
    }
    expect(isFrontEventType("inbound")).toBe(true);
    expect(isFrontEventType("brand_new_type")).toBe(false);
  });

  it("maps application webhook names only to documented core types", () => {
    for (const [name, core] of Object.entries(APPLICATION_TO_EVENT_TYPE)) {
      expect(APPLICATION_WEBHOOK_EVENT_TYPES).toContain(name);
      expect(FRONT_EVENT_TYPES).toContain(core);
    }
    expect(APPLICATION_TO_EVENT_TYPE["assignee_changed"]).toBeUndefined();
  });
});

describe("decodeFrontWebhookBody", () => {
  it.each([...FRONT_EVENT_TYPES, "brand_new_type"])("decodes a %s event from both webhook kinds", (type) => {
    const event = sampleFrontEvent({ type, id: `evt_${type}`, conversationId: "cnv_7", inboxId: "inb_7" });
    const rule = ok(decodeFrontWebhookBody("rule", event));
    expect(rule).toMatchObject({ kind: "rule", preview: false });
    expect(eventIdOf(rule)).toBe(`evt_${type}`);
    expect(eventTypeOf(rule)).toBe(type);
    expect(conversationIdOf(rule)).toBe("cnv_7");

    const app = ok(decodeFrontWebhookBody("application", applicationWebhookBody(event, { authorizationId: "cmp_9" })));
    expect(app).toMatchObject({ kind: "application", authorizationId: "cmp_9" });
    expect(eventTypeOf(app)).toBe(type);
    // The decoded event is the delivered one: nothing dropped.
    expect(app.event).toEqual(event);
  });

  it("keeps the envelope's name and the payload's own type", () => {
    const event = sampleFrontEvent({ type: "assign" });
    const delivery = ok(decodeFrontWebhookBody("application", applicationWebhookBody(event, { type: "assignee_changed" })));
    expect(delivery).toMatchObject({ type: "assignee_changed", event: { type: "assign" } });
  });

  it("fills a payload without a type from the envelope's name when the name stands for one type", () => {
    const { type: _type, ...untyped } = sampleFrontEvent({ type: "tag" });
    const tagged = ok(decodeFrontWebhookBody("application", { type: "tag_added", authorization: { id: "cmp_1" }, payload: untyped }));
    expect(eventTypeOf(tagged)).toBe("tag");
    const ambiguous = decodeFrontWebhookBody("application", { type: "assignee_changed", authorization: { id: "cmp_1" }, payload: untyped });
    expect(ambiguous).toEqual({ error: "payload.type is missing" });
    const inherited = decodeFrontWebhookBody("application", { type: "constructor", authorization: { id: "cmp_1" }, payload: untyped });
    expect(inherited).toEqual({ error: "payload.type is missing" });
  });

  it("decodes the sync validation request", () => {
    const delivery = ok(decodeFrontWebhookBody("application", { type: "sync", authorization: { id: "cmp_abc" } }));
    expect(delivery).toEqual({ kind: "application", type: "sync", authorizationId: "cmp_abc" });
    expect(eventIdOf(delivery)).toBeUndefined();
    expect(eventTypeOf(delivery)).toBeUndefined();
    expect(inboxIdsOf(delivery)).toEqual([]);
  });

  it("tells a rule preview from a full event", () => {
    const preview = ok(decodeFrontWebhookBody("rule", sampleFrontEventPreview({ id: "evt_p", conversationId: "cnv_p" })));
    expect(preview).toMatchObject({ kind: "rule", preview: true });
    expect(conversationIdOf(preview)).toBe("cnv_p");
    expect(inboxIdsOf(preview)).toEqual([]);
    const full = ok(decodeFrontWebhookBody("rule", sampleFrontEvent({ type: "archive" })));
    expect(full).toMatchObject({ preview: false });
  });

  it("drops a null conversation instead of typing it as an object", () => {
    const { conversation: _c, ...rest } = sampleFrontEvent({ type: "tag" });
    const delivery = ok(decodeFrontWebhookBody("rule", { ...rest, conversation: null }));
    expect(delivery.event).not.toHaveProperty("conversation");
    expect(conversationIdOf(delivery)).toBeUndefined();
  });

  it("says what is missing", () => {
    expect(decodeFrontWebhookBody("rule", null)).toEqual({ error: "the body is null, expected a JSON object" });
    expect(decodeFrontWebhookBody("rule", { id: "evt_1", type: "tag" })).toEqual({ error: "event.emitted_at is missing (expected unix seconds)" });
    expect(decodeFrontWebhookBody("rule", { id: "evt_1", type: "tag", emitted_at: 1, source: { data: {} } })).toEqual({ error: "event.source._meta.type is missing" });
    expect(decodeFrontWebhookBody("rule", { id: "evt_1", type: "tag", emitted_at: 1, conversation: "cnv_1" })).toEqual({ error: "event.conversation is a string, expected an object" });
    expect(decodeFrontEvent([])).toEqual({ error: "event is an array: expected an event object" });
    expect(decodeFrontWebhookBody("other" as "rule", {})).toEqual({ error: 'kind must be "application" or "rule"' });
  });
});

describe("inboxIdsOf", () => {
  it("reads the inboxes of message events and of moves", () => {
    const inbound = ok(decodeFrontWebhookBody("rule", sampleFrontEvent({ type: "inbound", inboxId: "inb_in" })));
    expect(inboxIdsOf(inbound)).toEqual(["inb_in"]);
    const moved = ok(decodeFrontWebhookBody("rule", sampleFrontEvent({ type: "move", inboxId: "inb_to" })));
    expect(inboxIdsOf(moved)).toEqual(["inb_to"]);
  });

  it("reads a single inbox object, several inboxes, and conversation inboxes, without repeats", () => {
    const base = sampleFrontEvent({ type: "move" });
    const single = ok(decodeFrontWebhookBody("rule", { ...base, target: { _meta: { type: "inboxes" }, data: { id: "inb_one" } } }));
    expect(inboxIdsOf(single)).toEqual(["inb_one"]);
    const many = ok(
      decodeFrontWebhookBody("rule", {
        ...base,
        source: { _meta: { type: "inboxes" }, data: [{ id: "inb_a" }, { id: "inb_b" }, { id: "inb_a" }] },
        target: { _meta: { type: "teammate" }, data: { id: "tea_1" } },
        conversation: { ...(base["conversation"] as object), inboxes: [{ id: "inb_c" }, { id: "inb_b" }] },
      }),
    );
    expect(inboxIdsOf(many)).toEqual(["inb_a", "inb_b", "inb_c"]);
  });

  it("is empty when the event names no inbox", () => {
    expect(inboxIdsOf(ok(decodeFrontWebhookBody("rule", sampleFrontEvent({ type: "tag" }))))).toEqual([]);
  });
});
