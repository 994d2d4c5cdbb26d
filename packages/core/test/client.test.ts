import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  createFrontClient,
  FRONTKIT_CORE_VERSION,
  FrontInputError,
  FrontResponseError,
  FrontTimeoutError,
} from "../src/index.js";
import { fakeFetch, json, TOKEN } from "./helpers.js";

const listBody = { _pagination: { next: null }, _links: { self: "x" }, _results: [] };

describe("createFrontClient options", () => {
  it("rejects a missing or blank token without echoing anything secret", () => {
    expect(() => createFrontClient({ token: "" })).toThrow(FrontInputError);
    expect(() => createFrontClient({ token: "   " })).toThrow(/token is missing or empty/);
    const withNewline = `${TOKEN}\nx-evil: 1`;
    try {
      createFrontClient({ token: withNewline });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FrontInputError);
      expect((e as Error).message).not.toContain(TOKEN);
      expect((e as FrontInputError).field).toBe("token");
    }
  });

  it.each([
    ["http://api2.frontapp.com", /https/],
    ["ftp://127.0.0.1", /https/],
    ["not a url", /not a valid URL/],
    ["https://user:pw@api2.frontapp.com", /user name or password/],
    ["https://api2.frontapp.com?x=1", /query string/],
    ["http://10.0.0.1:4010", /loopback|127\.0\.0\.1/],
  ])("rejects baseUrl %s", (baseUrl, message) => {
    expect(() => createFrontClient({ token: TOKEN, baseUrl })).toThrow(message);
  });

  it.each([
    ["http://127.0.0.1:4010/", "http://127.0.0.1:4010"],
    ["http://localhost:9", "http://localhost:9"],
    ["http://[::1]:8080//", "http://[::1]:8080"],
    ["https://acme.api.frontapp.com/", "https://acme.api.frontapp.com"],
    ["https://proxy.example.com/front/", "https://proxy.example.com/front"],
  ])("accepts baseUrl %s as %s", (baseUrl, expected) => {
    expect(createFrontClient({ token: TOKEN, baseUrl }).baseUrl).toBe(expected);
  });

  it("defaults to api2.frontapp.com", () => {
    expect(createFrontClient({ token: TOKEN }).baseUrl).toBe("https://api2.frontapp.com");
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("rejects timeoutMs %s", (timeoutMs) => {
    expect(() => createFrontClient({ token: TOKEN, timeoutMs })).toThrow(/timeoutMs/);
  });

  it("keeps its version equal to package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(FRONTKIT_CORE_VERSION).toBe(pkg.version);
  });
});

describe("requests", () => {
  it("sends bearer auth, accept and the frontkit user agent", async () => {
    const { fetch, calls } = fakeFetch(() => json(listBody));
    const client = createFrontClient({ token: TOKEN, fetch, userAgent: "my-app/1.0" });
    const { data } = await client.GET("/tags");
    expect(data?._results).toEqual([]);
    expect(calls).toHaveLength(1);
    const h = calls[0]!.headers;
    expect(h.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(h.get("accept")).toBe("application/json");
    expect(h.get("user-agent")).toBe(`my-app/1.0 frontkit/${FRONTKIT_CORE_VERSION} (+node)`);
    expect(calls[0]!.url).toBe("https://api2.frontapp.com/tags");
    expect(calls[0]!.request.redirect).toBe("manual");
  });

  it("serializes q the Front way and other arrays as repeated keys", async () => {
    const { fetch, calls } = fakeFetch(() => json(listBody));
    const client = createFrontClient({ token: TOKEN, fetch });
    await client.GET("/conversations", {
      params: { query: { q: { statuses: ["assigned", "unassigned"], updated_after: 1700000000 }, limit: 25 } },
    });
    const url = new URL(calls[0]!.url);
    expect(url.search).toBe("?q[statuses][]=assigned&q[statuses][]=unassigned&q[updated_after]=1700000000&limit=25");
  });

  it("encodes path params and refuses empty, missing and dot-segment ids without sending", async () => {
    const { fetch, calls } = fakeFetch(() => json({ id: "crd_1" }));
    const client = createFrontClient({ token: TOKEN, fetch });
    await client.GET("/contacts/{contact_id}", { params: { path: { contact_id: "alt:email:a+b@x.io" } } });
    expect(calls[0]!.url).toBe("https://api2.frontapp.com/contacts/alt%3Aemail%3Aa%2Bb%40x.io");
    for (const bad of ["", "..", ".", "  "]) {
      await expect(client.GET("/contacts/{contact_id}", { params: { path: { contact_id: bad } } })).rejects.toBeInstanceOf(
        FrontInputError,
      );
    }
    await expect(
      (client.GET as unknown as (p: string, i: object) => Promise<unknown>)("/contacts/{contact_id}", {}),
    ).rejects.toThrow(/contact_id is missing/);
    await expect(client.GET("/contacts/{contact_id}", { params: { path: { contact_id: "../../x" } } })).resolves.toBeDefined();
    expect(calls.map((c) => c.url)).toEqual([
      "https://api2.frontapp.com/contacts/alt%3Aemail%3Aa%2Bb%40x.io",
      "https://api2.frontapp.com/contacts/..%2F..%2Fx",
    ]);
  });

  it("refuses a per-request baseUrl pointing elsewhere", async () => {
    const { fetch, calls } = fakeFetch(() => json(listBody));
    const client = createFrontClient({ token: TOKEN, fetch });
    await expect(client.GET("/tags", { baseUrl: "https://evil.example.com" })).rejects.toBeInstanceOf(FrontInputError);
    expect(calls).toHaveLength(0);
  });

  it("times out with FrontTimeoutError even if fetch ignores the signal", async () => {
    const { fetch } = fakeFetch(() => new Promise<Response>(() => {}));
    const client = createFrontClient({ token: TOKEN, fetch, timeoutMs: 50 });
    const error = await client.GET("/tags").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrontTimeoutError);
    expect((error as FrontTimeoutError).message).toBe("Front did not answer GET /tags within 50 ms");
    expect(String(error)).not.toContain(TOKEN);
  });

  it("accepts a per-request timeoutMs that overrides the client's", async () => {
    const { fetch } = fakeFetch(() => new Promise<Response>(() => {}));
    const client = createFrontClient({ token: TOKEN, fetch, timeoutMs: 60_000 });
    const error = await client.GET("/tags", { timeoutMs: 40 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrontTimeoutError);
    expect((error as FrontTimeoutError).timeoutMs).toBe(40);
  });

  it("times out while the body is still arriving", async () => {
    const slowBody = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"_results":'));
      },
    });
    const { fetch } = fakeFetch(() => new Response(slowBody, { headers: { "content-type": "application/json" } }));
    const client = createFrontClient({ token: TOKEN, fetch, timeoutMs: 50 });
    await expect(client.GET("/tags")).rejects.toBeInstanceOf(FrontTimeoutError);
  });

  it("reports a caller abort as an abort, not a timeout", async () => {
    const { fetch } = fakeFetch(() => new Promise<Response>(() => {}));
    const client = createFrontClient({ token: TOKEN, fetch, timeoutMs: 5_000 });
    const controller = new AbortController();
    const pending = client.GET("/tags", { signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(FrontTimeoutError);
    expect((error as Error).name).toBe("AbortError");
  });

  it("does not send when the caller's signal is already aborted", async () => {
    const { fetch, calls } = fakeFetch(() => json(listBody));
    const client = createFrontClient({ token: TOKEN, fetch });
    await expect(client.GET("/tags", { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    expect(calls).toHaveLength(0);
  });

  it("turns a 2xx non-JSON body into a FrontResponseError that says what came back", async () => {
    const { fetch } = fakeFetch(
      () => new Response("<html><body>Bad gateway</body></html>", { status: 200, headers: { "content-type": "text/html" } }),
    );
    const client = createFrontClient({ token: TOKEN, fetch });
    const error = await client.GET("/tags").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrontResponseError);
    expect((error as Error).message).toMatch(/not valid JSON \(text\/html\): <html><body>Bad gateway/);
  });

  it("does not follow redirects and exposes the 301 Location", async () => {
    const { fetch } = fakeFetch(
      () => new Response(null, { status: 301, headers: { location: "https://api2.frontapp.com/conversations/cnv_new" } }),
    );
    const client = createFrontClient({ token: TOKEN, fetch });
    const { response, data } = await client.GET("/conversations/{conversation_id}", {
      params: { path: { conversation_id: "cnv_old" } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("https://api2.frontapp.com/conversations/cnv_new");
  });
});
