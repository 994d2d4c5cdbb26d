import { makeFrontRetry } from "@frontkit/tools";
import { connectionReset, delay, type FaultProxy, rateLimited, serverError, startFaultProxy, status } from "@frontkit/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSpojitExecutor, type SpojitExecuteResult, type SpojitFailure } from "../../src/spojit/index.js";
import { usePrism } from "./prism.js";

const CANARY = "canary-spojit-f00dfeed1234";
const prismUrl = usePrism();
let proxy: FaultProxy;
const results: SpojitExecuteResult[] = [];

// Small, bounded retries keep the storm tests fast; the policy (what is retried) is the tools' own.
// The fault proxy in front of Prism stands in for Front: the operator's allowance for its host.
const executor = createSpojitExecutor({
  allowedBaseUrlHosts: ["127.0.0.1"],
  retry: makeFrontRetry({ maxAttempts: 3, baseDelay: 10, maxDelay: 50, maxRetryAfter: 1_000 }),
  cacheTtl: 0,
});

beforeAll(async () => {
  proxy = await startFaultProxy({ target: prismUrl() });
});
afterEach(() => proxy.reset());
afterAll(async () => {
  await executor.dispose();
  await proxy?.stop();
});

const run = async (tool: string, input: unknown): Promise<SpojitExecuteResult> => {
  const result = await executor.execute({ tool, input, connection: { id: "conn-failures", token: CANARY, baseUrl: proxy.url } });
  results.push(result);
  return result;
};

const failed = (result: SpojitExecuteResult): SpojitFailure["error"] => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result.error;
};

/** Front's error body, echoing the token the way a misbehaving proxy or a debug page might. */
const frontError = (code: number, title: string, message: string) => ({
  body: { _error: { status: code, title, message: `${message} (Authorization: Bearer ${CANARY})`, details: [`token ${CANARY} rejected`] } },
});

describe("executor failures", () => {
  it("invalid input: INVALID_INPUT with the offending field, not retryable, and no request sent", async () => {
    const error = failed(await run("get-contact", { contact_id: 42, nonsense: true }));
    expect(error).toMatchObject({ code: "INVALID_INPUT", retryable: false });
    expect(error.status).toBeUndefined();
    expect(error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(["contact_id"]));
    expect(error.message).toMatch(/contact_id/);
    expect(proxy.requests).toHaveLength(0);
  });

  it("401: UNAUTHORIZED, not retryable, message says to replace the token, token scrubbed", async () => {
    proxy.enqueue(status(401, frontError(401, "Unauthorized", "Invalid token")));
    const error = failed(await run("list-teammates", {}));
    expect(error).toMatchObject({ code: "UNAUTHORIZED", status: 401, retryable: false });
    expect(error.message.length).toBeGreaterThan(10);
    expect(JSON.stringify(error)).not.toContain(CANARY);
    expect(proxy.requests).toHaveLength(1);
  });

  it("404: NOT_FOUND with Front's status, not retryable, sent once", async () => {
    proxy.enqueue(status(404, frontError(404, "Not found", "Unknown contact")));
    const error = failed(await run("get-contact", { contact_id: "crd_doesnotexist" }));
    expect(error).toMatchObject({ code: "NOT_FOUND", status: 404, retryable: false });
    expect(proxy.requests).toHaveLength(1);
  });

  it("429 storm: RATE_LIMITED, retryable with retryAfterMs, after a bounded number of attempts", async () => {
    const rule = proxy.on({}, rateLimited({ retryAfter: "1", limit: 50, remaining: 0 }));
    const started = Date.now();
    const error = failed(await run("list-teammates", {}));
    rule.remove();
    expect(error).toMatchObject({ code: "RATE_LIMITED", status: 429, retryable: true });
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(error.retryAfterMs).toBeLessThanOrEqual(1_000);
    expect(error.rateLimit).toMatchObject({ limit: 50, remaining: 0 });
    expect(error.message).toMatch(/rate limit/i);
    expect(proxy.requests).toHaveLength(3);
    // It honoured retry-after between attempts instead of hammering Front.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
  });

  it("429 storm across concurrent calls: every call ends RATE_LIMITED, total attempts stay bounded", async () => {
    proxy.on({}, rateLimited({ retryAfter: "1", tier: "burst", remaining: 12 }));
    const errors = (await Promise.all([0, 1, 2].map(() => run("list-teammates", {})))).map(failed);
    for (const error of errors) {
      expect(error).toMatchObject({ code: "RATE_LIMITED", status: 429, retryable: true });
      expect(error.rateLimit?.tier).toBe("burst");
    }
    expect(proxy.requests.length).toBeGreaterThanOrEqual(3);
    expect(proxy.requests.length).toBeLessThanOrEqual(9);
  });

  it("5xx on a read: SERVER_ERROR, retryable, retried up to the bound", async () => {
    proxy.on({}, serverError(503));
    const error = failed(await run("list-teammates", {}));
    expect(error).toMatchObject({ code: "SERVER_ERROR", status: 503, retryable: true });
    expect(proxy.requests).toHaveLength(3);
  });

  it("5xx on a create: SERVER_ERROR, sent exactly once (a retry could create a duplicate)", async () => {
    proxy.on({}, serverError(500));
    const error = failed(await run("create-contact", { handles: [{ source: "email", handle: "jane@example.com" }] }));
    // Not retryable either: the contact may have been created before Front failed.
    expect(error).toMatchObject({ code: "SERVER_ERROR", status: 500, retryable: false });
    expect(proxy.requests).toHaveLength(1);
  });

  it("connection reset: TRANSPORT with its reason, retryable", async () => {
    proxy.on({}, connectionReset());
    const error = failed(await run("list-teammates", {}));
    expect(error).toMatchObject({ code: "TRANSPORT", retryable: true });
    expect(error.status).toBeUndefined();
    expect(proxy.requests).toHaveLength(3);
  });

  it("unknown tool and bad connection fail before any request", async () => {
    const unknown = failed(await run("delete-everything", {}));
    expect(unknown).toMatchObject({ code: "UNKNOWN_TOOL", retryable: false });
    expect(unknown.message).toContain("list-teammates");
    const badConnection = failed(
      await executor.execute({ tool: "list-tags", input: {}, connection: { id: "x", token: CANARY, baseUrl: "http://example.com" } }),
    );
    expect(badConnection).toMatchObject({ code: "INVALID_CONNECTION", retryable: false });
    expect(JSON.stringify(badConnection)).not.toContain(CANARY);
    expect(proxy.requests).toHaveLength(0);
  });

  it("testConnection: a valid token gets Front's identity, a revoked one UNAUTHORIZED", async () => {
    const connection = { id: "conn-failures", token: CANARY, baseUrl: proxy.url };
    const good = await executor.testConnection(connection);
    results.push(good);
    if (!good.ok) throw new Error(JSON.stringify(good.error));
    expect(good.data).toMatchObject({ name: expect.any(String) });
    expect(proxy.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /me"]);
    proxy.enqueue(status(401, frontError(401, "Unauthorized", "Token revoked")));
    const revoked = await executor.testConnection(connection);
    results.push(revoked);
    expect(failed(revoked)).toMatchObject({ code: "UNAUTHORIZED", status: 401, retryable: false });
    expect(failed(revoked).message).toMatch(/connection's API token/);
  });

  it("a cancelled call resolves to CANCELLED", async () => {
    const controller = new AbortController();
    proxy.on({}, delay(2_000));
    const pending = executor.execute(
      { tool: "list-teammates", input: {}, connection: { id: "conn-failures", token: CANARY, baseUrl: proxy.url } },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 100);
    const result = await pending;
    results.push(result);
    expect(failed(result)).toMatchObject({ code: "CANCELLED", retryable: false });
  });

  afterAll(() => {
    // The canary token appears in no result of this file, success or failure.
    expect(results.length).toBeGreaterThanOrEqual(14);
    expect(JSON.stringify(results)).not.toContain(CANARY);
  });
});
