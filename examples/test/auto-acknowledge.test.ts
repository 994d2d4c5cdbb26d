import { type FaultProxy, startFaultProxy, status } from "@frontkit/testkit";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { DEFAULT_ACKNOWLEDGEMENT, run } from "../auto-acknowledge.js";

const token = "auto-acknowledge-test-token";
let proxy: FaultProxy;
beforeEach(async () => {
  proxy = await startFaultProxy({ target: inject("prismUrl") });
});
afterEach(() => proxy.stop());

const replies = () => proxy.requests.filter((r) => r.method === "POST" && /^\/conversations\/cnv_[^/]+\/messages$/.test(r.path));

describe("auto-acknowledge against Prism", () => {
  it("replies once per listed conversation with send-message", async () => {
    const result = await run({ baseUrl: proxy.url, token });

    expect(result.replied.length).toBeGreaterThan(0);
    const sent = replies();
    expect(sent).toHaveLength(result.replied.length);
    expect(sent.map((r) => r.path)).toEqual(result.replied.map((id) => `/conversations/${id}/messages`));
    for (const r of sent) {
      expect((JSON.parse(r.bodyText) as { body: string }).body).toBe(DEFAULT_ACKNOWLEDGEMENT);
      expect(r.headers.authorization).toBe(`Bearer ${token}`);
    }
    expect([...result.acknowledged]).toEqual(result.replied);
  });

  it("does not reply again to conversations already acknowledged", async () => {
    const acknowledged = new Set<string>();
    const first = await run({ baseUrl: proxy.url, token, acknowledged, body: "Got it." });
    const sentAfterFirst = replies().length;
    const second = await run({ baseUrl: proxy.url, token, acknowledged, body: "Got it." });

    expect(second.replied).toEqual([]);
    expect(second.skipped).toEqual(first.replied);
    expect(replies()).toHaveLength(sentAfterFirst);
  });

  it("leaves a conversation unacknowledged when the reply fails, so the next run retries it", async () => {
    proxy.on({ method: "POST", path: /\/messages$/ }, status(403, { body: { _error: { status: 403, title: "Forbidden", message: "Not allowed" } } }), { times: 1 });
    const acknowledged = new Set<string>();
    await expect(run({ baseUrl: proxy.url, token, acknowledged })).rejects.toMatchObject({ _tag: "Forbidden" });
    expect(acknowledged.size).toBe(0);
  });
});
