import { describe, expect, it } from "vitest";
import { validateConnection } from "../../src/spojit/connection.js";

const TOKEN = "canary-token-3f9a1c7e";

describe("validateConnection", () => {
  it("defaults the base URL to Front's API and fingerprints token + base URL", () => {
    const a = validateConnection({ id: "c1", token: TOKEN });
    const b = validateConnection({ id: "c1", token: `${TOKEN}x` });
    const c = validateConnection({ id: "c1", token: TOKEN, baseUrl: "http://127.0.0.1:4010/" });
    if (!a.ok || !b.ok || !c.ok) throw new Error("expected valid connections");
    expect(a.connection.baseUrl).toBe("https://api2.frontapp.com");
    expect(c.connection.baseUrl).toBe("http://127.0.0.1:4010");
    expect(new Set([a.connection.fingerprint, b.connection.fingerprint, c.connection.fingerprint]).size).toBe(3);
    expect(a.connection.fingerprint).not.toContain(TOKEN);
  });

  it.each([
    [undefined, /connection is missing/],
    ["tok", /connection is missing/],
    [{ token: TOKEN }, /connection id/],
    [{ id: "", token: TOKEN }, /connection id/],
    [{ id: "c", token: "" }, /no API token/],
    [{ id: "c", token: 42 }, /no API token/],
    [{ id: "c", token: "abc123" }, /too short/],
    [{ id: "c", token: `${TOKEN}\r\nX-Evil: 1` }, /line break/],
    [{ id: "c", token: TOKEN, baseUrl: "not a url" }, /not a valid URL/],
    [{ id: "c", token: TOKEN, baseUrl: "http://api2.frontapp.com" }, /https/],
    [{ id: "c", token: TOKEN, baseUrl: "ftp://127.0.0.1" }, /https/],
    [{ id: "c", token: TOKEN, baseUrl: "https://user:pw@api2.frontapp.com" }, /credentials/],
    [{ id: "c", token: TOKEN, baseUrl: "https://api2.frontapp.com?x=1" }, /query/],
    [{ id: "c", token: TOKEN, baseUrl: 5 }, /must be a string/],
  ])("rejects %j as INVALID_CONNECTION without echoing the token", (raw, message) => {
    const result = validateConnection(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: "INVALID_CONNECTION", retryable: false, message });
    expect(JSON.stringify(result)).not.toContain("canary-token");
  });
});
