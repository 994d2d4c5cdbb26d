import { Disposed } from "@frontkit/tools";
import { describe, expect, it } from "vitest";
import { SPOJIT_CODE_BY_TAG, toSpojitError } from "../../src/spojit/error-mapping.js";
import { SPOJIT_ERROR_CODES } from "../../src/spojit/result.js";

describe("toSpojitError", () => {
  it("gives every tool error tag a distinct, documented code", () => {
    const codes = Object.values(SPOJIT_CODE_BY_TAG);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(SPOJIT_ERROR_CODES).toContain(code);
  });

  it("keeps the typed fields of a rate-limit error", () => {
    const error = toSpojitError({
      _tag: "RateLimited",
      message: "Front's rate limit was reached; retry after 2 s.",
      status: 429,
      retryable: true,
      retryAfterMs: 1500.2,
      limit: 50,
      remaining: 0,
      resetAt: 1_700_000_000_000,
      tier: "burst",
      requestId: "req_1",
      title: "Too many requests",
    });
    expect(error).toEqual({
      code: "RATE_LIMITED",
      message: "Front's rate limit was reached; retry after 2 s.",
      status: 429,
      retryable: true,
      retryAfterMs: 1501,
      requestId: "req_1",
      title: "Too many requests",
      rateLimit: { limit: 50, remaining: 0, resetAt: 1_700_000_000_000, retryAfterMs: 1500.2, tier: "burst" },
    });
  });

  it("keeps input issues, Front details and not-found suggestions", () => {
    expect(
      toSpojitError({
        _tag: "InvalidInput",
        message: "Invalid input — fix and retry: tag_ids[0]: required.",
        retryable: false,
        issues: [{ path: "tag_ids[0]", message: "required" }, { path: ["handles", 1, "source"], message: "bad" }],
      }),
    ).toMatchObject({
      code: "INVALID_INPUT",
      retryable: false,
      issues: [
        { path: "tag_ids[0]", message: "required" },
        { path: "handles[1].source", message: "bad" },
      ],
    });
    expect(
      toSpojitError({ _tag: "NotFound", message: "No tag named urgnt.", status: 404, retryable: false, suggestions: ["urgent"], details: ["x", 3] }),
    ).toMatchObject({ code: "NOT_FOUND", status: 404, suggestions: ["urgent"], details: ["x"] });
  });

  it("maps a call on a disposed client to DISPOSED, keeping its message", () => {
    const error = toSpojitError(new Disposed({ message: "The list-tags call was not sent: this FrontTools instance was disposed.", retryable: false }));
    expect(error).toEqual({ code: "DISPOSED", message: "The list-tags call was not sent: this FrontTools instance was disposed.", retryable: false });
  });

  it("treats an aborted transport as a cancellation that retrying will not fix", () => {
    expect(toSpojitError({ _tag: "Transport", message: "aborted", retryable: true, reason: "aborted" })).toMatchObject({
      code: "CANCELLED",
      retryable: false,
      reason: "aborted",
    });
    expect(toSpojitError({ _tag: "Transport", message: "reset", retryable: true, reason: "reset" })).toMatchObject({
      code: "TRANSPORT",
      retryable: true,
      reason: "reset",
    });
  });

  it("turns anything untyped into a non-retryable INTERNAL error and ignores junk fields", () => {
    expect(toSpojitError(new TypeError("x is not a function"))).toEqual({
      code: "INTERNAL",
      message: "The Front connector failed unexpectedly: x is not a function",
      retryable: false,
    });
    for (const junk of [undefined, null, 42, "boom", { _tag: "Nope" }, { _tag: "toString" }]) {
      expect(toSpojitError(junk)).toMatchObject({ code: "INTERNAL", retryable: false });
    }
    const odd = toSpojitError({ _tag: "ServerError", message: "", status: 9999, retryable: "yes", retryAfterMs: -1 });
    expect(odd).toEqual({ code: "SERVER_ERROR", message: expect.stringMatching(/server error/), retryable: false });
  });

  it("phrases the advice for the setting a tool error points at, for Spojit users (the connection)", async () => {
    const { Unauthorized, Transport } = await import("@frontkit/tools");
    const refused = toSpojitError(new Unauthorized({ message: "Front did not accept the API token (HTTP 401) for list-tags.", retryable: false, status: 401, setting: "token" }));
    expect(refused.message).toMatch(/^Front did not accept the API token \(HTTP 401\) for list-tags\. Check the connection's API token/);
    const unresolved = toSpojitError(new Transport({ message: "No answer from Front for list-tags: the API host name could not be resolved.", retryable: true, reason: "dns", setting: "baseUrl" }));
    expect(unresolved.message).toContain("the connection's base URL");
    expect(JSON.stringify([refused, unresolved])).not.toMatch(/FRONT_API|--[a-z]/);
  });
});
