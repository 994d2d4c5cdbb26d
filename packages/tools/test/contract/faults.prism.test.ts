/**
 * Faults injected by the testkit proxy in front of Prism: 429s (single and
 * storms under concurrency), 5xx, resets, timeouts and bodies that are not JSON.
 */
import { connectionReset, html, malformedJson, rateLimited, serverError, startFaultProxy, timeout, type FaultProxy } from "@frontkit/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createFrontTools, FrontRetry } from "../../src/index.js";

const prismUrl = inject("prismUrl");
let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy({ target: prismUrl });
});
afterAll(async () => {
  await proxy?.stop();
});
beforeEach(() => proxy.reset());

const rejection = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as Record<string, unknown>;
  }
  throw new Error("expected a rejection");
};

const make = (options: Parameters<typeof createFrontTools>[0] extends infer O ? Partial<O & object> : never = {}) =>
  createFrontTools({ token: "tok_fault_0123456789", baseUrl: proxy.url, burstPerSecond: 0, cacheTtl: 0, ...options });

describe("fault proxy in front of Prism", () => {
  it("a 429 with retry-after is honoured, then the call succeeds", async () => {
    const ft = make();
    try {
      proxy.enqueue(rateLimited({ retryAfter: "1" }));
      const started = Date.now();
      const out = await ft.invokeDetailed("list-teammates", {});
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      expect(out.meta.attempts).toBe(2);
      expect(proxy.requests.map((r) => r.fault)).toEqual(["rateLimited", "passThrough"]);
    } finally {
      await ft.dispose();
    }
  });

  it("a 429 storm under concurrency: every call waits the shared gate and succeeds", async () => {
    const ft = make({ maxConcurrency: 4 });
    try {
      proxy.on({ path: "/teammates" }, rateLimited({ retryAfter: "1" }), { times: 3 });
      const results = await Promise.all(Array.from({ length: 8 }, () => ft.listTeammates({})));
      expect(results.every((r) => r.count > 0)).toBe(true);
      const limited = proxy.requests.filter((r) => r.fault === "rateLimited");
      const passed = proxy.requests.filter((r) => r.fault === "passThrough");
      expect(limited.length).toBe(3);
      expect(passed.length).toBe(8);
      // Once the first 429 reached the client (allow 100 ms for requests already on the wire),
      // nothing was sent until its retry-after had elapsed.
      const firstLimited = limited[0]!.receivedAt;
      const duringGate = proxy.requests.filter((r) => r.receivedAt > firstLimited + 100 && r.receivedAt < firstLimited + 950);
      expect(duringGate).toEqual([]);
    } finally {
      await ft.dispose();
    }
  });

  it("a GET is retried on 5xx; a POST is not", async () => {
    const ft = make();
    try {
      proxy.enqueue(serverError(503));
      const inboxes = await ft.invokeDetailed("list-inboxes", {});
      expect(inboxes.meta.attempts).toBe(2);

      proxy.reset();
      proxy.enqueue(serverError(500));
      const e = await rejection(ft.createContact({ handles: [{ source: "email", handle: "a@b.co" }] }));
      expect(e._tag).toBe("ServerError");
      expect(e.retryable).toBe(false);
      expect(proxy.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    } finally {
      await ft.dispose();
    }
  });

  it("a connection reset is Transport(reset); a POST that got one is not repeated", async () => {
    const ft = make();
    try {
      proxy.enqueue(connectionReset());
      const e = await rejection(ft.createContact({ handles: [{ source: "email", handle: "a@b.co" }] }));
      expect(e._tag).toBe("Transport");
      expect(e.reason).toBe("reset");
      expect(proxy.requests).toHaveLength(1);
    } finally {
      await ft.dispose();
    }
  });

  it("no answer within timeoutMs is Transport(timeout)", async () => {
    const ft = make({ timeoutMs: 300, retry: FrontRetry.none });
    try {
      proxy.enqueue(timeout());
      const e = await rejection(ft.getContact({ contact_id: "crd_1" }));
      expect(e._tag).toBe("Transport");
      expect(e.reason).toBe("timeout");
    } finally {
      await ft.dispose();
    }
  });

  it("malformed JSON is UnexpectedResponse; an HTML 502 is ServerError", async () => {
    const ft = make({ retry: FrontRetry.none });
    try {
      proxy.enqueue(malformedJson(200));
      expect((await rejection(ft.getContact({ contact_id: "crd_1" })))._tag).toBe("UnexpectedResponse");
      proxy.enqueue(html(502));
      const e = await rejection(ft.getContact({ contact_id: "crd_1" }));
      expect(e._tag).toBe("ServerError");
      expect(e.status).toBe(502);
    } finally {
      await ft.dispose();
    }
  });
});
