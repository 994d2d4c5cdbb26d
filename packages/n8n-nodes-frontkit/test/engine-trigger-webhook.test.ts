/**
 * The built Front Trigger in webhook mode, in n8n's engine: signed deliveries from a Front-like
 * sender over real HTTP, verified over the raw body, run through WorkflowExecute; refusals,
 * the sync challenge, filters and repeated deliveries.
 */
import { deliverFrontWebhook, sampleFrontEvent, sampleFrontEventPreview, signApplicationWebhook, signRuleWebhook } from "@frontkit/testkit";
import { HookContext } from "n8n-core";
import type { IHookFunctions, INodeParameters, IWebhookData } from "n8n-workflow";
import { afterEach, describe, expect, it } from "vitest";
import { builtFrontTriggerNode } from "./engine/built-package.js";
import { startWebhookHost, TRIGGER_NODE_NAME, type WebhookHost, workflowFor } from "./engine/trigger-host.js";

const SECRET = `canary-${Math.random().toString(36).slice(2)}-webhook-secret`;
const OTHER_SECRET = "not-the-secret-front-signs-with";

let host: WebhookHost | undefined;
afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const start = async (parameters: INodeParameters, secret = SECRET) => {
  host = await startWebhookHost({ parameters, credentials: { frontWebhookApi: { secret } } });
  return host;
};

const post = (url: string, body: string, headers: Record<string, string>) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, signal: AbortSignal.timeout(10_000) });

const expectNoSecret = (value: unknown) => expect(JSON.stringify(value)).not.toContain(SECRET);

describe("signed deliveries start the workflow", () => {
  it("an application webhook event runs the workflow once with the event, its kind and authorization", async () => {
    const h = await start({ mode: "webhook", kind: "application" });
    const event = sampleFrontEvent({ type: "inbound", inboxId: "inb_support" });
    const report = await deliverFrontWebhook(h.url, { kind: "application", secret: SECRET, event, authorizationId: "cmp_acme", retries: 0 });
    expect(report.last.status).toBe(200);
    expect(h.thrown).toEqual([]);
    expect(h.runs).toHaveLength(1);
    const run = h.runs[0]!;
    expect(run.run.status).toBe("success");
    expect(run.items).toHaveLength(1);
    expect(run.items[0]?.json).toMatchObject({ id: event["id"], type: "inbound", kind: "application", deliveryType: "full", authorizationId: "cmp_acme" });
    expect(run.items[0]?.json.conversation).toEqual(event["conversation"]);
    // The run went past the trigger: the next node got the same item.
    expect(run.collected.map((i) => i.json)).toEqual(run.items.map((i) => i.json));
    expectNoSecret(run.run.data);
  });

  it("a rule webhook with the full event runs the workflow with kind rule", async () => {
    const h = await start({ mode: "webhook", kind: "rule" });
    const event = sampleFrontEvent({ type: "tag" });
    const report = await deliverFrontWebhook(h.url, { kind: "rule", secret: SECRET, event });
    expect(report.last.status).toBe(200);
    expect(h.runs).toHaveLength(1);
    expect(h.runs[0]?.items[0]?.json).toMatchObject({ id: event["id"], type: "tag", kind: "rule", deliveryType: "full" });
    expect(h.runs[0]?.items[0]?.json).not.toHaveProperty("authorizationId");
  });

  it("a rule webhook preview runs the workflow with deliveryType preview", async () => {
    const h = await start({ mode: "webhook", kind: "rule" });
    const preview = sampleFrontEventPreview({ type: "comment" });
    await deliverFrontWebhook(h.url, { kind: "rule", secret: SECRET, body: preview });
    expect(h.runs).toHaveLength(1);
    expect(h.runs[0]?.items[0]?.json).toMatchObject({ id: preview["id"], type: "comment", kind: "rule", deliveryType: "preview" });
  });

  it("verifies the bytes Front sent, not the parsed JSON: odd spacing and key order still pass", async () => {
    const h = await start({ mode: "webhook", kind: "rule" });
    const event = sampleFrontEvent({ type: "archive" });
    // Re-serialising this would change the bytes (and the signature); only the raw body matches.
    const raw = `{  "type" : "archive",\n "emitted_at": ${String(event["emitted_at"])}, "id":"${String(event["id"])}",  "conversation": ${JSON.stringify(event["conversation"], null, 3)}, "source": ${JSON.stringify(event["source"])} }`;
    expect(raw).not.toBe(JSON.stringify(JSON.parse(raw)));
    const response = await post(h.url, raw, { "x-front-signature": signRuleWebhook(SECRET, raw) });
    expect(response.status).toBe(200);
    expect(h.runs).toHaveLength(1);
    expect(h.runs[0]?.items[0]?.json.id).toBe(event["id"]);
  });
});

describe("refusals: 401, nothing runs, the secret never shows", () => {
  it("a wrong signature is refused with 401 and the reason", async () => {
    const h = await start({ mode: "webhook", kind: "application" });
    const report = await deliverFrontWebhook(h.url, { kind: "application", secret: OTHER_SECRET, event: sampleFrontEvent(), retries: 0 });
    expect(report.last.status).toBe(401);
    const body = JSON.parse(report.last.body ?? "{}") as { error: string; code: string };
    expect(body.code).toBe("bad_signature");
    expect(body.error.length).toBeGreaterThan(0);
    expect(report.last.body).not.toContain(SECRET);
    expect(h.runs).toEqual([]);
    expect(h.thrown).toEqual([]);
  });

  it("a body changed after signing is refused (401)", async () => {
    const h = await start({ mode: "webhook", kind: "rule" });
    const body = JSON.stringify(sampleFrontEvent({ type: "inbound" }));
    const signature = signRuleWebhook(SECRET, body);
    const response = await post(h.url, body.replace('"inbound"', '"outbound"'), { "x-front-signature": signature });
    expect(response.status).toBe(401);
    expect(h.runs).toEqual([]);
  });

  it("no signature, or a stale application timestamp, is refused (401)", async () => {
    const h = await start({ mode: "webhook", kind: "application" });
    const unsigned = await post(h.url, JSON.stringify({ type: "inbound_received", authorization: { id: "cmp_x" }, payload: sampleFrontEvent() }), {});
    expect(unsigned.status).toBe(401);
    const stale = await deliverFrontWebhook(h.url, {
      kind: "application",
      secret: SECRET,
      event: sampleFrontEvent(),
      timestampMs: Date.now() - 60 * 60 * 1000,
      retries: 0,
    });
    expect(stale.last.status).toBe(401);
    expect(JSON.parse(stale.last.body ?? "{}")).toMatchObject({ code: "stale_timestamp" });
    expect(h.runs).toEqual([]);
  });

  it("a rule webhook signed as an application webhook (the wrong kind) is refused", async () => {
    const h = await start({ mode: "webhook", kind: "rule" });
    const report = await deliverFrontWebhook(h.url, { kind: "application", secret: SECRET, event: sampleFrontEvent(), retries: 0 });
    expect(report.last.status).toBe(401);
    expect(h.runs).toEqual([]);
  });

  it("a genuinely signed body that is no Front event is a 400, not a run", async () => {
    const h = await start({ mode: "webhook", kind: "rule" });
    const body = JSON.stringify({ hello: "world" });
    const response = await post(h.url, body, { "x-front-signature": signRuleWebhook(SECRET, body) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "not_front_event" });
    expect(h.runs).toEqual([]);
  });
});

describe("Front's sync challenge", () => {
  it("a signed sync is answered 200 with the challenge and starts nothing", async () => {
    const h = await start({ mode: "webhook", kind: "application" });
    const report = await deliverFrontWebhook(h.url, { kind: "application", secret: SECRET, challenge: "ch4llenge-9f2", retries: 0 });
    expect(report.last.status).toBe(200);
    expect(JSON.parse(report.last.body ?? "{}")).toEqual({ challenge: "ch4llenge-9f2" });
    expect(h.runs).toEqual([]);
  });

  it("an unsigned sync is refused: the URL echoes nothing for strangers", async () => {
    const h = await start({ mode: "webhook", kind: "application" });
    const body = JSON.stringify({ type: "sync", authorization: { id: "cmp_x" } });
    const timestamp = String(Date.now());
    const response = await post(h.url, body, {
      "x-front-request-timestamp": timestamp,
      "x-front-signature": signApplicationWebhook(OTHER_SECRET, body, timestamp),
      "x-front-challenge": "ch4llenge-9f2",
    });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain("ch4llenge-9f2");
  });
});

describe("filters", () => {
  it("event types: a type not picked is answered 200 and starts nothing; a picked one runs", async () => {
    const h = await start({ mode: "webhook", kind: "rule", events: ["inbound", "out_reply"] });
    const tag = await deliverFrontWebhook(h.url, { kind: "rule", secret: SECRET, event: sampleFrontEvent({ type: "tag" }) });
    expect(tag.last.status).toBe(200);
    expect(JSON.parse(tag.last.body ?? "{}")).toMatchObject({ started: false });
    expect(h.runs).toEqual([]);
    const inbound = sampleFrontEvent({ type: "inbound" });
    await deliverFrontWebhook(h.url, { kind: "rule", secret: SECRET, event: inbound });
    expect(h.runs.map((r) => r.items[0]?.json.id)).toEqual([inbound["id"]]);
  });

  it("inbox ids: only events naming a picked inbox run; events naming none are dropped", async () => {
    const h = await start({ mode: "webhook", kind: "application", inboxIds: "inb_support, inb_sales" });
    const other = sampleFrontEvent({ type: "inbound", inboxId: "inb_elsewhere" });
    const mine = sampleFrontEvent({ type: "inbound", inboxId: "inb_sales" });
    const moved = sampleFrontEvent({ type: "move", inboxId: "inb_support" });
    const tagged = sampleFrontEvent({ type: "tag" });
    for (const event of [other, mine, moved, tagged]) {
      const report = await deliverFrontWebhook(h.url, { kind: "application", secret: SECRET, event, retries: 0 });
      expect(report.last.status).toBe(200);
    }
    expect(h.runs.map((r) => r.items[0]?.json.id)).toEqual([mine["id"], moved["id"]]);
  });

  it("a wrong inbox id is answered 500 naming the field, and nothing runs", async () => {
    const h = await start({ mode: "webhook", kind: "rule", inboxIds: "support" });
    const report = await deliverFrontWebhook(h.url, { kind: "rule", secret: SECRET, event: sampleFrontEvent() });
    expect(report.last.status).toBe(500);
    expect(report.last.body).toContain("Inbox IDs");
    // A caller who cannot sign learns nothing about the set-up.
    const stranger = await deliverFrontWebhook(h.url, { kind: "rule", secret: OTHER_SECRET, event: sampleFrontEvent() });
    expect(stranger.last.status).toBe(401);
    expect(stranger.last.body).not.toContain("Inbox IDs");
    expect(h.runs).toEqual([]);
  });
});

describe("repeated deliveries", () => {
  it("the same event delivered twice starts one run; another event starts another", async () => {
    const h = await start({ mode: "webhook", kind: "application" });
    const event = sampleFrontEvent({ type: "inbound" });
    const report = await deliverFrontWebhook(h.url, { kind: "application", secret: SECRET, event, duplicates: 2, retries: 0 });
    expect(report.deliveries.map((d) => d.attempts.at(-1)?.status)).toEqual([200, 200]);
    expect(JSON.parse(report.last.body ?? "{}")).toMatchObject({ started: false });
    expect(h.runs).toHaveLength(1);
    // The id is kept in the workflow's saved static data (what survives between n8n's webhook calls).
    expect(Object.keys(h.store.node()["seenEventIds"] as object)).toEqual([event["id"]]);
    const next = sampleFrontEvent({ type: "inbound" });
    await deliverFrontWebhook(h.url, { kind: "application", secret: SECRET, event: next, retries: 0 });
    expect(h.runs.map((r) => r.items[0]?.json.id)).toEqual([event["id"], next["id"]]);
  });

  it("a redelivery whose body differs but names the same event id is still one run", async () => {
    const h = await start({ mode: "webhook", kind: "rule" });
    const event = sampleFrontEvent({ type: "assign" });
    await deliverFrontWebhook(h.url, { kind: "rule", secret: SECRET, event });
    await deliverFrontWebhook(h.url, { kind: "rule", secret: SECRET, event: { ...event, emitted_at: Number(event["emitted_at"]) + 1 } });
    expect(h.runs).toHaveLength(1);
  });
});

describe("set-up problems", () => {
  it("polling mode registers no webhook: a delivery gets 404 and runs nothing", async () => {
    const h = await start({ mode: "polling" });
    const report = await deliverFrontWebhook(h.url, { kind: "rule", secret: SECRET, event: sampleFrontEvent() });
    expect(report.last.status).toBe(404);
    expect(h.runs).toEqual([]);
  });

  it("an empty secret answers 500 and runs nothing", async () => {
    const h = await start({ mode: "webhook", kind: "rule" }, "  ");
    const report = await deliverFrontWebhook(h.url, { kind: "rule", secret: SECRET, event: sampleFrontEvent() });
    expect(report.last.status).toBe(500);
    expect(h.runs).toEqual([]);
    expect(h.thrown).toEqual([]);
  });
});

describe("activation (webhookMethods in n8n-core's HookContext)", () => {
  const activate = async (parameters: INodeParameters, secret: string) => {
    const built = workflowFor({ parameters, credentials: { frontWebhookApi: { secret } } });
    const type = builtFrontTriggerNode();
    const webhookData = {
      httpMethod: "POST",
      node: TRIGGER_NODE_NAME,
      path: "x/webhook",
      webhookDescription: type.description.webhooks![0]!,
      workflowId: built.workflow.id,
      workflowExecuteAdditionalData: built.additionalData,
    } as IWebhookData;
    const context = new HookContext(built.workflow, built.triggerNode, built.additionalData, "webhook", "activate", webhookData) as unknown as IHookFunctions;
    const methods = type.webhookMethods?.default;
    const exists = await methods!.checkExists.call(context);
    return exists ? true : methods!.create.call(context);
  };

  it("a complete set-up activates", async () => {
    await expect(activate({ mode: "webhook", kind: "rule", inboxIds: "inb_a1" }, SECRET)).resolves.toBe(true);
  });

  it("an empty secret or a wrong inbox id fails activation with what to fix", async () => {
    await expect(activate({ mode: "webhook", kind: "rule" }, "")).rejects.toThrow(/no signing secret/);
    await expect(activate({ mode: "webhook", kind: "rule", inboxIds: "inb_a1, sales" }, SECRET)).rejects.toThrow(/Inbox IDs: "sales"/);
  });
});
