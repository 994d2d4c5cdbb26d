// Tool errors state facts and name the setting they point at; each adapter's formatter alone phrases the advice
// (issue 14). Nothing in a tool's message names an env var, a CLI flag or where an adapter keeps its settings.
import { describe, expect, it } from "vitest";
import { errorFromResponse, errorFromThrown, unexpectedBody } from "../src/http-errors.js";

const ctx = (status: number) => ({
  operation: "list-tags",
  status,
  body: { _error: { status, title: "t", message: "Front's own words" } },
  rateLimit: {},
  idempotent: true,
  scrub: (s: string) => s,
});

const ADVICE = /FRONT_API|--[a-z]|check |retry later|raise |grant |correct the/i;

describe("tool errors state facts", () => {
  it.each([
    [401, "Unauthorized", "token"],
    [403, "Forbidden", "token"],
    [404, "NotFound", undefined],
    [400, "Validation", undefined],
    [409, "Conflict", undefined],
    [503, "ServerError", undefined],
    [418, "UnexpectedResponse", "baseUrl"],
  ])("HTTP %i is %s, naming the setting %s, with no advice in its message", (status, tag, setting) => {
    const error = errorFromResponse(ctx(status));
    expect(error._tag).toBe(tag);
    expect((error as { setting?: string }).setting).toBe(setting);
    expect(error.message).not.toMatch(ADVICE);
    expect(error.message).toContain("Front's own words");
  });

  it.each([
    [Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }), "dns", "baseUrl"],
    [Object.assign(new Error("timed out"), { name: "TimeoutError" }), "timeout", "timeoutMs"],
    [Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), "reset", undefined],
  ])("a transport failure (%s) names its reason and setting, never an env var", (cause, reason, setting) => {
    const error = errorFromThrown("list-tags", cause, true);
    expect(error).toMatchObject({ _tag: "Transport", reason });
    expect((error as { setting?: string }).setting).toBe(setting);
    expect(error.message).not.toMatch(ADVICE);
  });

  it("an unreadable answer points at the base URL", () => {
    const error = unexpectedBody("list-tags", 200, "not JSON");
    expect(error.setting).toBe("baseUrl");
    expect(error.message).not.toMatch(ADVICE);
  });
});
