// What --verbose and MCP logging are built on: the boundary reports each HTTP attempt and each retry wait,
// by method and path template, with status and timings — never the token, a body or a concrete path.
import { describe, expect, it } from "vitest";
import { createFrontTools, type RequestEvent } from "../src/index.js";
import { fakeFetch, frontError, json } from "./support/fake-fetch.js";

const TOKEN = "tok_EVENTS_SECRET_0123456789";
const BASE = "http://127.0.0.1:9";

describe("request events", () => {
  it("a call reports each attempt and the retry wait between them (per call and per instance)", async () => {
    const { fetch } = fakeFetch([
      frontError(429, "Too many requests", { "retry-after": "1" }),
      json(200, { id: "crd_1", name: "Jane" }),
    ]);
    const everyCall: RequestEvent[] = [];
    const front = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch, maxRetryAfter: "20 millis", onRequest: (e) => everyCall.push(e) });
    try {
      const thisCall: RequestEvent[] = [];
      await front.getContact({ email: "jane@example.com" }, { onRequest: (e) => thisCall.push(e) });
      expect(thisCall).toEqual(everyCall);
      expect(thisCall.map((e) => [e.type, e.operation, e.attempt])).toEqual([
        ["attempt", "GET /contacts/{contact_id}", 1],
        ["retry", "GET /contacts/{contact_id}", 2],
        ["attempt", "GET /contacts/{contact_id}", 2],
      ]);
      expect(thisCall[0]).toMatchObject({ status: 429, error: "RateLimited" });
      expect(thisCall[1]).toMatchObject({ reason: "RateLimited", status: 429 });
      const wait = thisCall[1]?.type === "retry" ? thisCall[1].delayMs : -1;
      expect(wait).toBeGreaterThanOrEqual(20);
      expect(wait).toBeLessThan(1_000); // capped by maxRetryAfter (plus jitter)
      expect(thisCall[2]).toMatchObject({ status: 200 });
      expect(thisCall[2]).not.toHaveProperty("error");
      for (const e of thisCall) if (e.type === "attempt") expect(e.durationMs).toBeGreaterThanOrEqual(0);
      const text = JSON.stringify(thisCall);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain("jane@example.com");
    } finally {
      await front.dispose();
    }
  });

  it("a request that never got an answer reports no status and its error tag; a throwing observer breaks nothing", async () => {
    const { fetch } = fakeFetch([Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("ECONNRESET"), { code: "ECONNRESET" }) })]);
    const front = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch, retry: undefined, maxRetryAfter: "1 millis" });
    try {
      const events: RequestEvent[] = [];
      const failure = await front
        .createContact(
          { handles: [{ source: "email", handle: "a@b.co" }] },
          {
            onRequest: (e) => {
              events.push(e);
              throw new Error("observer bug");
            },
          },
        )
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(failure).toMatchObject({ _tag: "Transport", reason: "reset" });
      // A POST that may have landed is never retried: one attempt, no retry event.
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: "attempt", operation: "POST /contacts", attempt: 1, error: "Transport" });
      expect(events[0]).not.toHaveProperty("status");
    } finally {
      await front.dispose();
    }
  });
});
