/**
 * Cancellation over stateless Streamable HTTP, in process (so the server's
 * in-flight count is visible): a `notifications/cancelled` arrives in its own
 * POST and must stop the call it names — only for the same account.
 */
import { delay, type FaultProxy, type PrismServer, startFaultProxy, startPrism } from "@frontkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FrontMcpHttpServer, startFrontMcpHttpServer } from "../../src/mcp/http.js";

const TOKEN_A = "frontkit-canary-cancel-a-0001";
const TOKEN_B = "frontkit-canary-cancel-b-0002";

let prism: PrismServer;
let proxy: FaultProxy;
let http: FrontMcpHttpServer;
const logs: string[] = [];

const post = (token: string, body: unknown) =>
  fetch(http.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

const waitFor = async (condition: () => boolean, ms: number): Promise<boolean> => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return condition();
};

beforeAll(async () => {
  prism = await startPrism();
  proxy = await startFaultProxy({ target: prism.url });
  http = await startFrontMcpHttpServer({ baseUrl: proxy.url, port: 0, log: (l) => logs.push(l) });
});

afterAll(async () => {
  await http?.close();
  await proxy?.stop();
  await prism?.stop();
});

describe("cancellation over stateless HTTP", () => {
  it("a cancel in another POST stops the call it names, for the same account only", async () => {
    const rule = proxy.on({ method: "GET", path: "/teammates" }, delay(6_000));
    try {
      const started = Date.now();
      const callResponse = post(TOKEN_A, { jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "list-teammates", arguments: {} } });
      expect(await waitFor(() => http.handler.inflight === 1 && rule.hits === 1, 3_000)).toBe(true);

      // Another account using the same request id cannot cancel A's call.
      const foreign = await post(TOKEN_B, { jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 7, reason: "not yours" } });
      expect(foreign.status).toBe(202);
      await new Promise((r) => setTimeout(r, 200));
      expect(http.handler.inflight).toBe(1);

      const cancel = await post(TOKEN_A, { jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 7, reason: "user gave up" } });
      expect(cancel.status).toBe(202);
      expect(await waitFor(() => http.handler.inflight === 0, 2_000)).toBe(true);

      // The cancelled call's stream ends with a "cancelled" result, well before the upstream delay.
      const response = await callResponse;
      const text = await response.text();
      expect(text).toMatch(/"isError":true/);
      expect(text).toMatch(/\\"reason\\":\\"aborted\\"/);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(rule.hits).toBe(1);
    } finally {
      rule.remove();
    }
  });

  it("a client hanging up aborts its call", async () => {
    const rule = proxy.on({ method: "GET", path: "/teammates" }, delay(6_000));
    const controller = new AbortController();
    try {
      const pending = fetch(http.url, {
        method: "POST",
        signal: controller.signal,
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${TOKEN_A}` },
        body: JSON.stringify({ jsonrpc: "2.0", id: 8, method: "tools/call", params: { name: "list-teammates", arguments: {} } }),
      }).then((r) => r.text());
      expect(await waitFor(() => http.handler.inflight === 1, 3_000)).toBe(true);
      controller.abort();
      await expect(pending).rejects.toThrow();
      expect(await waitFor(() => http.handler.inflight === 0, 2_000)).toBe(true);
    } finally {
      rule.remove();
    }
  });

  it("keeps one warm FrontTools per account", async () => {
    expect(http.handler.accounts).toBe(2);
    expect(logs.join("\n")).not.toContain("frontkit-canary");
  });
});
