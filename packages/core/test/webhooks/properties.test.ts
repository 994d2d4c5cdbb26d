import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FRONT_EVENT_TYPES, eventIdOf, verifyFrontWebhook, type WebhookKind } from "../../src/index.js";
import { appSignature, ruleSignature } from "./support.js";

const NOW = 1_760_000_000_000;
const kind = fc.constantFrom<WebhookKind>("application", "rule");
const headerValue = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.constant(undefined), fc.base64String({ maxLength: 60 }));
const headerName = fc.oneof(
  fc.constantFrom("x-front-signature", "X-Front-Signature", "x-front-request-timestamp", "X-FRONT-REQUEST-TIMESTAMP", "x-front-challenge", "content-type"),
  fc.string({ maxLength: 20 }),
);
const headers = fc.dictionary(headerName, headerValue, { maxKeys: 8 });
const body = fc.oneof(fc.string(), fc.uint8Array({ maxLength: 256 }), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v)));

// A structurally valid Front event with random ids, types (documented or not), timestamps and inbox sources.
const frontEvent = fc.record({
  id: fc.string({ minLength: 1, maxLength: 20 }).map((s) => `evt_${s}`),
  type: fc.oneof(fc.constantFrom(...FRONT_EVENT_TYPES), fc.string({ minLength: 1, maxLength: 30 })),
  emitted_at: fc.double({ min: 0, max: 4e9, noNaN: true }),
  conversation: fc.record({ id: fc.string({ minLength: 1 }).map((s) => `cnv_${s}`), subject: fc.string(), status: fc.constantFrom("archived", "unassigned", "assigned") }),
  source: fc.record({ _meta: fc.record({ type: fc.constant("inboxes") }), data: fc.array(fc.record({ id: fc.string(), name: fc.string() }), { maxLength: 3 }) }),
  extra: fc.jsonValue(),
});

describe("verifyFrontWebhook properties", () => {
  it("never throws, and never accepts a request without the right signature", () => {
    fc.assert(
      fc.property(kind, fc.string(), headers, body, fc.integer(), (k, secret, h, b, skew) => {
        const result = verifyFrontWebhook({ kind: k, secret, headers: h, body: b, now: NOW + skew });
        expect(typeof result.valid).toBe("boolean");
        if (!result.valid) {
          expect(result.reason.length).toBeGreaterThan(0);
          if (secret.length >= 8) expect(result.reason).not.toContain(secret);
        } else {
          // Random headers can only pass if they happen to carry the exact digest: check that they do.
          const sig = Object.entries(h).find(([name]) => name.toLowerCase() === "x-front-signature")?.[1];
          const ts = Object.entries(h).find(([name]) => name.toLowerCase() === "x-front-request-timestamp")?.[1];
          const expected = k === "rule" ? ruleSignature(secret, b) : appSignature(secret, String(ts), b);
          expect([sig].flat()[0]?.trim()).toBe(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses random signatures over a valid event", () => {
    fc.assert(
      fc.property(kind, frontEvent, fc.string({ minLength: 1 }), fc.base64String({ minLength: 4, maxLength: 60 }), (k, event, secret, signature) => {
        const raw = JSON.stringify(k === "rule" ? event : { type: "inbound_received", authorization: { id: "cmp_1" }, payload: event });
        const result = verifyFrontWebhook({ kind: k, secret, headers: { "x-front-signature": signature, "x-front-request-timestamp": String(NOW) }, body: raw, now: NOW });
        expect(result.valid).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("accepts any valid event with the right signature, and refuses it once one byte changes", () => {
    fc.assert(
      fc.property(kind, frontEvent, fc.string({ minLength: 1, maxLength: 64 }), fc.integer({ min: -300_000, max: 300_000 }), fc.nat(), (k, event, secret, skew, at) => {
        const raw = JSON.stringify(k === "rule" ? event : { type: "inbound_received", authorization: { id: "cmp_1" }, payload: event });
        const signature = k === "rule" ? ruleSignature(secret, raw) : appSignature(secret, NOW, raw);
        const headers = { "x-front-signature": signature, "x-front-request-timestamp": String(NOW) };
        const result = verifyFrontWebhook({ kind: k, secret, headers, body: Buffer.from(raw), now: NOW + skew });
        expect(result.valid).toBe(true);
        if (result.valid) expect(eventIdOf(result.event)).toBe(event.id);

        const bytes = Buffer.from(raw);
        const i = at % bytes.length;
        bytes[i] = bytes[i]! ^ 0x01;
        const tampered = verifyFrontWebhook({ kind: k, secret, headers, body: bytes, now: NOW + skew });
        expect(tampered.valid).toBe(false);
        if (!tampered.valid) expect(tampered.code).toBe("bad_signature");
      }),
      { numRuns: 1000 },
    );
  });
});
