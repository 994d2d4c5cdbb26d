import { type FaultProxy, rateLimited, startFaultProxy } from "@frontkit/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSpojitExecutor, type SpojitExecuteResult } from "../../src/spojit/index.js";
import { usePrism } from "./prism.js";

const TOKEN_A = "canary-account-a-5e1f2d3c";
const TOKEN_B = "canary-account-b-9a8b7c6d";
const prismUrl = usePrism();
let proxy: FaultProxy;
// Prism behind the fault proxy stands in for Front: the operator's allowance for its host.
const executor = createSpojitExecutor({ allowedBaseUrlHosts: ["127.0.0.1"] });

beforeAll(async () => {
  proxy = await startFaultProxy({ target: prismUrl() });
});
afterEach(() => proxy.reset());
afterAll(async () => {
  await executor.dispose();
  await proxy?.stop();
});

const as = (id: string, token: string) => (tool: string, input: unknown = {}) =>
  executor.execute({ tool, input, connection: { id, token, baseUrl: proxy.url } });

/** Requests the proxy saw for one path, by the token that sent them. */
const requestsBy = (path: string, token: string) =>
  proxy.requests.filter((r) => r.path === path && r.headers.authorization === `Bearer ${token}`).length;

const expectOk = (result: SpojitExecuteResult) => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result;
};

describe("two connections with different tokens", () => {
  it("keep separate tag and inbox caches while running concurrently", async () => {
    const a = as("workspace-a", TOKEN_A);
    const b = as("workspace-b", TOKEN_B);
    const sequence = async (run: typeof a) => {
      for (let i = 0; i < 3; i++) {
        expectOk(await run("list-tags"));
        expectOk(await run("list-inboxes"));
      }
    };
    await Promise.all([sequence(a), sequence(b)]);
    // One fetch per account: each connection filled its own cache and reused it; neither saw the other's.
    expect(requestsBy("/tags", TOKEN_A)).toBe(1);
    expect(requestsBy("/tags", TOKEN_B)).toBe(1);
    expect(requestsBy("/inboxes", TOKEN_A)).toBe(1);
    expect(requestsBy("/inboxes", TOKEN_B)).toBe(1);
    expect(proxy.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN_A}` || r.headers.authorization === `Bearer ${TOKEN_B}`)).toBe(true);
  });

  it("keep separate rate limiters: a 429 for one account does not hold back the other", async () => {
    const a = as("limiter-a", TOKEN_A);
    const b = as("limiter-b", TOKEN_B);
    // The first request to arrive — account A's — is told to wait 3 s.
    proxy.enqueue(rateLimited({ retryAfter: "3", limit: 50, remaining: 0 }));
    const startedA = Date.now();
    let finishedA = 0;
    const pendingA = a("list-teammates").then((result) => {
      finishedA = Date.now();
      return result;
    });
    while (proxy.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    expect(proxy.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN_A}`);

    const startedB = Date.now();
    for (let i = 0; i < 3; i++) expectOk(await b("list-teammates"));
    const finishedB = Date.now();

    const resultA = expectOk(await pendingA);
    expect(resultA.meta.attempts).toBe(2);
    expect(finishedA - startedA).toBeGreaterThanOrEqual(2_900);
    // B finished all three calls while A was still waiting out its retry-after; with a shared
    // limiter B's first call would have waited for the same 3 s gate.
    expect(finishedB).toBeLessThan(finishedA);
    expect(finishedB - startedB).toBeLessThan(2_500);
    expect(requestsBy("/teammates", TOKEN_B)).toBe(3);
  });

  it("a connection whose token changed gets a fresh client: no cache carried over from the old token", async () => {
    expectOk(await as("rotating", TOKEN_A)("list-tags"));
    expectOk(await as("rotating", TOKEN_A)("list-tags"));
    expectOk(await as("rotating", TOKEN_B)("list-tags"));
    expect(requestsBy("/tags", TOKEN_A)).toBe(1);
    expect(requestsBy("/tags", TOKEN_B)).toBe(1);
  });
});
