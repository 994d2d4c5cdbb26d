// A send that may have landed (5xx, timeout) is never sent again; a 429 (Front did not process it) is.
import { type Fault, type FaultProxy, faults, startFaultProxy } from "@frontkit/testkit";
import { createFrontTools, isFrontToolError } from "@frontkit/tools";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CANARY, figures, record } from "./support.js";

let proxy: FaultProxy;
let duplicates = 0;
let sends = 0;

beforeAll(async () => {
  proxy = await startFaultProxy({ target: inject("prismUrl") });
});
afterAll(async () => {
  await proxy?.stop();
  figures["send-message scenarios (new + reply)"] = sends;
  figures["duplicate POSTs after 5xx/timeout"] = duplicates;
});

const SENDS = {
  "new message from cha_1": { path: "/channels/cha_1/messages", input: { channel_id: "cha_1", to: ["ana@example.com"], subject: "Hello", body: "Hi there" } },
  "reply in cnv_1": { path: "/conversations/cnv_1/messages", input: { conversation_id: "cnv_1", body: "Thanks, on it" } },
} as const;

/** Sends once with `fault` on the first POST; returns the outcome and the POSTs that reached the proxy. */
const send = async (kind: keyof typeof SENDS, fault: Fault) => {
  const { path, input } = SENDS[kind];
  proxy.reset();
  proxy.on({ method: "POST", path }, fault, { times: 1 });
  // Default retry schedule (5 attempts): if the boundary wrongly retried a POST, it would show here.
  const front = createFrontTools({ token: CANARY, baseUrl: proxy.url, timeoutMs: 500, maxRetryAfter: "100 millis", burstPerSecond: 0 });
  try {
    const result = await front.invokeDetailed("send-message", input).then(
      (r) => ({ ok: true as const, attempts: r.meta.attempts, value: r as unknown }),
      (e: unknown) => ({ ok: false as const, attempts: undefined, value: e }),
    );
    record(result.value);
    sends += 1;
    const posts = proxy.requests.filter((r) => r.method === "POST" && r.path === path);
    return { ...result, posts };
  } finally {
    await front.dispose();
  }
};

describe.each(Object.keys(SENDS) as Array<keyof typeof SENDS>)("send-message: %s", (kind) => {
  it("after a 500: exactly one POST, ServerError (not retried)", async () => {
    const r = await send(kind, faults.serverError(500));
    duplicates += Math.max(0, r.posts.length - 1);
    expect(r.posts).toHaveLength(1);
    expect(r.ok).toBe(false);
    expect(isFrontToolError(r.value)).toBe(true);
    expect((r.value as { _tag: string; retryable: boolean })._tag).toBe("ServerError");
  });

  it("after a timeout: exactly one POST, Transport (not retried)", async () => {
    const r = await send(kind, faults.timeout());
    duplicates += Math.max(0, r.posts.length - 1);
    expect(r.posts).toHaveLength(1);
    expect(r.ok).toBe(false);
    expect(isFrontToolError(r.value)).toBe(true);
    expect(r.value).toMatchObject({ _tag: "Transport", reason: "timeout", retryable: false });
  });

  it("after a 429: exactly two POSTs, same body, success", async () => {
    const r = await send(kind, faults.rateLimited({ retryAfter: "1" }));
    expect(r.ok, String(r.value)).toBe(true);
    expect(r.attempts).toBe(2);
    expect(r.posts).toHaveLength(2);
    expect(r.posts.map((p) => p.fault)).toEqual(["rateLimited", "passThrough"]);
    expect(r.posts[1]!.bodyText).toBe(r.posts[0]!.bodyText);
  });
});
