// The lean request path (`request()`, the message helpers) on its default node:http transport, against a
// programmable server on 127.0.0.1: what is sent, what is read, and every way an exchange can end badly.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createFrontClient,
  FrontInputError,
  FrontResponseError,
  FrontTimeoutError,
  request,
  sendReply,
  type FrontClient,
} from "../src/index.js";
import { TOKEN } from "./helpers.js";

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: Buffer;
  /** Set when the client closed the connection before the answer was finished. */
  closedEarly: boolean;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
let seen: Seen[];

const answerJson = (body: unknown, status = 200, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const entry: Seen = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body, closedEarly: false };
      seen.push(entry);
      res.on("close", () => {
        if (!res.writableFinished) entry.closedEarly = true;
      });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
  handler = answerJson({ ok: true });
});

const client = (options: { timeoutMs?: number; maxResponseBytes?: number } = {}): FrontClient =>
  createFrontClient({ token: TOKEN, baseUrl, ...options });

describe("request() on the node transport: what is sent", () => {
  it("sends one request with the token, Front's serializers and the user agent", async () => {
    const { data, response } = await request(client(), "get", "/inboxes/{inbox_id}/conversations", {
      params: { path: { inbox_id: "inb 1/x" }, query: { q: { statuses: ["assigned", "archived"] }, limit: 5 } },
    });
    expect(data).toEqual({ ok: true });
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe("/inboxes/inb%201%2Fx/conversations?q[statuses][]=assigned&q[statuses][]=archived&limit=5");
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen[0]!.headers.accept).toBe("application/json");
    expect(seen[0]!.headers["user-agent"]).toMatch(/^frontkit\/\S+ \(\+node\)$/);
  });

  it("sends a JSON body with its length, DELETE included (Node would drop it otherwise)", async () => {
    handler = (_req, res) => {
      res.writeHead(204);
      res.end();
    };
    const { response, data } = await request(client(), "delete", "/conversations/{conversation_id}/tags", {
      params: { path: { conversation_id: "cnv_1" } },
      body: { tag_ids: ["tag_1"] },
    });
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(seen[0]!.method).toBe("DELETE");
    expect(seen[0]!.headers["content-type"]).toBe("application/json");
    expect(seen[0]!.headers["content-length"]).toBe(String(seen[0]!.body.length));
    expect(JSON.parse(seen[0]!.body.toString())).toEqual({ tag_ids: ["tag_1"] });
  });

  it("never lets caller headers replace the token or the user agent", async () => {
    const untyped = request as unknown as (c: FrontClient, m: string, p: string, i: object) => Promise<unknown>;
    await untyped(client(), "get", "/me", { headers: { Authorization: "Bearer other", "User-Agent": "x", "X-Extra": "1" } });
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen[0]!.headers["user-agent"]).toMatch(/^frontkit\//);
    expect(seen[0]!.headers["x-extra"]).toBe("1");
  });

  it("refuses per-request options that would change where the request goes, before sending", async () => {
    const untyped = request as unknown as (c: FrontClient, m: string, p: string, i: object) => Promise<unknown>;
    await expect(untyped(client(), "get", "/me", { baseUrl: "https://evil.example.com" })).rejects.toBeInstanceOf(FrontInputError);
    await expect(untyped(client(), "get", "/me", { fetch: async () => new Response("{}") })).rejects.toThrow(/fetch cannot be set per request/);
    await expect(untyped(client(), "get", "/me", { onCancel: "later" })).rejects.toThrow(/onCancel must be a function/);
    expect(seen).toHaveLength(0);
  });

  it("sends attachments as multipart/form-data with a boundary and indexed fields", async () => {
    handler = answerJson({ status: "accepted" }, 202);
    const { data } = await sendReply(client(), "cnv_1", { body: "see file", to: ["a@b.co"] } as never, {
      attachments: [{ filename: "a.txt", contentType: "text/plain", data: new TextEncoder().encode("hello") }],
    });
    expect(data).toEqual({ status: "accepted" });
    expect(seen[0]!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const text = seen[0]!.body.toString();
    expect(text).toContain('name="attachments[0]"; filename="a.txt"');
    expect(text).toContain("hello");
    expect(seen[0]!.headers["content-length"]).toBe(String(seen[0]!.body.length));
  });
});

describe("request() on the node transport: what is read", () => {
  it("hands back a 301 without following it (merged conversations), Location readable", async () => {
    handler = (_req, res) => {
      res.writeHead(301, { location: "https://evil.example.com/conversations/cnv_2" });
      res.end();
    };
    const { response, error } = await request(client(), "get", "/conversations/{conversation_id}", { params: { path: { conversation_id: "cnv_1" } } });
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("https://evil.example.com/conversations/cnv_2");
    expect(error).toBeUndefined();
    expect(seen).toHaveLength(1);
  });

  it("parses Front's error body on a non-2xx, and keeps a non-JSON one as text", async () => {
    handler = answerJson({ _error: { status: 404, title: "Not found", message: "Unknown contact" } }, 404);
    const a = await request(client(), "get", "/me");
    expect(a.response.status).toBe(404);
    expect(a.error).toEqual({ _error: { status: 404, title: "Not found", message: "Unknown contact" } });
    handler = (_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>Bad gateway</html>");
    };
    const b = await request(client(), "get", "/me");
    expect(b.error).toBe("<html>Bad gateway</html>");
  });

  it("turns a 2xx body that is not JSON into FrontResponseError quoting what came back", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "x-request-id": "req_9" });
      res.end("<html><body>Maintenance</body></html>");
    };
    const error = await request(client(), "get", "/me").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrontResponseError);
    expect((error as FrontResponseError).message).toMatch(/not valid JSON \(text\/html\): <html><body>Maintenance/);
    expect((error as FrontResponseError).requestId).toBe("req_9");
  });

  it("decodes a gzip-compressed answer", async () => {
    handler = (req, res) => {
      expect(req.headers["accept-encoding"]).toContain("gzip");
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(gzipSync(JSON.stringify({ _results: [{ id: "tag_1" }] })));
    };
    const { data } = await request(client(), "get", "/tags");
    expect(data).toEqual({ _results: [{ id: "tag_1" }] });
  });

  it("stops reading an answer larger than maxResponseBytes: declared, streamed, or inflated from gzip", async () => {
    const big = JSON.stringify({ _results: "x".repeat(5_000) });
    const small = client({ maxResponseBytes: 2_000 });
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(big.length) });
      res.end(big);
    };
    await expect(request(small, "get", "/tags")).rejects.toThrow(/larger than 2000 bytes/);
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }); // chunked: no length announced
      res.write(big.slice(0, 1_500));
      setTimeout(() => res.end(big.slice(1_500)), 5);
    };
    await expect(request(small, "get", "/tags")).rejects.toBeInstanceOf(FrontResponseError);
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(gzipSync(big)); // ~60 bytes on the wire, 5 kB decoded
    };
    await expect(request(small, "get", "/tags")).rejects.toThrow(/larger than 2000 bytes/);
  });
});

describe("request() on the node transport: timeouts and aborts", () => {
  it("times out a server that never answers, with the method and path (no query) named", async () => {
    handler = () => undefined;
    const error = await request(client({ timeoutMs: 150 }), "get", "/tags", { params: { query: { page_token: "secret-ish" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrontTimeoutError);
    expect((error as FrontTimeoutError).message).toBe("Front did not answer GET /tags within 150 ms");
    await new Promise((r) => setTimeout(r, 20));
    expect(seen[0]!.closedEarly).toBe(true);
  });

  it("counts a slow body against the same timeout", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"_results": [');
    };
    await expect(request(client({ timeoutMs: 150 }), "get", "/tags")).rejects.toBeInstanceOf(FrontTimeoutError);
  });

  it("honours a per-request timeoutMs", async () => {
    handler = () => undefined;
    const untyped = request as unknown as (c: FrontClient, m: string, p: string, i: object) => Promise<unknown>;
    const error = await untyped(client({ timeoutMs: 10_000 }), "get", "/me", { timeoutMs: 100 }).catch((e: unknown) => e);
    expect((error as FrontTimeoutError).timeoutMs).toBe(100);
  });

  it("rejects with the caller's abort reason and closes the connection", async () => {
    handler = () => undefined;
    const controller = new AbortController();
    const pending = request(client(), "get", "/me", { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 30));
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(error).not.toBeInstanceOf(FrontTimeoutError);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen[0]!.closedEarly).toBe(true);
  });

  it("cancels through onCancel: the request rejects with AbortError and the connection is closed", async () => {
    handler = () => undefined;
    let cancel: ((reason?: unknown) => void) | undefined;
    const pending = request(client(), "get", "/me", { onCancel: (fn) => (cancel = fn) });
    await new Promise((r) => setTimeout(r, 30));
    cancel?.();
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    await new Promise((r) => setTimeout(r, 20));
    expect(seen[0]!.closedEarly).toBe(true);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(request(client(), "get", "/me", { signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(seen).toHaveLength(0);
  });

  it("rejects with ECONNRESET when the connection drops in the middle of the body", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"_results": [');
      setTimeout(() => res.socket?.destroy(), 10);
    };
    const error = await request(client(), "get", "/tags").catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("ECONNRESET");
  });

  it("maps a refused connection to Node's error code (what the tools' error mapping reads)", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await request(createFrontClient({ token: TOKEN, baseUrl: `http://127.0.0.1:${port}` }), "get", "/me").catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("ECONNREFUSED");
    expect(String((error as Error).message)).not.toContain(TOKEN);
  });
});
