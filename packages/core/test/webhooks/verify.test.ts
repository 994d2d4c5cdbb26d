import { sampleFrontEvent, sampleFrontEventPreview } from "@frontkit/testkit";
import { describe, expect, it } from "vitest";
import { verifyFrontWebhook, type VerifyFrontWebhookInput, type WebhookVerification } from "../../src/index.js";
import { APP_SECRET, NOW, RULE_SECRET, appHeaders, appSignature, ruleHeaders, ruleSignature } from "./support.js";

const event = sampleFrontEvent({ type: "inbound", id: "evt_1", conversationId: "cnv_1", inboxId: "inb_1" });
const envelope = JSON.stringify({ type: "inbound_received", authorization: { id: "cmp_1" }, payload: event });
const ruleBody = JSON.stringify(event);

const app = (overrides: Partial<VerifyFrontWebhookInput> = {}): WebhookVerification =>
  verifyFrontWebhook({ kind: "application", secret: APP_SECRET, headers: appHeaders(envelope), body: envelope, now: NOW, ...overrides });

const rule = (overrides: Partial<VerifyFrontWebhookInput> = {}): WebhookVerification =>
  verifyFrontWebhook({ kind: "rule", secret: RULE_SECRET, headers: ruleHeaders(ruleBody), body: ruleBody, ...overrides });

const refusal = (result: WebhookVerification) => {
  if (result.valid) throw new Error("expected a refusal");
  // No refusal ever repeats a secret or a signature.
  expect(result.reason).not.toContain(APP_SECRET);
  expect(result.reason).not.toContain(RULE_SECRET);
  expect(result.reason).not.toContain(appSignature(APP_SECRET, NOW, envelope));
  expect(result.reason).not.toContain(ruleSignature(RULE_SECRET, ruleBody));
  return result;
};

describe("verifyFrontWebhook — application webhooks", () => {
  it("accepts a correctly signed event given as a string or as bytes", () => {
    for (const body of [envelope, Buffer.from(envelope), new TextEncoder().encode(envelope)]) {
      const result = app({ body });
      expect(result.valid).toBe(true);
      if (!result.valid) return;
      expect(result.kind).toBe("application");
      expect(result.challenge).toBeUndefined();
      expect(result.event).toMatchObject({ kind: "application", type: "inbound_received", authorizationId: "cmp_1", event: { id: "evt_1", type: "inbound" } });
    }
  });

  it("reads Node headers, Fetch Headers and plain objects in any key case", () => {
    const signed = appHeaders(envelope);
    const shouting = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toUpperCase(), v]));
    const mixed = { "X-Front-Signature": signed["x-front-signature"], "X-Front-Request-Timestamp": signed["x-front-request-timestamp"] };
    const nodeStyle = { "x-front-signature": [signed["x-front-signature"]!], "x-front-request-timestamp": signed["x-front-request-timestamp"] };
    for (const headers of [new Headers(signed), shouting, mixed, nodeStyle]) expect(app({ headers }).valid).toBe(true);
  });

  it("answers Front's sync request with the challenge to echo", () => {
    const body = JSON.stringify({ type: "sync", authorization: { id: "cmp_abc" } });
    const result = app({ body, headers: { ...appHeaders(body), "x-front-challenge": "chal-123" } });
    expect(result).toEqual({ valid: true, kind: "application", challenge: "chal-123", event: { kind: "application", type: "sync", authorizationId: "cmp_abc" } });
  });

  it("refuses a tampered body, a wrong secret, and a signature over another timestamp", () => {
    const tampered = envelope.replace("cmp_1", "cmp_2");
    expect(refusal(app({ body: tampered })).code).toBe("bad_signature");
    expect(refusal(app({ headers: appHeaders(envelope, NOW, "another-secret") })).code).toBe("bad_signature");
    const moved = { ...appHeaders(envelope, NOW), "x-front-request-timestamp": String(NOW + 1) };
    const result = refusal(app({ headers: moved }));
    expect(result.code).toBe("bad_signature");
    expect(result.reason).toMatch(/does not match the body.*signing secret.*raw bytes/);
  });

  it("refuses a missing signature or timestamp with what to check", () => {
    const { "x-front-signature": _s, ...noSignature } = appHeaders(envelope);
    const missingSignature = refusal(app({ headers: noSignature }));
    expect(missingSignature.code).toBe("missing_signature");
    expect(missingSignature.reason).toMatch(/x-front-signature header is missing/);
    const { "x-front-request-timestamp": _t, ...noTimestamp } = appHeaders(envelope);
    const missingTimestamp = refusal(app({ headers: noTimestamp }));
    expect(missingTimestamp.code).toBe("missing_timestamp");
    expect(missingTimestamp.reason).toMatch(/kind "rule"/);
  });

  it("refuses malformed signatures: not base64, non-canonical, wrong length, too long", () => {
    const good = appSignature(APP_SECRET, NOW, envelope);
    // Same bytes, other spelling: the last character's unused low bits set (Buffer would decode it leniently).
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const nonCanonical = `${good.slice(0, 42)}${alphabet[alphabet.indexOf(good[42]!) | 1]}=`;
    expect(Buffer.from(nonCanonical, "base64")).toEqual(Buffer.from(good, "base64"));
    const cases = ["not base64!", good.slice(0, -1), nonCanonical, Buffer.alloc(16).toString("base64"), "A".repeat(400), "", "   "];
    for (const signature of cases) {
      const result = refusal(app({ headers: { ...appHeaders(envelope), "x-front-signature": signature } }));
      expect(result.code, signature).toBe("malformed_signature");
    }
  });

  it("refuses a signature header sent twice (array, two key cases, or Fetch's joined value)", () => {
    const headers = appHeaders(envelope);
    const sig = headers["x-front-signature"]!;
    const twiceArray = { ...headers, "x-front-signature": [sig, sig] };
    const twoCases = { ...headers, "X-Front-Signature": sig };
    const fetchJoined = new Headers(headers);
    fetchJoined.append("x-front-signature", sig);
    expect(refusal(app({ headers: twiceArray })).reason).toMatch(/more than once/);
    expect(refusal(app({ headers: twoCases })).code).toBe("malformed_signature");
    const joined = refusal(app({ headers: fetchJoined }));
    expect(joined.code).toBe("malformed_signature");
    expect(joined.reason).toMatch(/sent more than once/);
  });

  it("refuses the rule scheme's signature and says which kind to configure", () => {
    const result = refusal(app({ headers: { ...appHeaders(envelope), "x-front-signature": ruleSignature(APP_SECRET, envelope) } }));
    expect(result.code).toBe("bad_signature");
    expect(result.reason).toMatch(/HMAC-SHA1.*kind "rule"/);
  });

  it("refuses malformed timestamps", () => {
    for (const timestamp of ["abc", "-5", "1.7e12", "17600000000000000000", " ", "0x10"]) {
      const headers = { ...appHeaders(envelope), "x-front-request-timestamp": timestamp };
      const result = refusal(app({ headers }));
      expect(result.code, timestamp).toBe("malformed_timestamp");
    }
  });

  it("refuses a stale or future timestamp with its age and the tolerance", () => {
    const old = refusal(app({ now: NOW + 412_000 }));
    expect(old.code).toBe("stale_timestamp");
    expect(old.reason).toBe("x-front-request-timestamp is 412 s old (tolerance 300 s): check the server clock or replay");
    const future = refusal(app({ now: NOW - 400_000 }));
    expect(future.reason).toBe("x-front-request-timestamp is 400 s in the future (tolerance 300 s): check the server clock or replay");
    expect(app({ now: NOW + 300_000 }).valid).toBe(true);
    expect(refusal(app({ now: NOW + 60_001, toleranceMs: 60_000 })).code).toBe("stale_timestamp");
  });

  it("spots a timestamp in seconds", () => {
    const seconds = Math.floor(NOW / 1000);
    const result = refusal(app({ headers: appHeaders(envelope, seconds) }));
    expect(result.code).toBe("stale_timestamp");
    expect(result.reason).toMatch(/looks like unix seconds/);
  });

  it("refuses signed bodies that are not JSON or not a Front application webhook", () => {
    const signed = (body: string | Uint8Array) => app({ body, headers: appHeaders(body) });
    expect(refusal(signed("not json")).code).toBe("not_json");
    expect(refusal(signed(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).code).toBe("not_json");
    for (const [body, mention] of [
      ["[]", "array"],
      ["{}", "type is missing"],
      ['{"type":"inbound_received"}', "authorization.id"],
      ['{"type":"inbound_received","authorization":{"id":"cmp_1"}}', "payload is missing"],
      ['{"type":"inbound_received","authorization":{"id":"cmp_1"},"payload":{"type":"inbound","emitted_at":1}}', "payload.id"],
    ] as const) {
      const result = refusal(signed(body));
      expect(result.code, body).toBe("not_front_event");
      expect(result.reason).toContain(mention);
    }
  });
});

describe("verifyFrontWebhook — rule webhooks", () => {
  it("accepts a correctly signed full event", () => {
    const result = rule();
    expect(result).toMatchObject({ valid: true, kind: "rule", event: { kind: "rule", preview: false, event: { id: "evt_1" } } });
  });

  it("accepts a preview and marks it", () => {
    const body = JSON.stringify(sampleFrontEventPreview({ id: "evt_p", type: "tag", conversationId: "cnv_p" }));
    const result = rule({ body, headers: ruleHeaders(body) });
    expect(result).toMatchObject({ valid: true, event: { kind: "rule", preview: true, event: { id: "evt_p", type: "tag", conversation: { id: "cnv_p" } } } });
  });

  it("needs no timestamp and ignores one", () => {
    expect(rule({ headers: { ...ruleHeaders(ruleBody), "x-front-request-timestamp": "1" } }).valid).toBe(true);
  });

  it("refuses a tampered body, a wrong secret and the application scheme's signature", () => {
    expect(refusal(rule({ body: ruleBody.replace("evt_1", "evt_2") })).code).toBe("bad_signature");
    expect(refusal(rule({ headers: ruleHeaders(ruleBody, "wrong") })).code).toBe("bad_signature");
    const wrongScheme = refusal(rule({ headers: appHeaders(ruleBody, NOW, RULE_SECRET) }));
    expect(wrongScheme.code).toBe("bad_signature");
    expect(wrongScheme.reason).toMatch(/HMAC-SHA256.*kind "application"/);
  });

  it("refuses a signed body that is not an event", () => {
    const body = '{"hello":"world"}';
    const result = refusal(rule({ body, headers: ruleHeaders(body) }));
    expect(result.code).toBe("not_front_event");
    expect(result.reason).toMatch(/event\.id is missing/);
  });
});

describe("verifyFrontWebhook — bad input never throws", () => {
  it("refuses an empty secret, a parsed body, an oversized body, a bad kind and bad options", () => {
    expect(refusal(app({ secret: "" })).code).toBe("bad_input");
    expect(refusal(app({ body: JSON.parse(envelope) as string })).reason).toMatch(/raw request body/);
    expect(refusal(app({ maxBodyBytes: 10 })).reason).toMatch(/more than maxBodyBytes \(10\)/);
    expect(refusal(app({ kind: "webhook" as "rule" })).reason).toMatch(/kind must be/);
    expect(refusal(app({ toleranceMs: -1 })).code).toBe("bad_input");
    expect(refusal(app({ now: Number.NaN })).code).toBe("bad_input");
    expect(refusal(app({ headers: null as unknown as Headers })).code).toBe("bad_input");
    expect(refusal(verifyFrontWebhook(undefined as unknown as VerifyFrontWebhookInput)).code).toBe("bad_input");
  });

  it("survives headers whose getters throw", () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error(APP_SECRET); } });
    const result = refusal(app({ headers: hostile }));
    expect(result.code).toBe("bad_input");
  });

  it("refuses an unusable challenge instead of echoing it", () => {
    const body = JSON.stringify({ type: "sync", authorization: { id: "cmp_abc" } });
    const result = refusal(app({ body, headers: { ...appHeaders(body), "x-front-challenge": "c".repeat(2000) } }));
    expect(result.code).toBe("bad_input");
  });
});
