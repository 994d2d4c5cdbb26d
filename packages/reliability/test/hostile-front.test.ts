/**
 * Issue 16: a hostile Front (or proxy) and hostile callers, through the Promise facade. Each probe states what
 * must hold; the summary reports how many were tried and how many held.
 */
import { createFrontTools, type FrontTools } from "@frontkit/tools";
import { describe } from "vitest";
import { CANARY, json, probeGroup, record } from "./support.js";

const BASE = "http://127.0.0.1:9";
const probe = probeGroup("hostile Front");

const facade = (fetch: (req: Request) => Promise<Response>, extra: Record<string, unknown> = {}): FrontTools =>
  createFrontTools({ token: CANARY, baseUrl: BASE, fetch, burstPerSecond: 0, cacheTtl: 0, ...extra });

/** Settles `p`, records what came out, and returns it with how long it took. */
const outcome = async (p: Promise<unknown>): Promise<{ ms: number; value?: unknown; error?: Record<string, unknown> }> => {
  const start = Date.now();
  try {
    const value = await p;
    record(value);
    return { ms: Date.now() - start, value };
  } catch (e) {
    record(e);
    return { ms: Date.now() - start, error: e as Record<string, unknown> };
  }
};

const withHeaders = (headers: Record<string, string>, status = 200, body: unknown = { _results: [], _pagination: { next: null } }) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

describe("hostile rate-limit headers (item 1)", () => {
  probe("absurd 429 headers give a typed RateLimited with safe integers", async () => {
    const ft = facade(async () =>
      withHeaders({ "retry-after": "10000000000000", "x-ratelimit-limit": "10000000000000000", "x-ratelimit-remaining": "0.001", "x-ratelimit-reset": `1${"0".repeat(300)}` }, 429, {
        _error: { status: 429, title: "Too many", message: "slow down" },
      }),
      { retry: (await import("@frontkit/tools")).FrontRetry.none },
    );
    try {
      const { error } = await outcome(ft.listTeammates({}));
      return error?.["_tag"] === "RateLimited" && Number.isSafeInteger(error["retryAfterMs"]) && Number.isSafeInteger(error["limit"]);
    } finally {
      await ft.dispose();
    }
  });
});

describe("cancellable waits (item 2)", () => {
  probe("an abort ends a wait in the rate limiter (remaining 0, reset 20 s away) within 1 s", async () => {
    const reset = () => String(Math.ceil(Date.now() / 1000) + 20);
    const ft = facade(async () => withHeaders({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset() }));
    try {
      await ft.listTeammates({});
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const { ms, error } = await outcome(ft.listTeammates({}, { signal: controller.signal }));
      return error?.["_tag"] === "Transport" && ms < 1_000;
    } finally {
      await ft.dispose();
    }
  });
});

describe("per-call memory budget (item 3)", () => {
  probe("endless 200 KiB tag pages stop at maxCallBytes with a typed error naming it", async () => {
    let i = 0;
    const ft = facade(
      async () =>
        json({ _results: [{ id: `tag_${i}`, name: "x".repeat(200_000) }], _pagination: { next: `https://acme.api.frontapp.com/tags?page_token=p${++i}` } }),
      { maxCallBytes: 1024 * 1024 },
    );
    try {
      const { error } = await outcome(ft.listTags({}));
      return error?.["_tag"] === "UnexpectedResponse" && String(error["message"]).includes("maxCallBytes") && i < 10;
    } finally {
      await ft.dispose();
    }
  });
});

describe("headers echoing the token (item 4)", () => {
  probe("a 301 without Location echoing the token in x-request-id: the token never surfaces", async () => {
    const ft = facade(async () => new Response(null, { status: 301, headers: { "x-request-id": `Bearer ${CANARY}` } }));
    try {
      const { error } = await outcome(ft.getConversation({ conversation_id: "cnv_1" }));
      return error !== undefined && !JSON.stringify(error).includes(CANARY);
    } finally {
      await ft.dispose();
    }
  });
  probe("a success whose x-front-tier echoes the token: meta.rateLimit.tier is scrubbed", async () => {
    const ft = facade(async () => withHeaders({ "x-front-tier": `Bearer ${CANARY}` }));
    try {
      const { value } = await outcome(ft.invokeDetailed("list-teammates", {}));
      return value !== undefined && !JSON.stringify(value).includes(CANARY);
    } finally {
      await ft.dispose();
    }
  });
});

describe("local encoding failures (item 5) and prototype names (item 6)", () => {
  const sent: string[] = [];
  const counting = async (req: Request) => {
    sent.push(req.url);
    return json({});
  };
  probe("a lone surrogate in a page token is InvalidInput at once; nothing sent", async () => {
    const ft = facade(counting);
    try {
      const before = sent.length;
      const { error, ms } = await outcome(ft.listContacts({ page_token: "tok\uD800" }));
      return error?.["_tag"] === "InvalidInput" && sent.length === before && ms < 1_000;
    } finally {
      await ft.dispose();
    }
  });
  probe("a 5,000-deep raw body is InvalidInput; nothing sent", async () => {
    let body: unknown = 1;
    for (let d = 0; d < 5_000; d++) body = { a: body };
    const ft = facade(counting);
    try {
      const before = sent.length;
      const { error } = await outcome(ft.rawApiRequest({ method: "POST", path: "/contacts", body: body as never }));
      return error?.["_tag"] === "InvalidInput" && sent.length === before;
    } finally {
      await ft.dispose();
    }
  });
  probe('invoke("constructor") is InvalidInput', async () => {
    const ft = facade(counting);
    try {
      const { error } = await outcome(ft.invoke("constructor" as "list-tags", {}));
      return error?.["_tag"] === "InvalidInput";
    } finally {
      await ft.dispose();
    }
  });
});
