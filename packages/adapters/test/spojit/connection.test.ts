import { describe, expect, it } from "vitest";
import { validateConnection } from "../../src/spojit/connection.js";

const TOKEN = "canary-token-3f9a1c7e";

describe("validateConnection", () => {
  it("defaults the base URL to Front's API and fingerprints token + base URL", () => {
    const a = validateConnection({ id: "c1", token: TOKEN });
    const b = validateConnection({ id: "c1", token: `${TOKEN}x` });
    const c = validateConnection({ id: "c1", token: TOKEN, baseUrl: "http://127.0.0.1:4010/" }, ["127.0.0.1"]);
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
    [{ id: "c", token: TOKEN, baseUrl: 5 }, /must be a string/],
  ])("rejects %j as INVALID_CONNECTION without echoing the token", (raw, message) => {
    const result = validateConnection(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: "INVALID_CONNECTION", retryable: false, message });
    expect(JSON.stringify(result)).not.toContain("canary-token");
  });

  // The token's form and the base URL's scheme, credentials and query are checked once, by the tools when the
  // connection's client is built (the one token rule, core's base URL rule): Spojit does not check them again.
  it.each([
    [{ id: "c", token: "abc123" }, /too short/],
    [{ id: "c", token: `${TOKEN}\r\nX-Evil: 1` }, /line break/],
    [{ id: "c", token: TOKEN, baseUrl: "not a url" }, /not a valid URL/],
    [{ id: "c", token: TOKEN, baseUrl: "http://api2.frontapp.com" }, /https/],
    [{ id: "c", token: TOKEN, baseUrl: "ftp://127.0.0.1" }, /https/],
    [{ id: "c", token: TOKEN, baseUrl: "https://user:pw@api2.frontapp.com" }, /credentials/],
    [{ id: "c", token: TOKEN, baseUrl: "https://api2.frontapp.com?x=1" }, /query/],
  ])("the executor rejects %j as INVALID_CONNECTION without echoing the token or sending anything", async (connection, message) => {
    const { createSpojitExecutor } = await import("../../src/spojit/index.js");
    let sent = 0;
    const executor = createSpojitExecutor({
      allowedBaseUrlHosts: ["127.0.0.1"],
      fetch: async () => {
        sent++;
        return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
      },
    });
    try {
      const result = await executor.execute({ tool: "list-tags", input: {}, connection: connection as { id: string; token: string } });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatchObject({ code: "INVALID_CONNECTION", retryable: false, message });
      expect(JSON.stringify(result)).not.toContain("canary-token");
      expect(sent).toBe(0);
      expect(executor.connectionCount).toBe(0);
    } finally {
      await executor.dispose();
    }
  });
});

describe("base URL hosts (issue 16 item 7: no SSRF on a shared executor)", () => {
  it.each(["https://api2.frontapp.com", "https://acme.api.frontapp.com/", "https://ACME.API.FRONTAPP.COM"])("accepts Front's API host %s by default", (baseUrl) => {
    expect(validateConnection({ id: "c", token: TOKEN, baseUrl }).ok).toBe(true);
  });

  it.each([
    "http://127.0.0.1:4010",
    "http://localhost:8080",
    "http://[::1]:80",
    "https://169.254.169.254",
    "https://internal.corp.example",
    "https://api.frontapp.com.evil.example",
    "https://evilapi.frontapp.com",
    "https://frontapp.com",
  ])("refuses %s unless the operator allows its host, saying how", (baseUrl) => {
    const refused = validateConnection({ id: "c", token: TOKEN, baseUrl });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe("INVALID_CONNECTION");
    expect(refused.error.message).toMatch(/allowedBaseUrlHosts/);
  });

  it("an operator allowance admits exact hosts and *.suffix patterns, nothing else", () => {
    expect(validateConnection({ id: "c", token: TOKEN, baseUrl: "http://127.0.0.1:4010" }, ["127.0.0.1"]).ok).toBe(true);
    expect(validateConnection({ id: "c", token: TOKEN, baseUrl: "https://a.proxy.example" }, ["*.proxy.example"]).ok).toBe(true);
    expect(validateConnection({ id: "c", token: TOKEN, baseUrl: "https://proxy.example" }, ["*.proxy.example"]).ok).toBe(false);
    expect(validateConnection({ id: "c", token: TOKEN, baseUrl: "https://other.example" }, ["127.0.0.1"]).ok).toBe(false);
  });
});

describe("base URL hosts apply to trigger polls too", () => {
  it("pollTrigger refuses a connection naming a host the operator did not allow, and sends nothing", async () => {
    const { createSpojitExecutor } = await import("../../src/spojit/index.js");
    let sent = 0;
    const executor = createSpojitExecutor({
      fetch: async () => {
        sent++;
        return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
      },
    });
    try {
      const result = await executor.pollTrigger({ trigger: "new-inbound-message", connection: { id: "c", token: TOKEN, baseUrl: "http://127.0.0.1:9" } });
      expect(result).toMatchObject({ ok: false, error: { code: "INVALID_CONNECTION" } });
      expect(sent).toBe(0);
    } finally {
      await executor.dispose();
    }
  });
});
