// One token rule everywhere (@frontkit/tools' checkFrontToken): every adapter accepts exactly the tokens the
// facade accepts and refuses the others with the same words, never echoing the token. Before, the facade and
// MCP took "x" while Spojit refused anything under 16 characters.
import { checkFrontToken } from "@frontkit/tools";
import { describe, expect, it } from "vitest";
import { CliUsageError, parseCliArgs } from "../src/bin/cli-args.js";
import { startFrontMcpHttpServer } from "../src/mcp/http.js";
import { createFrontMcpServer } from "../src/mcp/server.js";
import { openSession } from "../src/n8n/session.js";
import { validateConnection } from "../src/spojit/connection.js";
import { createSpojitExecutor } from "../src/spojit/executor.js";

const GOOD = "eyJhbGciOiJIUzI1NiJ9.eyJzY29wZXMiOlsic2hhcmVkOioiXX0.c2lnbmF0dXJlLW5vdC1yZWFs";

const CANDIDATES: ReadonlyArray<readonly [label: string, token: string]> = [
  ["empty", ""],
  ["one character", "x"],
  ["a placeholder", "YOUR_TOKEN_HERE"],
  ["a space inside", "eyJhbGciOiJIUzI1NiJ9 eyJzY29wZXMiOlsic2hhcmVkOioiXX0"],
  ["a line break inside", "eyJhbGciOiJIUzI1NiJ9\r\nX-Evil: 1"],
  ["a non-ASCII character", "eyJhbGciOiJIUzI1NiJ9…eyJzY29wZXMiOlsic2hhcmVkOioiXX0"],
  ["far too long", "a".repeat(5000)],
  ["sixteen characters", "0123456789abcdef"],
  ["a JWT", GOOD],
  ["a JWT with a trailing newline", `${GOOD}\n`],
];

/** What an entry point did with a token: accepted, or refused with this message. */
type Outcome = { readonly accepted: true } | { readonly accepted: false; readonly message: string };

const outcome = (f: () => unknown): Outcome => {
  try {
    f();
    return { accepted: true };
  } catch (error) {
    return { accepted: false, message: error instanceof Error ? error.message : String(error) };
  }
};

const expectSameRule = (token: string, got: Outcome) => {
  const rule = checkFrontToken(token);
  expect(got.accepted, JSON.stringify(got)).toBe(rule.ok);
  if (!rule.ok && !got.accepted) {
    // Empty tokens get each entry point's own "where to set it"; every other refusal quotes the rule.
    if (token.trim() !== "") expect(got.message).toContain(rule.problem);
    if (token.trim().length > 3) expect(got.message).not.toContain(token.trim());
  }
};

describe("one token rule across entry points", () => {
  for (const [label, token] of CANDIDATES) {
    it(`${label}: MCP stdio (FRONT_API_TOKEN), MCP library, Spojit connection and n8n credential agree with the rule`, async () => {
      const stdio = outcome(() => parseCliArgs([], { FRONT_API_TOKEN: token }));
      if (!stdio.accepted) expect(() => parseCliArgs([], { FRONT_API_TOKEN: token })).toThrow(CliUsageError);
      expectSameRule(token, stdio);
      expectSameRule(
        token,
        outcome(() => createFrontMcpServer({ token })),
      );
      // Spojit checks that a token is there; its form is the tools' one rule, applied when the client is built.
      const spojit = validateConnection({ id: "conn-1", token });
      const executor = createSpojitExecutor({ fetch: async () => Response.json({ _results: [], _pagination: {} }) });
      const ran = await executor.execute({ tool: "list-tags", input: {}, connection: { id: "conn-1", token } });
      await executor.dispose();
      expectSameRule(token, !spojit.ok ? { accepted: false, message: spojit.error.message } : ran.ok ? { accepted: true } : { accepted: false, message: ran.error.message });
      expectSameRule(
        token,
        outcome(() => openSession({ token }).release()),
      );
    });
  }

  it("MCP over HTTP: a bearer token the rule refuses gets 401 with the rule's words; one it accepts gets through", async () => {
    const running = await startFrontMcpHttpServer({ baseUrl: "http://127.0.0.1:9" });
    try {
      const post = (token: string) =>
        fetch(running.url, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${token}` },
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } } }),
        });
      // Only tokens that fit in a header: fetch itself refuses line breaks and non-ASCII.
      for (const token of ["x", "YOUR_TOKEN_HERE", "a".repeat(5000)]) {
        const response = await post(token);
        const rule = checkFrontToken(token);
        if (rule.ok) throw new Error("expected a refused token");
        expect(response.status).toBe(401);
        const body = (await response.json()) as { error: { message: string } };
        expect(body.error.message).toContain(rule.problem);
        expect(body.error.message).not.toContain(token);
      }
      for (const token of ["0123456789abcdef", GOOD]) {
        const response = await post(token);
        expect(response.status).toBe(200);
        await response.body?.cancel();
      }
    } finally {
      await running.close();
    }
  });
});
