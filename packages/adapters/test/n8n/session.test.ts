// The n8n node's runs borrow their client from the one per-token client cache (issue 14).
import { describe, expect, it } from "vitest";
import { openSession } from "../../src/n8n/session.js";

const TOKEN = "canary-n8n-session-0a1b2c3d4e5f";
const options = { fetch: async () => Response.json({ _results: [{ id: "tag_1", name: "a" }], _pagination: { next: null } }) };

describe("openSession", () => {
  it("lends one client per credential across runs, another for another token or base URL", () => {
    const first = openSession({ token: TOKEN, baseUrl: "http://127.0.0.1:9" }, options);
    const second = openSession({ token: `  ${TOKEN}\n`, baseUrl: "http://127.0.0.1:9" }, options);
    const other = openSession({ token: `${TOKEN}-other`, baseUrl: "http://127.0.0.1:9" }, options);
    const elsewhere = openSession({ token: TOKEN, baseUrl: "http://127.0.0.1:8" }, options);
    expect(second.tools).toBe(first.tools);
    expect(other.tools).not.toBe(first.tools);
    expect(elsewhere.tools).not.toBe(first.tools);
    for (const s of [first, second, other, elsewhere]) s.release();
  });

  it("a released client stays usable for the next run, and its redactor masks the token", async () => {
    const run = openSession({ token: TOKEN, baseUrl: "http://127.0.0.1:9" }, options);
    run.release();
    run.release(); // harmless twice
    const next = openSession({ token: TOKEN, baseUrl: "http://127.0.0.1:9" }, options);
    await expect(next.tools.invoke("list-tags", { refresh: true })).resolves.toMatchObject({ count: 1 });
    expect(next.redact.text(`Bearer ${TOKEN}`)).toBe("Bearer <redacted>");
    next.release();
  });

  it("refuses a token the rule refuses, without the token in the message", () => {
    expect(() => openSession({ token: "short" }, options)).toThrow(/too short/);
    const spaced = () => openSession({ token: "secret-looking value-0123456789" }, options);
    expect(spaced).toThrow(/a space/);
    expect(spaced).not.toThrow(/secret-looking/);
  });
});
