import { startFaultProxy } from "@frontkit/testkit";
import { afterEach, describe, expect, inject, it } from "vitest";
import { run } from "../slack-router.js";
import { type HttpSink, startHttpSink } from "../lib/http-sink.js";

const token = "slack-router-test-token";
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

describe("slack-router against Prism", () => {
  it("posts one { text } per unassigned conversation to the webhook", async () => {
    const slack = await sink();
    const proxy = await startFaultProxy({ target: inject("prismUrl") });
    stops.push(() => proxy.stop());

    const result = await run({ baseUrl: proxy.url, token, slackWebhookUrl: `${slack.url}/services/T0/B0/x`, since: 1_600_000_000 });

    expect(result.posted.length).toBeGreaterThan(0);
    expect(slack.received).toHaveLength(result.posted.length);
    for (const [i, req] of slack.received.entries()) {
      expect(req.method).toBe("POST");
      expect(req.path).toBe("/services/T0/B0/x");
      expect(req.headers["content-type"]).toBe("application/json");
      const body = JSON.parse(req.body) as { text: string };
      expect(Object.keys(body)).toEqual(["text"]);
      expect(body.text).toBe(result.posted[i]!.text);
      expect(body.text).toMatch(/^New Front message/);
      expect(body.text).not.toContain(token);
    }
    const list = proxy.requests.find((r) => r.method === "GET" && r.path === "/conversations");
    expect(list?.query.get("q[statuses][]") ?? list?.url).toContain("unassigned");
    const gets = proxy.requests.filter((r) => /^\/conversations\/cnv_[^/]+(\/messages)?$/.test(r.path));
    expect(gets.length).toBeGreaterThanOrEqual(result.posted.length);
  });

  it("fails and does not move the cursor when Slack refuses the post", async () => {
    const slack = await sink(500);
    await expect(run({ baseUrl: inject("prismUrl"), token, slackWebhookUrl: slack.url, since: 1_600_000_000 })).rejects.toThrow(/Slack webhook answered 500/);
    expect(slack.received).toHaveLength(1);
  });

  it("rejects bad input before any request", async () => {
    const slack = await sink();
    const proxy = await startFaultProxy({ target: inject("prismUrl") });
    stops.push(() => proxy.stop());
    await expect(run({ baseUrl: proxy.url, token, slackWebhookUrl: slack.url, since: "not a date" })).rejects.toMatchObject({ _tag: "InvalidInput" });
    expect(proxy.requests).toHaveLength(0);
    expect(slack.received).toHaveLength(0);
  });
});
