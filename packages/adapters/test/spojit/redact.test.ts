import { describe, expect, it } from "vitest";
import { toJsonSafe } from "../../src/spojit/json-safe.js";
import { REDACTED, redactSecret } from "../../src/spojit/redact.js";

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
