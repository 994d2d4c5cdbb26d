/**
 * Issue 16, adapter side: a Spojit connection naming a host other than Front's (SSRF on a shared executor) and
 * hostile or slow clients of the MCP HTTP server (the real server, on 127.0.0.1). Each probe states what must
 * hold; the summary counts them with the other groups.
 */
import { type FrontMcpHttpServer, startFrontMcpHttpServer } from "@frontkit/adapters/mcp";
import { createSpojitExecutor } from "@frontkit/adapters/spojit";
import { rawHttpExchange } from "@frontkit/testkit";
import { afterAll, beforeAll, describe } from "vitest";
import { CANARY, json, probeGroup, record } from "./support.js";

describe("Spojit connections naming a non-Front base URL (SSRF)", () => {
  const probe = probeGroup("Spojit base URL");
  const hosts: string[] = [];
  const executor = (allowedBaseUrlHosts?: string[]) =>
    createSpojitExecutor({
      burstPerSecond: 0,
      fetch: async (req: Request) => {
        hosts.push(new URL(req.url).host);
        return json({ _results: [], _pagination: { next: null } });
      },
      ...(allowedBaseUrlHosts === undefined ? {} : { allowedBaseUrlHosts }),
    });

  for (const baseUrl of ["http://127.0.0.1:9", "https://169.254.169.254", "https://api2.frontapp.com.evil.test"]) {
    probe(`${baseUrl} is INVALID_CONNECTION naming allowedBaseUrlHosts; 0 requests`, async () => {
      const ex = executor();
      try {
        const before = hosts.length;
        const result = await ex.execute({ tool: "list-tags", input: {}, connection: { id: "c1", token: CANARY, baseUrl } });
        record(result);
        return (
          !result.ok && result.error.code === "INVALID_CONNECTION" && /allowedBaseUrlHosts/.test(result.error.message) && hosts.length === before
        );
      } finally {
        await ex.dispose();
      }
    });
  }

  probe("the operator's allowedBaseUrlHosts admits 127.0.0.1, and requests go to that host only", async () => {
    const ex = executor(["127.0.0.1"]);
    try {
      const before = hosts.length;
      const result = await ex.execute({ tool: "list-tags", input: {}, connection: { id: "c1", token: CANARY, baseUrl: "http://127.0.0.1:9" } });
      record(result);
      const sent = hosts.slice(before);
      return result.ok && sent.length > 0 && sent.every((h) => h === "127.0.0.1:9");
    } finally {
      await ex.dispose();
    }
  });
});

describe("MCP HTTP against unauthenticated, hostile and slow clients", () => {
  const probe = probeGroup("MCP HTTP clients");
  const BODY_TIMEOUT_MS = 500;
  let running: FrontMcpHttpServer;
  let frontRequests = 0;
  beforeAll(async () => {
    running = await startFrontMcpHttpServer({
      baseUrl: "http://127.0.0.1:9",
      allowedOrigins: ["https://app.example"],
      bodyTimeoutMs: BODY_TIMEOUT_MS,
      toolsOptions: {
        burstPerSecond: 0,
        fetch: async () => {
          frontRequests++;
          return json({});
        },
      },
    });
  });
  afterAll(async () => {
    await running?.close();
  });
  const path = () => new URL(running.url).pathname;
  /** Sends `head` (request line and headers, no blank line) plus `body`; records and returns the answer. */
  const send = async (head: string, body: string, waitMs = 2_000) => {
    const answer = await rawHttpExchange(running.url, `${head}\r\n\r\n${body}`, waitMs);
    record(answer);
    return answer;
  };

  probe("a POST without Authorization is 401 and reaches no Front", async () => {
    const before = frontRequests;
    const answer = await send(`POST ${path()} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close`, "{}");
    return /^HTTP\/1\.1 401 /.test(answer) && frontRequests === before;
  });

  probe("a non-JSON content type is 415 before the body is read (a stalled body would get 408 instead)", async () => {
    // The body never completes: had the server waited for it, the answer would be 408 at the body timeout.
    const answer = await send(
      `POST ${path()} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nAuthorization: Bearer ${CANARY}\r\nContent-Length: 1000`,
      "partial",
      BODY_TIMEOUT_MS * 2,
    );
    return /^HTTP\/1\.1 415 /.test(answer);
  });

  probe(`a body that stalls mid-way is cut with 408 at the body timeout (${BODY_TIMEOUT_MS} ms)`, async () => {
    const started = Date.now();
    const answer = await send(
      `POST ${path()} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer ${CANARY}\r\nContent-Length: 1000`,
      '{"jsonrpc":',
      3_000,
    );
    const ms = Date.now() - started;
    return /^HTTP\/1\.1 408 /.test(answer) && ms >= BODY_TIMEOUT_MS - 50 && ms < 2_500;
  });

  probe("an allowed origin's CORS preflight is answered (204, allow-origin, POST, authorization)", async () => {
    const response = await fetch(running.url, {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
      signal: AbortSignal.timeout(5_000),
    });
    await response.text();
    return (
      response.status === 204 &&
      response.headers.get("access-control-allow-origin") === "https://app.example" &&
      /POST/.test(response.headers.get("access-control-allow-methods") ?? "") &&
      /authorization/i.test(response.headers.get("access-control-allow-headers") ?? "")
    );
  });

  probe("another origin's preflight gets no CORS headers", async () => {
    const response = await fetch(running.url, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
      signal: AbortSignal.timeout(5_000),
    });
    await response.text();
    const cors = [...response.headers.keys()].filter((k) => k.startsWith("access-control-"));
    return response.status >= 400 && cors.length === 0;
  });

  probe("two Authorization headers are 400, the token not echoed, no Front request", async () => {
    const before = frontRequests;
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "raw-api-request", arguments: { method: "GET", path: "/me" } } });
    const answer = await send(
      `POST ${path()} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n` +
        `Authorization: Bearer ${CANARY}\r\nAuthorization: Bearer other-token-0123456789abcdef\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close`,
      body,
    );
    return /^HTTP\/1\.1 400 /.test(answer) && !answer.includes(CANARY) && frontRequests === before;
  });
});
