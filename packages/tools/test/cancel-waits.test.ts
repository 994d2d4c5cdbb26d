/** Issue 16 (2): a call waiting in the rate limiter or for a retry ends at once on abort or dispose(). */
import { describe, expect, it } from "vitest";
import { createFrontTools, type FrontTools } from "../src/index.js";
import { fakeFetch, frontError, json } from "./support/fake-fetch.js";

const TOKEN = "tok_CANCEL_SECRET_0123456789";
const BASE = "http://127.0.0.1:9";

/** Every answer says: no request left, the window resets 20 s from now. */
const exhausted = () => {
  const reset = String(Math.ceil(Date.now() / 1000) + 20);
  return fakeFetch([() => json(200, { _results: [] }, { "x-ratelimit-limit": "100", "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset })]);
};

/** How long `p` takes to settle, and how (the error's `_tag` on rejection). */
const settleTime = async (p: Promise<unknown>): Promise<{ ms: number; tag: unknown }> => {
  const start = Date.now();
  try {
    await p;
    return { ms: Date.now() - start, tag: "ok" };
  } catch (e) {
    return { ms: Date.now() - start, tag: (e as { _tag?: unknown })._tag };
  }
};

const warmUp = async (ft: FrontTools) => {
  // The first call learns "remaining 0"; the second then waits in the limiter for the reset.
  await ft.listTags({}, {});
};

describe("waits end on the caller's signal and on dispose()", () => {
  it("an aborted signal ends a wait in the rate limiter (remaining 0, reset 20 s away)", async () => {
    const { fetch, requests } = exhausted();
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch, cacheTtl: 0 });
    try {
      await warmUp(ft);
      const controller = new AbortController();
      const waiting = settleTime(ft.listTags({}, { signal: controller.signal }));
      setTimeout(() => controller.abort(), 100);
      const { ms, tag } = await waiting;
      expect(tag).toBe("Transport");
      expect(ms).toBeLessThan(2_000);
      expect(requests).toHaveLength(1);
    } finally {
      await ft.dispose();
    }
  });

  it("dispose() ends a wait in the rate limiter", async () => {
    const { fetch } = exhausted();
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch, cacheTtl: 0 });
    await warmUp(ft);
    const waiting = settleTime(ft.listTags({}, {}));
    await new Promise((r) => setTimeout(r, 100));
    const start = Date.now();
    await ft.dispose();
    expect(Date.now() - start).toBeLessThan(2_000);
    const { ms } = await waiting;
    expect(ms).toBeLessThan(2_000);
  });

  it("an aborted signal ends the pause after a 429 (retry-after 20 s)", async () => {
    const { fetch, requests } = fakeFetch([frontError(429, "slow down", { "retry-after": "20" })]);
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch, cacheTtl: 0 });
    try {
      const controller = new AbortController();
      const waiting = settleTime(ft.listTags({}, { signal: controller.signal }));
      setTimeout(() => controller.abort(), 100);
      const { ms, tag } = await waiting;
      expect(tag).toBe("Transport");
      expect(ms).toBeLessThan(2_000);
      expect(requests).toHaveLength(1);
    } finally {
      await ft.dispose();
    }
  });
});
