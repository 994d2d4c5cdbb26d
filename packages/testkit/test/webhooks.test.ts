import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../src/free-port.js";
import { listenOnLoopback, type LoopbackListener } from "../src/loopback-server.js";
import { applicationWebhookBody, deliverFrontWebhook, sampleFrontEvent, sampleFrontEventPreview, signApplicationWebhook, signRuleWebhook } from "../src/webhooks.js";

const SECRET = "sender-test-secret";

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let listeners: LoopbackListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.map((l) => l.stop()));
  listeners = [];
});

// A server that records every request and answers with the next status of `statuses` (then 200).
const recorder = async (statuses: number[] = []) => {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = statuses.shift() ?? 200;
      res.end(`{"n":${received.length}}`);
    });
  });
  const listener = await listenOnLoopback(server);
  listeners.push(listener);
  return { url: listener.url, received };
};

describe("signers", () => {
  it("follow Front's documented schemes", () => {
    const body = '{"a":1}';
    expect(signApplicationWebhook(SECRET, body, 1700000000000)).toBe(createHmac("sha256", SECRET).update(`1700000000000:${body}`).digest("base64"));
    expect(signRuleWebhook(SECRET, body)).toBe(createHmac("sha1", SECRET).update(body).digest("base64"));
    expect(signRuleWebhook(SECRET, Buffer.from(body))).toBe(signRuleWebhook(SECRET, body));
  });
});

describe("deliverFrontWebhook", () => {
  it("sends an application webhook like Front: envelope, JSON, timestamp and signature", async () => {
    const server = await recorder();
    const event = sampleFrontEvent({ type: "inbound", id: "evt_a" });
    const report = await deliverFrontWebhook(server.url, { kind: "application", secret: SECRET, event, authorizationId: "cmp_7", timestampMs: 1_700_000_000_123 });
    expect(report.last).toMatchObject({ status: 200, body: '{"n":1}', timestampMs: 1_700_000_000_123 });
    const [request] = server.received;
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["x-front-request-timestamp"]).toBe("1700000000123");
    expect(request!.headers["x-front-signature"]).toBe(createHmac("sha256", SECRET).update(`1700000000123:${request!.body}`).digest("base64"));
    expect(JSON.parse(request!.body)).toEqual({ type: "inbound_received", authorization: { id: "cmp_7" }, payload: event });
  });

  it("sends a rule webhook: the event itself, HMAC-SHA1, no timestamp", async () => {
    const server = await recorder();
    const event = sampleFrontEvent({ type: "tag" });
    await deliverFrontWebhook(server.url, { kind: "rule", secret: SECRET, event });
    const [request] = server.received;
    expect(JSON.parse(request!.body)).toEqual(event);
    expect(request!.headers["x-front-request-timestamp"]).toBeUndefined();
    expect(request!.headers["x-front-signature"]).toBe(createHmac("sha1", SECRET).update(request!.body).digest("base64"));
  });

  it("sends the sync validation request with a challenge", async () => {
    const server = await recorder();
    await deliverFrontWebhook(server.url, { kind: "application", secret: SECRET, challenge: "c-1", authorizationId: "cmp_s" });
    const [request] = server.received;
    expect(request!.headers["x-front-challenge"]).toBe("c-1");
    expect(JSON.parse(request!.body)).toEqual({ type: "sync", authorization: { id: "cmp_s" } });
  });

  it("retries non-2xx answers, a bounded number of times", async () => {
    const recovering = await recorder([500, 503]);
    const ok = await deliverFrontWebhook(recovering.url, { kind: "application", secret: SECRET, event: sampleFrontEvent(), retries: 3, retryDelayMs: 1 });
    expect(ok.deliveries[0]).toMatchObject({ ok: true });
    expect(ok.deliveries[0]!.attempts.map((a) => a.status)).toEqual([500, 503, 200]);

    const failing = await recorder([500, 500, 500, 500, 500]);
    const gaveUp = await deliverFrontWebhook(failing.url, { kind: "application", secret: SECRET, event: sampleFrontEvent(), retries: 2, retryDelayMs: 1 });
    expect(gaveUp.deliveries[0]).toMatchObject({ ok: false });
    expect(failing.received).toHaveLength(3);
    // Rule webhooks are not retried unless asked.
    const rules = await recorder([500]);
    await deliverFrontWebhook(rules.url, { kind: "rule", secret: SECRET, event: sampleFrontEvent() });
    expect(rules.received).toHaveLength(1);
  });

  it("reports network errors as attempts", async () => {
    const port = await freePort();
    const report = await deliverFrontWebhook(`http://127.0.0.1:${port}/`, { kind: "rule", secret: SECRET, event: sampleFrontEvent(), retries: 1, retryDelayMs: 1 });
    expect(report.deliveries[0]!.attempts).toHaveLength(2);
    expect(report.last.error).toMatch(/fetch failed/);
    expect(report.deliveries[0]!.ok).toBe(false);
  });

  it("delivers the same body several times, each signed afresh", async () => {
    const server = await recorder();
    const report = await deliverFrontWebhook(server.url, { kind: "application", secret: SECRET, event: sampleFrontEvent({ id: "evt_same" }), duplicates: 3 });
    expect(report.deliveries).toHaveLength(3);
    expect(new Set(server.received.map((r) => r.body)).size).toBe(1);
    for (const r of server.received) {
      expect(r.headers["x-front-signature"]).toBe(signApplicationWebhook(SECRET, r.body, String(r.headers["x-front-request-timestamp"])));
    }
  });

  it("sends a given body as is, and headers override", async () => {
    const server = await recorder();
    await deliverFrontWebhook(server.url, { kind: "rule", secret: SECRET, body: "{ raw  }", headers: { "x-front-signature": "tampered" } });
    expect(server.received[0]).toMatchObject({ body: "{ raw  }", headers: { "x-front-signature": "tampered" } });
  });
});

describe("samples", () => {
  it("build events with Front's top-level shape for any type, and previews without data", () => {
    for (const type of ["inbound", "move", "tag", "assign", "comment", "conversations_merged", "reminder", "made_up"]) {
      const event = sampleFrontEvent({ type, conversationId: "cnv_x", inboxId: "inb_x" });
      expect(event).toMatchObject({ type, conversation: { id: "cnv_x" }, _links: { self: expect.stringContaining("/events/evt_") } });
      expect(typeof event["emitted_at"]).toBe("number");
      expect(event["source"]).toHaveProperty("_meta.type");
    }
    const small = JSON.stringify(sampleFrontEvent()).length;
    expect(JSON.stringify(sampleFrontEvent({ padding: 1000 })).length).toBeGreaterThan(small + 900);
    expect(sampleFrontEvent().id).not.toBe(sampleFrontEvent().id);
    const preview = sampleFrontEventPreview({ id: "evt_p" });
    expect(JSON.stringify(preview)).not.toContain('"data"');
    expect(applicationWebhookBody(preview, { type: "custom" })).toMatchObject({ type: "custom", payload: preview });
  });
});
