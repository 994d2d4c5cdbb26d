import { Disposed, Forbidden, invalidInput, NotFound, RateLimited, ServerError, Transport, Unauthorized, UnexpectedResponse, Validation } from "@frontkit/tools";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { formatToolError } from "../../src/mcp/format-error.js";

const TOKEN = "secret-token-abcdef123456";
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

const format = (error: unknown, tool = "list-tags"): { text: string; json: Record<string, unknown>; result: CallToolResult } => {
  const result = formatToolError(error, { tool, secrets: [TOKEN], now: () => NOW });
  const [human, machine] = result.content;
  return {
    result,
    text: human?.type === "text" ? human.text : "",
    json: machine?.type === "text" ? (JSON.parse(machine.text) as { error: Record<string, unknown> }).error : {},
  };
};

describe("formatToolError", () => {
  it("lists every InvalidInput problem with its path and says nothing was sent", () => {
    const error = invalidInput(
      [
        { path: "handles[0].source", message: "Expected one of email, phone" },
        { path: "limit", message: "Expected a number <= 100" },
      ],
      { operation: "create-contact" },
    );
    const { text, json, result } = format(error, "create-contact");
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(text).toContain("- handles[0].source: Expected one of email, phone");
    expect(text).toContain("- limit: Expected a number <= 100");
    expect(text).toContain("Nothing was sent to Front");
    expect(json).toMatchObject({ _tag: "InvalidInput", retryable: false, issues: error.issues });
  });

  it("tells when to retry a RateLimited, from retry-after", () => {
    const error = new RateLimited({ message: "Front rate limit hit.", retryable: true, status: 429, retryAfterMs: 30_000, limit: 100, remaining: 0 });
    const { text, json } = format(error);
    expect(text).toMatch(/RateLimited \(HTTP 429\)/);
    expect(text).toContain("again in 30 seconds (after 2026-01-01T12:00:30.000Z)");
    expect(json).toMatchObject({ _tag: "RateLimited", retryAfterMs: 30_000, limit: 100, remaining: 0 });
  });

  it("falls back to the reset time, and mentions the burst tier", () => {
    const error = new RateLimited({ message: "Burst.", retryable: true, status: 429, resetAt: NOW + 2_000, tier: "burst" });
    const { text } = format(error);
    expect(text).toContain("again in 2 seconds");
    expect(text).toContain("burst limit (tier burst)");
  });

  it("gives NotFound's near matches", () => {
    const { text } = format(new NotFound({ message: "No tag named urgnt.", retryable: false, status: 404, suggestions: ["urgent", "Urgent-VIP"] }), "add-tag");
    expect(text).toContain("Did you mean: urgent, Urgent-VIP?");
  });

  it("warns not to repeat a non-retryable server error of a write", () => {
    const { text } = format(new ServerError({ message: "Front answered 500.", retryable: false, status: 500 }), "send-message");
    expect(text).toMatch(/may or may not have taken effect/);
  });

  it.each([
    [new Unauthorized({ message: "Bad token.", retryable: false, status: 401 }), /retrying will not help/],
    [new Forbidden({ message: "No access.", retryable: false, status: 403 }), /namespace/],
    [new Validation({ message: "Rejected.", retryable: false, status: 400, details: ["body is required"] }), /- body is required/],
    [new Transport({ message: "Timed out.", retryable: true, reason: "timeout" }), /did not answer in time/],
    [new Transport({ message: "Cancelled.", retryable: false, reason: "aborted" }), /cancelled/],
    [new UnexpectedResponse({ message: "HTML.", retryable: true, status: 502, requestId: "req_1" }), /Front request id: req_1/],
  ])("explains %s", (error, pattern) => {
    const { text, json } = format(error);
    expect(text).toMatch(pattern);
    expect(json["_tag"]).toBe(error._tag);
  });

  it("explains a call on a disposed client: nothing was sent, the server is shutting down", () => {
    const { text, json, result } = format(
      new Disposed({ message: "The list-tags call was not sent: this FrontTools instance was disposed.", retryable: false, operation: "list-tags" }),
    );
    expect(result.isError).toBe(true);
    expect(text).toMatch(/^list-tags failed — Disposed: The list-tags call was not sent/);
    expect(text).toMatch(/Nothing was sent to Front[\s\S]*restart/);
    expect(text).not.toMatch(/internal error|bug in frontkit/);
    expect(json).toMatchObject({ _tag: "Disposed", retryable: false });
  });

  it("masks the token wherever it appears", () => {
    const error = new Unauthorized({ message: `Token ${TOKEN} was refused.`, retryable: false, status: 401, details: [`bearer ${TOKEN}`] });
    const out = JSON.stringify(format(error).result);
    expect(out).not.toContain(TOKEN);
    expect(out).toContain("<redacted>");
  });

  it("reports a non-typed failure as an internal error, without a stack and without the token", () => {
    const { text, json, result } = format(new TypeError(`boom near ${TOKEN}`));
    expect(result.isError).toBe(true);
    expect(text).toMatch(/internal error \(TypeError: boom near <redacted>\)[\s\S]*bug in frontkit/);
    expect(JSON.stringify(result)).not.toMatch(/ at .*\.js/);
    expect(json["_tag"]).toBe("InternalError");
  });

  it("phrases the advice for the setting a tool error points at, for MCP users (env var or Bearer token)", () => {
    const { text } = format(new Unauthorized({ message: "Front did not accept the API token (HTTP 401) for list-tags.", retryable: false, status: 401, setting: "token" }));
    expect(text).toMatch(/FRONT_API_TOKEN for the stdio server, or the Bearer token/);
    const budget = format(new UnexpectedResponse({ message: "Over the per-call budget (the maxCallBytes option).", retryable: false, setting: "maxCallBytes" }));
    expect(budget.text).toMatch(/Ask for fewer results/);
    expect(budget.text).not.toMatch(/report it with the request id/);
  });
});
