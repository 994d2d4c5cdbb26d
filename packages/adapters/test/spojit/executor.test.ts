import fc from "fast-check";
import { NotFound, RateLimited, toolNames } from "@frontkit/tools";
import { Redacted } from "effect";
import { describe, expect, it } from "vitest";
import { createSpojitExecutor, SPOJIT_ERROR_CODES, type SpojitExecutorOptions } from "../../src/spojit/index.js";

const TOKEN = "canary-unit-9c0ffee5d00d";

type Created = { token: string; baseUrl: string; calls: string[]; disposed: boolean };

/** An executor whose clients are fakes that record what they were asked and answer with `answer`. */
const withFakes = (answer: (tool: string, input: unknown, token: string) => Promise<unknown>, options: SpojitExecutorOptions = {}) => {
  const created: Created[] = [];
  const executor = createSpojitExecutor({
    ...options,
    createTools: (config) => {
      // The executor hands the token over Redacted; the fake reads it to record which account it serves.
      const token = Redacted.value(config.token);
      const record: Created = { token, baseUrl: config.baseUrl, calls: [], disposed: false };
      created.push(record);
      return {
        invokeDetailed: async (name, input) => {
          record.calls.push(name);
          const data = await answer(name, input, token);
          return { data, meta: { attempts: 2, rateLimit: { limit: 100, remaining: 97, resetAt: 1_700_000_060_000, junk: "x" } } };
        },
        dispose: async () => {
          record.disposed = true;
        },
      };
    },
  });
  return { executor, created };
};

const connection = (id = "conn-1", token = TOKEN) => ({ id, token });
/** A realistic-length token per name (the validator refuses short ones). */
const tok = (name: string) => `${name}-7f3e9a1b2c4d`;

describe("createSpojitExecutor (unit)", () => {
  it("never throws or rejects, whatever it is given", async () => {
    const { executor } = withFakes(async () => ({ ok: 1 }));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ tool: fc.oneof(fc.constantFrom(...toolNames), fc.anything()), input: fc.anything(), connection: fc.anything() }),
          fc.record({
            tool: fc.constantFrom(...toolNames),
            input: fc.anything(),
            connection: fc.record({ id: fc.string(), token: fc.string(), baseUrl: fc.option(fc.string()) }),
          }),
        ),
        async (request) => {
          const result = await executor.execute(request as never, fc.sample(fc.anything(), 1)[0] as never);
          const tested = await executor.testConnection((request as { connection?: unknown } | null)?.connection as never);
          expect(typeof tested.ok).toBe("boolean");
          expect(typeof result.ok).toBe("boolean");
          if (!result.ok) {
            expect(SPOJIT_ERROR_CODES).toContain(result.error.code);
            expect(typeof result.error.message).toBe("string");
            expect(typeof result.error.retryable).toBe("boolean");
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("returns data with attempts and only the documented rate-limit fields", async () => {
    const { executor } = withFakes(async () => ({ tags: [{ id: "tag_1", name: "urgent" }], count: 1 }));
    const result = await executor.execute({ tool: "list-tags", input: {}, connection: connection() });
    expect(result).toMatchObject({
      ok: true,
      data: { tags: [{ id: "tag_1", name: "urgent" }], count: 1 },
      meta: { tool: "list-tags", attempts: 2, rateLimit: { limit: 100, remaining: 97, resetAt: 1_700_000_060_000 } },
    });
    if (result.ok) expect(result.meta.rateLimit).not.toHaveProperty("junk");
  });

  it("maps typed tool errors to codes and keeps their fields", async () => {
    const { executor } = withFakes(async (tool) => {
      if (tool === "list-tags") {
        throw new RateLimited({ message: "Rate limited; retry in 3 s.", retryable: true, status: 429, retryAfterMs: 3_000, limit: 50, remaining: 0 });
      }
      throw new NotFound({ message: "No tag named urgnt.", retryable: false, status: 404, suggestions: ["urgent"] });
    });
    const limited = await executor.execute({ tool: "list-tags", input: {}, connection: connection() });
    expect(limited).toEqual({
      ok: false,
      error: {
        code: "RATE_LIMITED",
        message: "Rate limited; retry in 3 s.",
        status: 429,
        retryable: true,
        retryAfterMs: 3_000,
        rateLimit: { limit: 50, remaining: 0, retryAfterMs: 3_000 },
      },
    });
    const missing = await executor.execute({ tool: "list-inboxes", input: {}, connection: connection() });
    expect(missing).toMatchObject({ ok: false, error: { code: "NOT_FOUND", status: 404, retryable: false, suggestions: ["urgent"] } });
  });

  it("scrubs the token from failures and data, and turns untyped throws into INTERNAL", async () => {
    const { executor } = withFakes(async (tool, _input, token) => {
      if (tool === "list-tags") throw new Error(`socket closed while sending Bearer ${token}`);
      return { echoed: `Authorization: Bearer ${token}` };
    });
    const failure = await executor.execute({ tool: "list-tags", input: {}, connection: connection() });
    expect(failure).toMatchObject({ ok: false, error: { code: "INTERNAL", retryable: false } });
    const success = await executor.execute({ tool: "list-inboxes", input: {}, connection: connection() });
    expect(success).toMatchObject({ ok: true, data: { echoed: "Authorization: Bearer <redacted>" } });
    expect(JSON.stringify([failure, success])).not.toContain(TOKEN);
  });

  it("keeps one client per connection, a fresh one for a changed token, and never shares between connections", async () => {
    const { executor, created } = withFakes(async () => ({}));
    await executor.execute({ tool: "list-tags", input: {}, connection: connection("a", tok("token-a-1")) });
    await executor.execute({ tool: "list-tags", input: {}, connection: connection("a", tok("token-a-1")) });
    await executor.execute({ tool: "list-tags", input: {}, connection: connection("b", tok("token-a-1")) });
    await executor.execute({ tool: "list-tags", input: {}, connection: connection("a", tok("token-a-2")) });
    expect(created.map((c) => [c.token, c.calls.length])).toEqual([
      [tok("token-a-1"), 2],
      [tok("token-a-1"), 1],
      [tok("token-a-2"), 1],
    ]);
    expect(created[0]?.disposed).toBe(true); // replaced by the new token
    expect(executor.connectionCount).toBe(2);
    await executor.dispose();
    expect(created.every((c) => c.disposed)).toBe(true);
    const after = await executor.execute({ tool: "list-tags", input: {}, connection: connection("a", tok("token-a-2")) });
    // The executor's own disposal and a disposed client's Disposed error give the same code.
    expect(after).toMatchObject({ ok: false, error: { code: "DISPOSED", retryable: false, message: expect.stringMatching(/disposed/) } });
    const polled = await executor.pollTrigger({ trigger: "new-inbound-message", connection: connection("a", tok("token-a-2")) });
    expect(polled).toMatchObject({ ok: false, error: { code: "DISPOSED", retryable: false } });
  });

  it("never echoes the token, even when it was pasted into the tool name", async () => {
    const { executor } = withFakes(async () => ({}));
    const result = await executor.execute({ tool: `list-tags ${TOKEN}`, input: {}, connection: connection() });
    expect(result).toMatchObject({ ok: false, error: { code: "UNKNOWN_TOOL" } });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it("reports a client that cannot be built as INVALID_CONNECTION without the token", async () => {
    const executor = createSpojitExecutor({
      createTools: (config) => {
        throw new Error(`bad options for ${config.token}`);
      },
    });
    const result = await executor.execute({ tool: "list-tags", input: {}, connection: connection() });
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_CONNECTION", retryable: false } });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it("passes the connection's base URL and an empty input object to the client", async () => {
    const inputs: unknown[] = [];
    const { executor, created } = withFakes(
      async (_tool, input) => {
        inputs.push(input);
        return {};
      },
      { allowedBaseUrlHosts: ["front-proxy.example.com"] },
    );
    await executor.execute({ tool: "list-teammates", connection: { id: "x", token: TOKEN, baseUrl: "https://front-proxy.example.com/" } });
    expect(created[0]?.baseUrl).toBe("https://front-proxy.example.com");
    expect(inputs).toEqual([{}]);
  });

  it("keeps at most maxConnections clients: the least recently used idle one is disposed", async () => {
    const { executor, created } = withFakes(async () => ({}), { maxConnections: 1 });
    await executor.execute({ tool: "list-tags", input: {}, connection: connection("a", tok("token-a")) });
    await executor.execute({ tool: "list-tags", input: {}, connection: connection("b", tok("token-b")) });
    expect(executor.connectionCount).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(created.map((c) => [c.token, c.disposed])).toEqual([
      [tok("token-a"), true],
      [tok("token-b"), false],
    ]);
    await executor.dispose();
  });
});
