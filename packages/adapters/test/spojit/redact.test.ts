import { describe, expect, it } from "vitest";
import { toJsonSafe } from "../../src/spojit/json-safe.js";
import { REDACTED, redactResult, redactSecret } from "../../src/spojit/redact.js";

describe("redactSecret", () => {
  it("removes the secret from nested strings and keys", () => {
    const secret = "tok_secret_123";
    const value = { a: `Bearer ${secret}`, list: [secret, 1, null], [secret]: { deep: `x${secret}y${secret}` } };
    const out = redactSecret(value, secret);
    expect(JSON.stringify(out)).not.toContain(secret);
    expect(out.a).toBe(`Bearer ${REDACTED}`);
    expect(out.list).toEqual([REDACTED, 1, null]);
  });
});

describe("toJsonSafe", () => {
  it("drops what JSON cannot carry and cuts cycles", () => {
    const cyclic: Record<string, unknown> = { n: 1, f: () => 1, big: 10n, inf: Infinity, when: new Date(0) };
    cyclic.self = cyclic;
    const shared = { x: 1 };
    expect(toJsonSafe({ cyclic, pair: [shared, shared], u: undefined })).toEqual({
      cyclic: { n: 1, big: "10", inf: null, when: "1970-01-01T00:00:00.000Z" },
      pair: [{ x: 1 }, { x: 1 }],
    });
  });
});

describe("redactResult", () => {
  it("scrubs data and an error's text but never its code or flags", () => {
    // A token that happens to equal the code: the code must survive intact.
    const token = "INVALID_CONNECTION";
    const failure = redactResult(
      { ok: false, error: { code: "INVALID_CONNECTION", message: `bad ${token}`, retryable: false, details: [token] } },
      token,
    );
    expect(failure).toEqual({ ok: false, error: { code: "INVALID_CONNECTION", message: `bad ${REDACTED}`, retryable: false, details: [REDACTED] } });
    const success = redactResult({ ok: true, data: { echo: "Bearer secret-token-123" }, meta: { tool: "list-tags" } }, "secret-token-123");
    expect(success).toEqual({ ok: true, data: { echo: `Bearer ${REDACTED}` }, meta: { tool: "list-tags" } });
  });

  it("leaves results alone for strings too short to be a token", () => {
    const result = { ok: false, error: { code: "INVALID_CONNECTION", message: "x_y", retryable: false } };
    expect(redactResult(result, "_")).toBe(result);
  });
});
