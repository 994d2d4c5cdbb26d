// Every transport/body fault the proxy can inject, on an idempotent GET (get-contact), ends in one typed outcome.
import { type FaultProxy, type Fault, faults, startFaultProxy } from "@frontkit/testkit";
import { createFrontTools, FrontRetry, isFrontToolError } from "@frontkit/tools";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CANARY, figures, record } from "./support.js";

let proxy: FaultProxy;
const table: string[] = [];

beforeAll(async () => {
  proxy = await startFaultProxy({ target: inject("prismUrl") });
});
afterAll(async () => {
  await proxy?.stop();
  figures["fault matrix (fault → outcome, requests)"] = `\n    ${table.join("\n    ")}`;
});

type Outcome = { readonly outcome: string; readonly attempts: number | undefined; readonly requests: number; readonly reason?: string };

/**
 * Runs get-contact once with `setup` applied to a fresh proxy. Fast backoff (3 attempts, 20 ms base) keeps the
 * failing cases to about a second each; the classification is what is under test. The timeout is 5 s unless a
 * case is about timeouts (500 ms there): a busy 2-core machine can take longer than 500 ms to stream 30 MB
 * through the proxy, and a timeout retry would add a request the case does not expect.
 */
const run = async (
  label: string,
  setup: (p: FaultProxy) => void,
  options: { maxResponseBytes?: number; timeoutMs?: number } = {},
): Promise<Outcome> => {
  proxy.reset();
  setup(proxy);
  const front = createFrontTools({
    token: CANARY,
    baseUrl: proxy.url,
    timeoutMs: 5_000,
    retry: FrontRetry.make({ maxAttempts: 3, baseDelay: "20 millis", maxDelay: "100 millis", maxRetryAfter: "200 millis" }),
    maxRetryAfter: "200 millis",
    burstPerSecond: 0,
    ...options,
  });
  let result: Outcome;
  try {
    const detailed = await front.invokeDetailed("get-contact", { contact_id: "crd_1" });
    record(detailed);
    result = { outcome: "success", attempts: detailed.meta.attempts, requests: proxy.requests.length };
  } catch (error) {
    record(error);
    expect(isFrontToolError(error), `${label}: ${String(error)}`).toBe(true);
    const { _tag, reason } = error as { _tag: string; reason?: string };
    result = { outcome: _tag, attempts: undefined, requests: proxy.requests.length, ...(reason === undefined ? {} : { reason }) };
  } finally {
    await front.dispose();
  }
  table.push(`${label.padEnd(36)} → ${result.outcome}${result.reason === undefined ? "" : ` ${result.reason}`} (${result.requests} request${result.requests === 1 ? "" : "s"})`);
  return result;
};

const always = (fault: Fault) => (p: FaultProxy) => void p.on({ method: "GET", path: "/contacts/crd_1" }, fault);
const once = (fault: Fault) => (p: FaultProxy) => void p.on({ method: "GET", path: "/contacts/crd_1" }, fault, { times: 1 });

describe("fault matrix on an idempotent GET (get-contact crd_1)", () => {
  it("baseline: Prism answers through the proxy in one request", async () => {
    const r = await run("none", () => {});
    expect(r).toEqual({ outcome: "success", attempts: 1, requests: 1 });
  });

  it("connection reset on every attempt → Transport after the 3-attempt bound", async () => {
    const r = await run("connection reset (always)", always(faults.connectionReset()));
    expect(r.outcome).toBe("Transport");
    expect(r.reason).toBe("reset");
    expect(r.requests).toBe(3);
  });

  it("connection reset once → retried, success on the 2nd request", async () => {
    const r = await run("connection reset (once)", once(faults.connectionReset()));
    expect(r).toEqual({ outcome: "success", attempts: 2, requests: 2 });
  });

  it("no answer (timeoutMs 500) → Transport timeout, retried up to the bound", async () => {
    const started = Date.now();
    const r = await run("no answer, timeoutMs 500", always(faults.timeout()), { timeoutMs: 500 });
    expect(r.outcome).toBe("Transport");
    expect(r.reason).toBe("timeout");
    expect(r.requests).toBe(3);
    // Three 500 ms timeouts, not the 30 s default.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("body trickled over 3 s (beyond timeoutMs 500) → Transport", async () => {
    const r = await run("slow body 3 s, timeoutMs 500", always(faults.slowBody(3_000)), { timeoutMs: 500 });
    expect(r.outcome).toBe("Transport");
    expect(r.reason).toBe("timeout");
    expect(r.requests).toBe(3);
  });

  it("malformed JSON with 200 → UnexpectedResponse, not retried", async () => {
    const r = await run("malformed JSON 200", always(faults.malformedJson(200)));
    expect(r).toEqual({ outcome: "UnexpectedResponse", attempts: undefined, requests: 1 });
  });

  it("HTML 502 from a load balancer → ServerError, retried up to the bound", async () => {
    const r = await run("HTML 502 (always)", always(faults.html(502)));
    expect(r).toEqual({ outcome: "ServerError", attempts: undefined, requests: 3 });
  });

  it("HTML 502 once → success on the 2nd request", async () => {
    const r = await run("HTML 502 (once)", once(faults.html(502)));
    expect(r).toEqual({ outcome: "success", attempts: 2, requests: 2 });
  });

  it("empty 200 → UnexpectedResponse, not retried", async () => {
    const r = await run("empty 200", always(faults.emptyBody(200)));
    expect(r).toEqual({ outcome: "UnexpectedResponse", attempts: undefined, requests: 1 });
  });

  it("30 MB JSON body without a contact → UnexpectedResponse, and the process survives", async () => {
    const r = await run("huge body 30 MB", always(faults.hugeBody(30 * 1024 * 1024)));
    expect(r.outcome).toBe("UnexpectedResponse");
    expect(r.requests).toBe(1);
  });

  it("a body beyond maxResponseBytes (4 MB vs 1 MiB) → UnexpectedResponse after reading at most the cap, not retried", async () => {
    const r = await run("body 4 MB > maxResponseBytes 1 MiB", always(faults.hugeBody(4 * 1024 * 1024)), { maxResponseBytes: 1024 * 1024 });
    expect(r).toEqual({ outcome: "UnexpectedResponse", attempts: undefined, requests: 1 });
    const front = createFrontTools({ token: CANARY, baseUrl: proxy.url, maxResponseBytes: 1024 * 1024, burstPerSecond: 0 });
    try {
      await expect(front.getContact({ contact_id: "crd_1" })).rejects.toMatchObject({
        _tag: "UnexpectedResponse",
        message: expect.stringContaining("larger than 1048576 bytes"),
      });
    } finally {
      await front.dispose();
    }
  });

  it("429 with retry-after then success → exactly 2 requests", async () => {
    const r = await run("429 retry-after 1 s (cap 200 ms) → ok", once(faults.rateLimited({ retryAfter: "1" })));
    expect(r).toEqual({ outcome: "success", attempts: 2, requests: 2 });
    expect(proxy.requests.map((q) => q.fault)).toEqual(["rateLimited", "passThrough"]);
  });

  it("429 without retry-after then success → exactly 2 requests", async () => {
    const r = await run("429 no retry-after → ok", once(faults.rateLimited({ retryAfter: null })));
    expect(r).toEqual({ outcome: "success", attempts: 2, requests: 2 });
  });

  it("429 on every attempt → RateLimited after the bound", async () => {
    const r = await run("429 (always)", always(faults.rateLimited({ retryAfter: "0" })));
    expect(r).toEqual({ outcome: "RateLimited", attempts: undefined, requests: 3 });
  });

  it("500 then success → GET retried, 2 requests", async () => {
    const r = await run("500 → ok", once(faults.serverError(500)));
    expect(r).toEqual({ outcome: "success", attempts: 2, requests: 2 });
  });

  it("503 on every attempt → ServerError after the bound", async () => {
    const r = await run("503 (always)", always(faults.serverError(503)));
    expect(r).toEqual({ outcome: "ServerError", attempts: undefined, requests: 3 });
  });
});
