import {
  connectionReset,
  emptyBody,
  html,
  malformedJson,
  rateLimited,
  slowBody,
  startFaultProxy,
  status,
  timeout,
  type FaultProxy,
} from "@frontkit/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  createFrontClient,
  FrontApiError,
  FrontResponseError,
  FrontTimeoutError,
  parseFrontError,
  unwrap,
  type FrontClient,
} from "../../src/index.js";

const TOKEN = "fault-test-token-abc123";
let proxy: FaultProxy;
let client: FrontClient;

beforeAll(async () => {
  proxy = await startFaultProxy({ target: inject("prismUrl") });
  client = createFrontClient({ token: TOKEN, baseUrl: proxy.url, timeoutMs: 2_000 });
});
afterAll(async () => {
  await proxy?.stop();
});
beforeEach(() => proxy.reset());

const getContact = () => client.GET("/contacts/{contact_id}", { params: { path: { contact_id: "crd_1" } } });
const failure = async (): Promise<unknown> => {
  try {
    unwrap(await getContact());
    return undefined;
  } catch (e) {
    return e;
  }
};

describe("error parsing through the fault proxy", () => {
  it("parses Front's 404 body", async () => {
    proxy.enqueue(
      status(404, {
        headers: { "x-request-id": "req_404" },
        body: { _error: { status: 404, title: "Not found", message: "Contact crd_1 not found", details: ["crd_1"] } },
      }),
    );
    const error = await failure();
    expect(error).toBeInstanceOf(FrontApiError);
    expect(error).toMatchObject({ status: 404, title: "Not found", message: "Contact crd_1 not found", details: ["crd_1"], requestId: "req_404" });
    expect(proxy.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(proxy.requests[0]!.path).toBe("/contacts/crd_1");
  });

  it("parses a 429 with retry-after and the rate-limit headers", async () => {
    proxy.enqueue(rateLimited({ retryAfter: "7", tier: "burst", remaining: 12, limit: 200, reset: 1_795_000_000 }));
    const error = (await failure()) as FrontApiError;
    expect(error).toBeInstanceOf(FrontApiError);
    expect(error.status).toBe(429);
    expect(error.rateLimit).toEqual({ limit: 200, remaining: 12, resetAt: 1_795_000_000_000, retryAfterMs: 7_000, tier: "burst" });
  });

  it("parses a retry-after HTTP date", async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    proxy.enqueue(rateLimited({ retryAfter: at }));
    const error = (await failure()) as FrontApiError;
    expect(error.rateLimit.retryAfterMs).toBeGreaterThan(25_000);
    expect(error.rateLimit.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it("describes an HTML 502", async () => {
    proxy.enqueue(html(502));
    const error = (await failure()) as FrontApiError;
    expect(error).toBeInstanceOf(FrontApiError);
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/^Front answered 502 .* with an HTML page \(text\/html\)/);
  });

  it("describes malformed JSON on an error status", async () => {
    proxy.enqueue(malformedJson(500));
    const { error, response } = await getContact();
    const parsed = parseFrontError(response, error);
    expect(parsed.status).toBe(500);
    expect(parsed.message).toMatch(/^Front answered 500 .* with a non-JSON body \(application\/json\)/);
  });

  it("rejects malformed JSON on a 2xx with FrontResponseError", async () => {
    proxy.enqueue(malformedJson(200));
    await expect(getContact()).rejects.toBeInstanceOf(FrontResponseError);
  });

  it("maps a request that never answers to FrontTimeoutError", async () => {
    proxy.enqueue(timeout());
    const fast = createFrontClient({ token: TOKEN, baseUrl: proxy.url, timeoutMs: 300 });
    const error = await fast.GET("/tags").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrontTimeoutError);
    expect(String((error as Error).message)).not.toContain(TOKEN);
  });

  it("counts a slow body against the timeout", async () => {
    proxy.enqueue(slowBody(1_500));
    const fast = createFrontClient({ token: TOKEN, baseUrl: proxy.url, timeoutMs: 400 });
    await expect(fast.GET("/tags")).rejects.toBeInstanceOf(FrontTimeoutError);
  });

  it("reads an empty 200 as no data", async () => {
    proxy.enqueue(emptyBody(200));
    const { data, error, response } = await client.GET("/tags");
    expect(response.status).toBe(200);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  it("lets a connection reset reject as a transport error", async () => {
    proxy.enqueue(connectionReset());
    const error = await client.GET("/tags").catch((e: unknown) => e);
    // Node's own socket error (the default transport is node:http), with the code callers classify by.
    expect((error as { code?: string }).code).toBe("ECONNRESET");
    expect(error).not.toBeInstanceOf(FrontTimeoutError);
  });

  it("passes through to Prism when no fault is queued", async () => {
    const { response } = await client.GET("/tags");
    expect(response.status).toBe(200);
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]!.headers["user-agent"]).toMatch(/^frontkit\/\d+\.\d+\.\d+ \(\+node\)$/);
  });
});
