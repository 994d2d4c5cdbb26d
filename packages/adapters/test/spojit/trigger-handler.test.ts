import {
  applicationWebhookBody,
  type JsonObject,
  sampleFrontEvent,
  sampleFrontEventPreview,
  signApplicationWebhook,
  signRuleWebhook,
  syncWebhookBody,
} from "@frontkit/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frontTriggers, handleSpojitTriggerDelivery, SPOJIT_ERROR_CODES, type SpojitTriggerResult } from "../../src/spojit/index.js";
import { compileToolSchema } from "./ajv.js";

const APP_SECRET = "app-signing-secret-5e1f0c2a9b";
const API_SECRET = "company-api-secret-77d3a01c4e";
const NOW = 1_767_225_600_000;

/** A request as Front would send it for an application webhook, signed at `NOW`. */
const applicationRequest = (body: JsonObject, extra: Record<string, string> = {}) => {
  const raw = JSON.stringify(body);
  return {
    secret: APP_SECRET,
    now: NOW,
    body: Buffer.from(raw),
    headers: { "x-front-request-timestamp": String(NOW), "x-front-signature": signApplicationWebhook(APP_SECRET, raw, NOW), ...extra },
  };
};

/** A request as Front would send it for a rule webhook. */
const ruleRequest = (body: JsonObject) => {
  const raw = JSON.stringify(body);
  return { secret: API_SECRET, body: raw, headers: { "X-Front-Signature": signRuleWebhook(API_SECRET, raw) } };
};

const event = (type: string, options: { inboxId?: string } = {}) =>
  sampleFrontEvent({ type, emittedAt: NOW / 1000 - 1, ...(options.inboxId === undefined ? {} : { inboxId: options.inboxId }) });

const ok = (result: SpojitTriggerResult) => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result;
};
const failed = (result: SpojitTriggerResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result.error;
};

const FIRES_ON: Record<string, string> = {
  "new-inbound-message": "inbound",
  "new-outbound-message": "out_reply",
  "conversation-tagged": "tag",
  "conversation-assigned": "assign",
  "front-event": "comment",
};
const configFor = (trigger: string, extra: Record<string, unknown> = {}) => (trigger === "front-event" ? { types: ["comment"], ...extra } : extra);

describe("handleSpojitTriggerDelivery", () => {
  describe.each(frontTriggers.map((t) => [t.name, t] as const))("%s", (name, trigger) => {
    const validateOutput = compileToolSchema(trigger.outputSchema);
    const type = FIRES_ON[name]!;

    it("turns a signed application webhook into one event that matches the trigger's output schema", () => {
      const source = event(type);
      const result = ok(
        handleSpojitTriggerDelivery({
          trigger: name,
          configuration: configFor(name),
          ...applicationRequest(applicationWebhookBody(source, { authorizationId: "cmp_acme" })),
        }),
      );
      expect(result.events).toHaveLength(1);
      const out = result.events[0]!;
      expect(validateOutput(out), JSON.stringify(validateOutput.errors)).toBe(true);
      expect(out).toMatchObject({ id: source["id"], type, delivery: "application", preview: false, authorization_id: "cmp_acme" });
      expect(out.conversation_id).toBe((source["conversation"] as JsonObject)["id"]);
      expect(out.event).toEqual(source);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });

    it("accepts the same event from a rule webhook (kind rule, the API secret)", () => {
      const source = event(type);
      const result = ok(handleSpojitTriggerDelivery({ trigger: name, configuration: configFor(name, { kind: "rule" }), ...ruleRequest(source) }));
      expect(result.events).toHaveLength(1);
      expect(validateOutput(result.events[0]), JSON.stringify(validateOutput.errors)).toBe(true);
      expect(result.events[0]).toMatchObject({ id: source["id"], delivery: "rule", authorization_id: null });
    });

    it("starts nothing for an event of another type, and says why", () => {
      const other = type === "archive" ? "reopen" : "archive";
      const result = ok(handleSpojitTriggerDelivery({ trigger: name, configuration: configFor(name), ...applicationRequest(applicationWebhookBody(event(other))) }));
      expect(result.events).toEqual([]);
      expect(result.skipped).toContain(`type ${other}`);
    });
  });

  it("summarises the message, tag and assignee of their events", () => {
    const inbound = ok(handleSpojitTriggerDelivery({ trigger: "new-inbound-message", ...applicationRequest(applicationWebhookBody(event("inbound", { inboxId: "inb_support" }))) }));
    expect(inbound.events[0]).toMatchObject({
      inbox_ids: ["inb_support"],
      message: { type: "email", is_inbound: true, subject: "Where is my order?", from: "jane@example.com", author_id: null },
      conversation: { subject: "Where is my order?", status: "unassigned", assignee_id: null, tag_ids: [] },
      source: { type: "inboxes" },
      tag: null,
      assignee: null,
    });
    const tagged = ok(handleSpojitTriggerDelivery({ trigger: "conversation-tagged", ...applicationRequest(applicationWebhookBody(event("tag"))) }));
    expect(tagged.events[0]).toMatchObject({ tag: { id: "tag_sample", name: "billing" }, message: null, source: { type: "teammate", id: "tea_sample" } });
    const assigned = ok(handleSpojitTriggerDelivery({ trigger: "conversation-assigned", ...applicationRequest(applicationWebhookBody(event("assign"))) }));
    expect(assigned.events[0]).toMatchObject({ assignee: { id: "tea_sample", email: "agent@example.com", first_name: "Sam", last_name: "Agent" } });
  });

  it("answers Front's sync request with its challenge and no events", () => {
    const result = ok(
      handleSpojitTriggerDelivery({ trigger: "new-inbound-message", ...applicationRequest(syncWebhookBody("cmp_acme"), { "x-front-challenge": "ch4llenge-xyz" }) }),
    );
    expect(result).toEqual({ ok: true, events: [], challenge: "ch4llenge-xyz" });
  });

  describe("refuses what Front did not sign", () => {
    const body = applicationWebhookBody(event("inbound"));

    it("a signature made with another secret", () => {
      const request = applicationRequest(body);
      const error = failed(handleSpojitTriggerDelivery({ trigger: "new-inbound-message", ...request, secret: "another-secret-of-some-length" }));
      expect(error).toMatchObject({ code: "INVALID_SIGNATURE", retryable: false, details: ["bad_signature"] });
      expect(error.message).toMatch(/app's signing secret/);
    });

    it("a body changed after signing (one byte)", () => {
      const request = applicationRequest(body);
      const tampered = Buffer.from(request.body);
      tampered[tampered.length - 2] = tampered[tampered.length - 2]! ^ 1;
      expect(failed(handleSpojitTriggerDelivery({ trigger: "new-inbound-message", ...request, body: tampered })).code).toBe("INVALID_SIGNATURE");
    });

    it("an application request older than five minutes (replay)", () => {
      const request = applicationRequest(body);
      const error = failed(handleSpojitTriggerDelivery({ trigger: "new-inbound-message", ...request, now: NOW + 6 * 60_000 }));
      expect(error).toMatchObject({ code: "INVALID_SIGNATURE", details: ["stale_timestamp"] });
    });

    it("a rule-signed request checked as an application webhook, and the other way round", () => {
      const rule = ruleRequest(event("inbound"));
      expect(failed(handleSpojitTriggerDelivery({ trigger: "new-inbound-message", ...rule })).code).toBe("INVALID_SIGNATURE");
      const app = applicationRequest(body);
      const error = failed(handleSpojitTriggerDelivery({ trigger: "new-inbound-message", configuration: { kind: "rule" }, ...app, secret: API_SECRET }));
      expect(error.code).toBe("INVALID_SIGNATURE");
      expect(error.message).toMatch(/company's API secret/);
    });

    it("a request without a signature", () => {
      const { headers: _dropped, ...request } = applicationRequest(body);
      expect(failed(handleSpojitTriggerDelivery({ trigger: "new-inbound-message", ...request, headers: {} }))).toMatchObject({
        code: "INVALID_SIGNATURE",
        details: ["missing_signature"],
      });
    });
  });

  describe("filters", () => {
    it("inbox_ids: keeps events in a listed inbox, skips others and events that name no inbox", () => {
      const configuration = { inbox_ids: ["inb_support", "inb_sales"] };
      const inSupport = handleSpojitTriggerDelivery({ trigger: "new-inbound-message", configuration, ...applicationRequest(applicationWebhookBody(event("inbound", { inboxId: "inb_sales" }))) });
      expect(ok(inSupport).events).toHaveLength(1);
      const elsewhere = ok(handleSpojitTriggerDelivery({ trigger: "new-inbound-message", configuration, ...applicationRequest(applicationWebhookBody(event("inbound", { inboxId: "inb_billing" }))) }));
      expect(elsewhere.events).toEqual([]);
      expect(elsewhere.skipped).toMatch(/inb_billing, not in inbox_ids/);
      // A tag event names no inbox: it cannot be shown to be in one of them.
      const tag = ok(handleSpojitTriggerDelivery({ trigger: "conversation-tagged", configuration, ...applicationRequest(applicationWebhookBody(event("tag"))) }));
      expect(tag.events).toEqual([]);
      expect(tag.skipped).toMatch(/names no inbox/);
    });

    it("tag_ids and teammate_ids", () => {
      const tagged = applicationRequest(applicationWebhookBody(event("tag")));
      expect(ok(handleSpojitTriggerDelivery({ trigger: "conversation-tagged", configuration: { tag_ids: ["tag_sample"] }, ...tagged })).events).toHaveLength(1);
      expect(ok(handleSpojitTriggerDelivery({ trigger: "conversation-tagged", configuration: { tag_ids: ["tag_other"] }, ...tagged })).events).toEqual([]);
      const assigned = applicationRequest(applicationWebhookBody(event("assign")));
      expect(ok(handleSpojitTriggerDelivery({ trigger: "conversation-assigned", configuration: { teammate_ids: ["tea_sample"] }, ...assigned })).events).toHaveLength(1);
      expect(ok(handleSpojitTriggerDelivery({ trigger: "conversation-assigned", configuration: { teammate_ids: ["tea_other"] }, ...assigned })).events).toEqual([]);
    });

    it("front-event fires on exactly the configured types", () => {
      const archive = applicationRequest(applicationWebhookBody(event("archive")));
      expect(ok(handleSpojitTriggerDelivery({ trigger: "front-event", configuration: { types: ["archive", "move"] }, ...archive })).events[0]?.type).toBe("archive");
      expect(ok(handleSpojitTriggerDelivery({ trigger: "front-event", configuration: { types: ["move"] }, ...archive })).events).toEqual([]);
    });

    it("a rule webhook preview arrives marked as one, with the ids it carries", () => {
      const preview = sampleFrontEventPreview({ type: "inbound" });
      const result = ok(handleSpojitTriggerDelivery({ trigger: "new-inbound-message", configuration: { kind: "rule" }, ...ruleRequest(preview) }));
      expect(result.events[0]).toMatchObject({ preview: true, id: preview["id"], conversation_id: (preview["conversation"] as JsonObject)["id"], message: null, inbox_ids: [] });
      expect(compileToolSchema(frontTriggers[0]!.outputSchema)(result.events[0])).toBe(true);
    });
  });

  describe("bad input", () => {
    const signed = applicationRequest(applicationWebhookBody(event("inbound")));

    it("an unknown trigger", () => {
      const error = failed(handleSpojitTriggerDelivery({ trigger: "new-message", ...signed }));
      expect(error.code).toBe("UNKNOWN_TRIGGER");
      expect(error.message).toContain("new-inbound-message");
    });

    it("a configuration with an unknown field or a malformed id names the field", () => {
      const unknown = failed(handleSpojitTriggerDelivery({ trigger: "new-inbound-message", configuration: { inboxIds: ["inb_1"] }, ...signed }));
      expect(unknown.code).toBe("INVALID_INPUT");
      expect(unknown.issues?.map((i) => i.path)).toContain("configuration.inboxIds");
      const malformed = failed(handleSpojitTriggerDelivery({ trigger: "new-inbound-message", configuration: { inbox_ids: ["cha_1"] }, ...signed }));
      expect(malformed.issues).toEqual([{ path: "configuration.inbox_ids[0]", message: expect.stringContaining("inbox id") }]);
      const noTypes = failed(handleSpojitTriggerDelivery({ trigger: "front-event", configuration: {}, ...signed }));
      expect(noTypes.issues?.[0]?.path).toBe("configuration.types");
    });

    it("a parsed body instead of the raw one, and a missing or short secret", () => {
      const parsed = failed(handleSpojitTriggerDelivery({ trigger: "new-inbound-message", ...signed, body: JSON.parse(signed.body.toString()) as never }));
      expect(parsed).toMatchObject({ code: "INVALID_INPUT", issues: [{ path: "body" }] });
      expect(parsed.message).toMatch(/raw body/);
      for (const secret of [undefined, "", "short"]) {
        expect(failed(handleSpojitTriggerDelivery({ trigger: "new-inbound-message", ...signed, secret: secret as never }))).toMatchObject({
          code: "INVALID_INPUT",
          issues: [{ path: "secret" }],
        });
      }
    });

    it("a signed body that is not JSON is bad input, not a forgery", () => {
      const raw = "not json at all";
      const error = failed(
        handleSpojitTriggerDelivery({
          trigger: "new-inbound-message",
          configuration: { kind: "rule" },
          secret: API_SECRET,
          body: raw,
          headers: { "x-front-signature": signRuleWebhook(API_SECRET, raw) },
        }),
      );
      expect(error).toMatchObject({ code: "INVALID_INPUT", details: ["not_json"] });
    });
  });

  it("never carries the secret back, even when a signed event quotes it", () => {
    const source = event("inbound");
    ((source["target"] as JsonObject)["data"] as JsonObject)["blurb"] = `my key is ${APP_SECRET}`;
    const result = ok(handleSpojitTriggerDelivery({ trigger: "new-inbound-message", ...applicationRequest(applicationWebhookBody(source)) }));
    expect(result.events).toHaveLength(1);
    expect(JSON.stringify(result)).not.toContain(APP_SECRET);
    expect(result.events[0]?.message?.blurb).toBe("my key is <redacted>");
    const refused = handleSpojitTriggerDelivery({ trigger: `x${APP_SECRET}`, ...applicationRequest(applicationWebhookBody(source)) });
    expect(JSON.stringify(refused)).not.toContain(APP_SECRET);
  });

  it("never throws, whatever it is given, and its failures use the stable codes without the secret", () => {
    const secret = "garbage-secret-0f9e8d7c6b";
    const headers = fc.oneof(
      fc.anything(),
      fc.dictionary(fc.constantFrom("x-front-signature", "X-Front-Signature", "x-front-request-timestamp", "x-front-challenge", "other"), fc.oneof(fc.string(), fc.array(fc.string()), fc.anything())),
    );
    const body = fc.oneof(fc.string(), fc.uint8Array(), fc.anything(), fc.json());
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            trigger: fc.oneof(fc.constantFrom(...frontTriggers.map((t) => t.name)), fc.anything()),
            configuration: fc.oneof(fc.anything(), fc.record({ kind: fc.constantFrom("application", "rule"), types: fc.array(fc.string()) }, { requiredKeys: [] })),
            secret: fc.oneof(fc.constant(secret), fc.anything()),
            headers,
            body,
            now: fc.oneof(fc.integer(), fc.double(), fc.anything()),
          }, { requiredKeys: [] }),
        ),
        (request) => {
          const result = handleSpojitTriggerDelivery(request as never);
          expect(typeof result.ok).toBe("boolean");
          if (!result.ok) {
            expect(SPOJIT_ERROR_CODES).toContain(result.error.code);
            expect(result.error.code).not.toBe("INTERNAL");
            expect(typeof result.error.message).toBe("string");
          }
          expect(JSON.stringify(result)).not.toContain(secret);
        },
      ),
      { numRuns: 400 },
    );
  });
});
