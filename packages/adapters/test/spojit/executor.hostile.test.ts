/** Issue 16 (1, 4): the Spojit executor against a hostile Front (a fake fetch on the operator-allowed loopback host). */
import { FrontRetry } from "@frontkit/tools";
import { afterEach, describe, expect, it } from "vitest";
import { createSpojitExecutor, type SpojitExecutor } from "../../src/spojit/index.js";

const TOKEN = "canary-spojit-hostile-5e1d7a93";
const connection = { id: "hostile", token: TOKEN, baseUrl: "http://127.0.0.1:9" };
let executor: SpojitExecutor | undefined;
afterEach(async () => {
  await executor?.dispose();
  executor = undefined;
});

const make = (answer: () => Response) =>
  (executor = createSpojitExecutor({ allowedBaseUrlHosts: ["127.0.0.1"], fetch: async () => answer(), burstPerSecond: 0, retry: FrontRetry.none }));

describe("Spojit executor against a hostile Front", () => {
  it("a success whose x-front-tier echoes the token: meta.rateLimit.tier is scrubbed", async () => {
    const ex = make(
      () =>
        new Response(JSON.stringify({ _results: [], _pagination: { next: null } }), {
          status: 200,
          headers: { "content-type": "application/json", "x-front-tier": `Bearer ${TOKEN}`, "x-request-id": `r-${TOKEN}` },
        }),
    );
    const result = await ex.execute({ tool: "list-teammates", input: {}, connection });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.meta.rateLimit.tier).toBe("Bearer <redacted>");
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it("a 429 with absurd headers is RATE_LIMITED with clamped values, not INTERNAL", async () => {
    const ex = make(
      () =>
        new Response(JSON.stringify({ _error: { status: 429, title: "Too many", message: "slow down" } }), {
          status: 429,
          headers: {
            "content-type": "application/json",
            "retry-after": "10000000000000",
            "x-ratelimit-limit": "10000000000000000",
            "x-ratelimit-remaining": "0.5",
            "x-ratelimit-reset": `1${"0".repeat(300)}`,
            "x-front-tier": `Bearer ${TOKEN}`,
          },
        }),
    );
    const result = await ex.execute({ tool: "list-teammates", input: {}, connection });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("RATE_LIMITED");
    expect(result.error.retryAfterMs).toBe(3_600_000);
    expect(result.error.rateLimit?.limit).toBe(1_000_000);
    expect(result.error.rateLimit?.remaining).toBe(0);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });
});

describe("Spojit executor: hostile answer shapes", () => {
  it("a __proto__ key in Front's answer is kept as data", async () => {
    const ex = make(() => new Response('{"id":"tea_1","__proto__":{"polluted":true},"name":"x"}', { status: 200, headers: { "content-type": "application/json" } }));
    const result = await ex.execute({ tool: "raw-api-request", input: { method: "GET", path: "/me" }, connection });
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).toContain('"__proto__":{"polluted":true}');
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("a 20,000-deep answer is not an INTERNAL failure", async () => {
    const deep = `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`;
    const ex = make(() => new Response(deep, { status: 200, headers: { "content-type": "application/json" } }));
    const result = await ex.execute({ tool: "raw-api-request", input: { method: "GET", path: "/me" }, connection });
    expect(result.ok || result.error.code !== "INTERNAL").toBe(true);
  });
});
