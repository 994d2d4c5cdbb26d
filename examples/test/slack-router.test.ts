import { deliverFrontWebhook, sampleFrontEvent, sampleFrontEventPreview } from "@frontkit/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { type HttpSink, startHttpSink } from "../lib/http-sink.js";
import { type SlackRouter, startSlackRouter } from "../slack-router.js";

const SECRET = "slack-router-app-secret-3c9d1e";
let stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(stops.map((stop) => stop()));
  stops = [];
});

const sink = async (status = 200): Promise<HttpSink> => {
  const s = await startHttpSink((_req, res) => res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "no"));
  stops.push(() => s.stop());
  return s;
};

const router = async (slack: HttpSink, kind: "application" | "rule" = "application", extra: { failures?: unknown[] } = {}): Promise<SlackRouter> => {
  const r = await startSlackRouter({
    kind,
    secret: SECRET,
    slackWebhookUrl: `${slack.url}/services/T0/B0/x`,
    onPostFailure: (_id, error) => extra.failures?.push(error),
  });
  stops.push(() => r.stop());
  return r;
};

const slackTexts = (slack: HttpSink) => slack.received.map((r) => (JSON.parse(r.body) as { text: string }).text);

describe("slack-router from Front webhooks", () => {
  it("posts one { text } to Slack for an inbound message, with sender, subject and blurb", async () => {
    const slack = await sink();
    const r = await router(slack);
    const event = sampleFrontEvent({ type: "inbound" });

    const report = await deliverFrontWebhook(r.url, { kind: "application", secret: SECRET, event });
    await r.settled();

    expect(report.last.status).toBe(200);
    expect(slack.received).toHaveLength(1);
    const [request] = slack.received;
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe("/services/T0/B0/x");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(Object.keys(JSON.parse(request!.body) as object)).toEqual(["text"]);
    expect(slackTexts(slack)[0]).toMatch(/^New Front message from jane@example\.com in "Where is my order\?": Hello, my order has not arrived/);
    expect(r.posted).toEqual([{ eventId: event["id"], conversationId: (event["conversation"] as { id: string }).id, text: slackTexts(slack)[0] }]);
    expect(slackTexts(slack)[0]).not.toContain(SECRET);
  });

  it("posts once when Front delivers the same event three times", async () => {
    const slack = await sink();
    const r = await router(slack);
    const report = await deliverFrontWebhook(r.url, { kind: "application", secret: SECRET, event: sampleFrontEvent({ type: "inbound" }), duplicates: 3 });
    await r.settled();

    expect(report.deliveries.map((d) => d.ok)).toEqual([true, true, true]);
    expect(slack.received).toHaveLength(1);
    expect(r.posted).toHaveLength(1);
  });

  it("ignores other event types and Front's sync request, and answers the sync challenge", async () => {
    const slack = await sink();
    const r = await router(slack);
    for (const type of ["outbound", "tag", "assign", "comment"]) {
      expect((await deliverFrontWebhook(r.url, { kind: "application", secret: SECRET, event: sampleFrontEvent({ type }) })).last.status).toBe(200);
    }
    const sync = await deliverFrontWebhook(r.url, { kind: "application", secret: SECRET, challenge: "challenge-4f2a" });
    await r.settled();

    expect(sync.last.status).toBe(200);
    expect(sync.last.body).toContain("challenge-4f2a");
    expect(slack.received).toHaveLength(0);
  });

  it("refuses a request signed with another secret and posts nothing", async () => {
    const slack = await sink();
    const r = await router(slack);
    const report = await deliverFrontWebhook(r.url, { kind: "application", secret: "not-the-secret-at-all-123", event: sampleFrontEvent({ type: "inbound" }), retries: 0 });
    await r.settled();

    expect(report.last.status).toBe(401);
    expect(report.last.body).not.toContain(SECRET);
    expect(slack.received).toHaveLength(0);
  });

  it("runs from a rule webhook too, naming the conversation when the rule sends previews", async () => {
    const slack = await sink();
    const r = await router(slack, "rule");
    const preview = sampleFrontEventPreview({ type: "inbound" });
    await deliverFrontWebhook(r.url, { kind: "rule", secret: SECRET, event: preview });
    await deliverFrontWebhook(r.url, { kind: "rule", secret: SECRET, event: sampleFrontEvent({ type: "inbound" }) });
    await r.settled();

    expect(slackTexts(slack)).toHaveLength(2);
    expect(slackTexts(slack)[0]).toBe(`New Front message in conversation ${(preview["conversation"] as { id: string }).id}`);
    expect(slackTexts(slack)[1]).toMatch(/^New Front message from jane@example\.com/);
  });

  it("reports a refused Slack post without counting it as posted, and keeps serving", async () => {
    const slack = await sink(500);
    const failures: unknown[] = [];
    const r = await router(slack, "application", { failures });
    await deliverFrontWebhook(r.url, { kind: "application", secret: SECRET, event: sampleFrontEvent({ type: "inbound" }) });
    await r.settled();

    expect(slack.received).toHaveLength(1);
    expect(r.posted).toHaveLength(0);
    expect(String(failures[0])).toMatch(/Slack webhook answered 500/);
    const again = await deliverFrontWebhook(r.url, { kind: "application", secret: SECRET, event: sampleFrontEvent({ type: "inbound" }) });
    await r.settled();
    expect(again.last.status).toBe(200);
    expect(slack.received).toHaveLength(2);
  });
});
