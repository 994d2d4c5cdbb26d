/**
 * Issue 16 (4): a Front (or a proxy) echoing the Authorization header into its response headers never makes the
 * token surface — not in errors (requestId, RateLimited's tier and message), not in a success's meta.
 */
import { describe, expect, it } from "vitest";
import { createFrontTools } from "../src/index.js";
import { fakeFetch, frontError, json } from "./support/fake-fetch.js";

const TOKEN = "tok_ECHOED_SECRET_0123456789";
const BASE = "http://127.0.0.1:9";
const echo = { "x-request-id": `req-Bearer ${TOKEN}`, "x-front-tier": `Bearer ${TOKEN}` };

/** A 301 with no Location, echoing the token. */
const movedNowhere = () => new Response(null, { status: 301, headers: echo });

const outcome = async (p: Promise<unknown>): Promise<string> => {
  try {
    const value = await p;
    return JSON.stringify(value);
  } catch (e) {
    const err = e as Error;
    return `${JSON.stringify(err)} ${String(err)} ${err.message}`;
  }
};

const cases: ReadonlyArray<readonly [string, string, Record<string, unknown>]> = [
  ["get-conversation", "getConversation", { conversation_id: "cnv_1" }],
  ["add-tag", "addTag", { conversation_id: "cnv_1", tag_ids: ["tag_1"] }],
  ["send-message", "sendMessage", { conversation_id: "cnv_1", body: "hello" }],
];

describe("headers echoing the token", () => {
  it.each(cases)("%s: the requestId of a 301 without Location is scrubbed", async (_name, method, input) => {
    const { fetch } = fakeFetch([movedNowhere()]);
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch, burstPerSecond: 0 });
    try {
      const text = await outcome((ft as unknown as Record<string, (i: unknown) => Promise<unknown>>)[method]!(input));
      expect(text).toContain("UnexpectedResponse");
      expect(text).toContain("req-Bearer <redacted>");
      expect(text).not.toContain(TOKEN);
    } finally {
      await ft.dispose();
    }
  });

  it("a 429 whose x-front-tier echoes the token: neither the message nor the tier field carries it", async () => {
    const { fetch } = fakeFetch([frontError(429, "slow down", { ...echo, "retry-after": "0" })]);
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch, burstPerSecond: 0, retry: undefined, maxRetryAfter: 0 });
    try {
      const text = await outcome(ft.listTags({}));
      expect(text).toContain("RateLimited");
      expect(text).toContain("<redacted>");
      expect(text).not.toContain(TOKEN);
    } finally {
      await ft.dispose();
    }
  });

  it("a success's meta.rateLimit.tier is scrubbed", async () => {
    const { fetch } = fakeFetch([json(200, { _results: [], _pagination: { next: null } }, echo)]);
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch, burstPerSecond: 0 });
    try {
      const result = await ft.invokeDetailed("list-teammates", {});
      expect(result.meta.rateLimit.tier).toBe("Bearer <redacted>");
      expect(JSON.stringify(result)).not.toContain(TOKEN);
    } finally {
      await ft.dispose();
    }
  });
});
