import { request as httpRequest } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import {
  connectionReset,
  delay,
  emptyBody,
  faults,
  html,
  hugeBody,
  malformedJson,
  passThrough,
  rateLimited,
  serverError,
  slowBody,
  startFaultProxy,
  status,
  timeout,
  type FaultProxy,
} from "../src/index.js";
import { portIsFree } from "./port.js";

const token = "fake-test-token";
const auth = { authorization: `Bearer ${token}` };

let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy({ target: inject("prismUrl") });
});
afterEach(() => proxy.reset());
afterAll(() => proxy.stop());

const get = (path: string, init: RequestInit = {}) => fetch(`${proxy.url}${path}`, { ...init, headers: { ...auth, ...init.headers } });

describe("fault proxy", () => {
  it("passes through to Prism and records method, path, query, headers (bearer kept) and body", async () => {
    const body = JSON.stringify({ tag_ids: ["tag_1"] });
    const response = await get("/conversations/cnv_1/tags", {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(204);
    const listed = await get("/conversations?limit=5&q%5Bstatuses%5D%5B0%5D=assigned");
    expect(listed.status).toBe(200);
    expect(listed.headers.get("x-ratelimit-limit")).not.toBeNull();
    expect(proxy.requests).toHaveLength(2);
    const [post, list] = proxy.requests;
    expect(post).toMatchObject({ method: "POST", path: "/conversations/cnv_1/tags", fault: "passThrough", bodyText: body });
    expect(post!.headers.authorization).toBe(`Bearer ${token}`);
    expect(list!.url).toBe("/conversations?limit=5&q%5Bstatuses%5D%5B0%5D=assigned");
    expect(list!.query.get("q[statuses][0]")).toBe("assigned");
  });

  it("answers a Front-shaped 429 with retry-after, x-ratelimit-* and the _error body", async () => {
    proxy.enqueue(rateLimited({ retryAfter: "7", tier: "burst", remaining: 3, limit: 200 }));
    const before = Math.floor(Date.now() / 1000);
    const response = await get("/me");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("x-front-tier")).toBe("burst");
    expect(response.headers.get("x-ratelimit-limit")).toBe("200");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("3");
    expect(Number(response.headers.get("x-ratelimit-reset"))).toBeGreaterThanOrEqual(before + 7);
    expect(await response.json()).toEqual({
      _error: { status: 429, title: "Too many requests", message: "Rate limit exceeded. Please retry in 7 seconds." },
    });
    // The queue is consumed: the next request reaches Prism.
    expect((await get("/me")).status).toBe(200);
  });

  it("omits retry-after when asked and defaults remaining to 0", async () => {
    proxy.enqueue(rateLimited({ retryAfter: null }));
    const response = await get("/me");
    expect(response.status).toBe(429);
    expect(response.headers.has("retry-after")).toBe(false);
    expect(response.headers.has("x-front-tier")).toBe(false);
    expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
  });

  it("applies queued faults in FIFO order", async () => {
    proxy.enqueue(serverError(503), status(404, { body: { _error: { status: 404 } } }), passThrough());
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get("/me")).status);
    expect(statuses).toEqual([503, 404, 200, 200]);
    expect(proxy.requests.map((r) => r.fault)).toEqual(["status", "status", "passThrough", "passThrough"]);
  });

  it("serverError sends Front's _error body", async () => {
    proxy.enqueue(serverError());
    const response = await get("/me");
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ _error: { status: 500, title: "Internal server error" } });
  });

  it("status() sends custom headers and a string body as-is", async () => {
    proxy.enqueue(status(301, { headers: { location: "/conversations/cnv_2" }, body: "moved" }));
    const response = await get("/conversations/cnv_1", { redirect: "manual" });
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/conversations/cnv_2");
    expect(await response.text()).toBe("moved");
  });

  it("rules match by method and path, honour times, and win over the queue", async () => {
    const rule = proxy.on({ method: "post", path: "/contacts" }, serverError(502), { times: 2 });
    proxy.on({ path: /^\/tags\?/ }, rateLimited());
    proxy.enqueue(html(503));
    const post = () => get("/contacts", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect((await post()).status).toBe(502);
    expect((await get("/tags?limit=1")).status).toBe(429);
    expect((await get("/tags")).status).toBe(503); // regex needs a query: the queued fault applies
    expect((await post()).status).toBe(502);
    expect(rule.hits).toBe(2);
    expect((await get("/tags?limit=2")).status).toBe(429);
    const third = await post();
    expect(third.status).not.toBe(502); // times exhausted: Prism answers (400/422 for the empty body)
    expect(rule.hits).toBe(2);
  });

  it("a rule's `when` sees headers and applies only where it holds, after method and path", async () => {
    const wrongToken = proxy.on({ when: (r) => r.headers.authorization !== auth.authorization }, status(401, { body: { _error: { status: 401 } } }));
    const onlyTags = proxy.on({ path: "/tags", when: (r) => r.method === "GET" }, rateLimited());
    expect((await get("/me", { headers: { authorization: "Bearer other" } })).status).toBe(401);
    expect((await get("/me")).status).toBe(200);
    expect((await get("/tags")).status).toBe(429);
    expect((await get("/inboxes")).status).toBe(200);
    expect([wrongToken.hits, onlyTags.hits]).toEqual([1, 1]);
  });

  it("onRequest receives each request as it is recorded, with the fault applied to it", async () => {
    const seen: string[] = [];
    const watched = await startFaultProxy({ target: inject("prismUrl"), onRequest: (r) => seen.push(`${r.method} ${r.path} ${r.fault}`) });
    try {
      watched.on({ path: "/tags" }, rateLimited());
      await fetch(`${watched.url}/me`, { headers: auth }).then((r) => r.arrayBuffer());
      await fetch(`${watched.url}/tags`, { headers: auth }).then((r) => r.arrayBuffer());
      expect(seen).toEqual(["GET /me passThrough", "GET /tags rateLimited"]);
    } finally {
      await watched.stop();
    }
  });

  it("a removed rule no longer applies", async () => {
    const rule = proxy.on({ path: "/me" }, serverError());
    expect((await get("/me")).status).toBe(500);
    rule.remove();
    expect((await get("/me")).status).toBe(200);
  });

  it("connectionReset makes the client's request fail at the transport", async () => {
    proxy.enqueue(connectionReset());
    const error = await get("/me").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    const cause = (error as { cause?: { code?: string } }).cause;
    expect(cause?.code).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(proxy.requests).toHaveLength(1);
  });

  it("delay waits before forwarding", async () => {
    proxy.enqueue(delay(400));
    const started = performance.now();
    const response = await get("/me");
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(380);
  });

  it("timeout never answers: the client's own deadline fires", async () => {
    proxy.enqueue(timeout());
    const started = performance.now();
    const error = await get("/me", { signal: AbortSignal.timeout(300) }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("TimeoutError");
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  it("malformedJson answers application/json that does not parse", async () => {
    proxy.enqueue(malformedJson());
    const response = await get("/me");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it("html answers an HTML error page", async () => {
    proxy.enqueue(html());
    const response = await get("/me");
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("<html>");
  });

  it("emptyBody answers with no body", async () => {
    proxy.enqueue(emptyBody(200));
    const response = await get("/me");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  it("slowBody forwards Prism's answer but trickles it", async () => {
    proxy.enqueue(slowBody(500));
    const started = performance.now();
    const response = await get("/me");
    expect(response.status).toBe(200);
    const headersAt = performance.now() - started;
    const body = await response.json();
    expect(body).toHaveProperty("id");
    expect(performance.now() - started - headersAt).toBeGreaterThanOrEqual(300);
  });

  it("hugeBody answers valid JSON of exactly the requested size", async () => {
    proxy.enqueue(hugeBody(3 * 1024 * 1024));
    const response = await get("/conversations");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.byteLength).toBe(3 * 1024 * 1024);
    expect(JSON.parse(new TextDecoder().decode(bytes))).toHaveProperty("_results");
  });

  it("exposes every fault through the faults object too", () => {
    expect(faults.rateLimited()).toEqual(rateLimited());
    expect(Object.keys(faults).sort()).toEqual(
      [
        "connectionReset",
        "delay",
        "emptyBody",
        "hugeBody",
        "html",
        "malformedJson",
        "passThrough",
        "rateLimited",
        "serverError",
        "slowBody",
        "status",
        "timeout",
      ].sort(),
    );
  });

  it("reset clears the queue, the rules and the record", async () => {
    proxy.enqueue(serverError());
    proxy.on({ path: "/me" }, serverError());
    await get("/tags");
    const record = proxy.requests;
    proxy.reset();
    expect(record).toHaveLength(0);
    expect((await get("/me")).status).toBe(200);
    expect(proxy.requests).toBe(record);
  });
});

describe("fault proxy lifecycle", () => {
  it("stop() closes held sockets (timeout) and frees the port, idempotently", async () => {
    const own = await startFaultProxy({ target: inject("prismUrl") });
    own.enqueue(timeout());
    const outcome = new Promise<string>((resolve) => {
      const req = httpRequest(`${own.url}/me`, { headers: auth }, () => resolve("answered"));
      req.on("error", (e) => resolve((e as NodeJS.ErrnoException).code ?? e.message));
      req.end();
    });
    while (own.requests.length === 0) await new Promise((r) => setTimeout(r, 20));
    await own.stop();
    await own.stop();
    expect(await outcome).toMatch(/ECONNRESET|socket hang up/);
    expect(await portIsFree(own.port)).toBe(true);
  });

  it("answers 502 when the target is unreachable", async () => {
    const own = await startFaultProxy({ target: "http://127.0.0.1:1" });
    try {
      const response = await fetch(`${own.url}/me`, { headers: auth });
      expect(response.status).toBe(502);
      expect(response.headers.get("x-fault-proxy-error")).toBe("upstream");
      expect(await response.text()).not.toContain(token);
    } finally {
      await own.stop();
    }
  });
});
