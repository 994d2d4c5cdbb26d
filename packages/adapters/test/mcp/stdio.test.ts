/**
 * The built `frontkit-mcp` over stdio, driven by a real MCP SDK client, with
 * Front played by Prism (the corrected spec) behind the fault proxy.
 */
import { toolCatalog } from "@frontkit/tools";
import { delay, type FaultProxy, type PrismServer, rateLimited, startFaultProxy, startPrism, status } from "@frontkit/testkit";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canaryToken, connectStdio, ensureBuilt, runBin, type StdioSession } from "./support/bin.js";
import { ELEVEN, sampleInputs } from "./support/samples.js";

const TOKEN = canaryToken("stdio");
/** Everything any client received or any process printed; checked for the canary at the end. */
const transcript: string[] = [];

let prism: PrismServer;
let proxy: FaultProxy;
let session: StdioSession;

const call = async (name: string, args: Record<string, unknown>): Promise<CallToolResult> => {
  const result = (await session.client.callTool({ name, arguments: args })) as CallToolResult;
  transcript.push(JSON.stringify(result));
  return result;
};

const text = (result: CallToolResult): string => result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");

const errorJson = (result: CallToolResult): Record<string, unknown> => {
  const block = result.content[1];
  if (block?.type !== "text") throw new Error(`no JSON error block in ${JSON.stringify(result)}`);
  return (JSON.parse(block.text) as { error: Record<string, unknown> }).error;
};

beforeAll(async () => {
  ensureBuilt();
  prism = await startPrism();
  proxy = await startFaultProxy({ target: prism.url });
  session = await connectStdio({ FRONT_API_TOKEN: TOKEN, FRONT_API_BASE_URL: proxy.url });
});

afterAll(async () => {
  await session?.close();
  await proxy?.stop();
  await prism?.stop();
});

describe("frontkit-mcp over stdio", () => {
  it("lists the eleven tools exactly as the catalog describes them", async () => {
    const { tools } = await session.client.listTools();
    transcript.push(JSON.stringify(tools));
    expect(tools.map((t) => t.name)).toEqual(toolCatalog.map((t) => t.name));
    expect([...tools.map((t) => t.name)].sort()).toEqual([...ELEVEN]);
    for (const entry of toolCatalog) {
      const tool = tools.find((t) => t.name === entry.name);
      expect(tool?.title).toBe(entry.title);
      expect(tool?.description).toBe(entry.description);
      expect(tool?.inputSchema).toEqual(entry.inputJsonSchema);
      expect(tool?.outputSchema).toEqual(entry.outputJsonSchema);
      expect(tool?.annotations).toEqual({ title: entry.title, ...entry.annotations });
    }
  });

  it.each(toolCatalog.map((t) => t.name))("calls %s successfully against Prism", async (name) => {
    const input = sampleInputs[name];
    expect(input, `no sample input for ${name} in support/samples.ts`).toBeDefined();
    const before = proxy.requests.length;
    const result = await call(name, input ?? {});
    expect(result.isError, text(result)).toBeFalsy();
    // structuredContent is what the output schema describes (the SDK client validated it); text mirrors it.
    expect(result.structuredContent).toBeTypeOf("object");
    expect(JSON.parse(text(result))).toEqual(result.structuredContent);
    const sent = proxy.requests.slice(before);
    // list-tags / list-inboxes may be served from cache; everything else reached Front with the token.
    for (const r of sent) expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("answers invalid arguments with isError naming every offending path, and sends nothing", async () => {
    const before = proxy.requests.length;
    const result = await call("create-contact", { handles: [{ source: "pager", handle: "jane@example.com" }], nickname: "J" });
    expect(result.isError).toBe(true);
    const message = text(result);
    expect(message).toContain("handles[0].source");
    expect(message).toContain("nickname");
    expect(message).toMatch(/Nothing was sent to Front/);
    const error = errorJson(result);
    expect(error["_tag"]).toBe("InvalidInput");
    expect((error["issues"] as Array<{ path: string }>).map((i) => i.path)).toEqual(expect.arrayContaining(["handles[0].source", "nickname"]));
    expect(proxy.requests.length).toBe(before);
  });

  it("answers an unknown tool with isError listing the tools it offers", async () => {
    const result = await call("delete-everything", {});
    expect(result.isError).toBe(true);
    expect(text(result)).toContain("list-tags");
  });

  it("turns Front's 404 into a NotFound result that says what to check", async () => {
    const rule = proxy.on(
      { method: "GET", path: /^\/contacts\/crd_missing/ },
      status(404, { body: { _error: { status: 404, title: "Not found", message: "Contact not found" } } }),
    );
    try {
      const result = await call("get-contact", { contact_id: "crd_missing" });
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(/NotFound \(HTTP 404\)/);
      expect(text(result)).toMatch(/list-\* tools/);
      expect(errorJson(result)).toMatchObject({ _tag: "NotFound", status: 404, retryable: false });
      expect(rule.hits).toBe(1); // a 404 is not retried
    } finally {
      rule.remove();
    }
  });

  it("gives up on a 429 storm after bounded retries and says when to retry", async () => {
    const rule = proxy.on({ method: "GET", path: "/teammates" }, rateLimited({ retryAfter: "1" }));
    try {
      const result = await call("list-teammates", {});
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(/RateLimited \(HTTP 429\)/);
      expect(text(result)).toMatch(/again in 1 second/);
      expect(errorJson(result)).toMatchObject({ _tag: "RateLimited", status: 429, retryAfterMs: 1000 });
      expect(rule.hits).toBeGreaterThan(1); // retried, honouring retry-after …
      expect(rule.hits).toBeLessThanOrEqual(5); // … but bounded
    } finally {
      rule.remove();
    }
    // After the storm the same server serves the account again.
    const after = await call("list-teammates", {});
    expect(after.isError, text(after)).toBeFalsy();
  });

  it("--verbose writes one stderr line per request to Front (method, path template, status, ms, attempt), never the token", async () => {
    const verbose = await connectStdio({ FRONT_API_TOKEN: TOKEN, FRONT_API_BASE_URL: proxy.url }, ["--verbose"]);
    try {
      const result = (await verbose.client.callTool({ name: "get-contact", arguments: { email: "jane@example.com" } })) as CallToolResult;
      transcript.push(JSON.stringify(result), verbose.stderr());
      expect(result.isError, text(result)).toBeFalsy();
      await new Promise((r) => setTimeout(r, 50)); // stderr is a separate pipe
      const lines = verbose.stderr().split("\n").filter((l) => l.includes("GET /contacts"));
      expect(lines, verbose.stderr()).toEqual([expect.stringMatching(/^frontkit-mcp: GET \/contacts\/\{contact_id\} → 200 in \d+ ms \(attempt 1(, queued \d+ ms for the rate limiter)?\)$/)]);
      expect(verbose.stderr()).not.toContain("jane@example.com");
    } finally {
      await verbose.close();
    }
    // Without --verbose, nothing about requests reaches stderr.
    expect(session.stderr()).not.toMatch(/ → \d{3} in /);
  });

  it("sends progress notifications when the client asks for them", async () => {
    const updates: Array<{ progress: number; total?: number | undefined; message?: string | undefined }> = [];
    const result = (await session.client.callTool({ name: "list-tags", arguments: { refresh: true } }, undefined, {
      onprogress: (p) => updates.push(p),
    })) as CallToolResult;
    transcript.push(JSON.stringify(result), JSON.stringify(updates));
    expect(result.isError, text(result)).toBeFalsy();
    expect(updates.length, `${JSON.stringify(result).slice(0, 300)} ${session.stderr()}`).toBeGreaterThan(0);
    expect(updates[0]?.progress).toBeGreaterThan(0);
  });

  it("honours cancellation: the call stops and the server stays responsive", async () => {
    const rule = proxy.on({ method: "GET", path: "/teammates" }, delay(8_000));
    const controller = new AbortController();
    try {
      const pending = session.client.callTool({ name: "list-teammates", arguments: {} }, undefined, { signal: controller.signal });
      await new Promise((r) => setTimeout(r, 400));
      expect(rule.hits).toBe(1);
      controller.abort("user cancelled");
      await expect(pending).rejects.toThrow();
      // Nothing was retried after the cancel.
      await new Promise((r) => setTimeout(r, 700));
      expect(rule.hits).toBe(1);
    } finally {
      rule.remove();
    }
    const after = await call("list-inboxes", {});
    expect(after.isError, text(after)).toBeFalsy();
  });

  it("offers inboxes and tags as resources", async () => {
    const { resources } = await session.client.listResources();
    expect(resources.map((r) => r.uri).sort()).toEqual(["front://inboxes", "front://tags"]);
    const read = await session.client.readResource({ uri: "front://tags" });
    transcript.push(JSON.stringify(read));
    const first = read.contents[0] as { mimeType?: string; text?: string };
    expect(first.mimeType).toBe("application/json");
    expect(JSON.parse(first.text ?? "null")).toHaveProperty("tags");
    await expect(session.client.readResource({ uri: "front://nope" })).rejects.toThrow(/front:\/\/tags/);
  });
});

describe("frontkit-mcp options", () => {
  it("--read-only exposes only the read-only tools", async () => {
    const ro = await connectStdio({ FRONT_API_TOKEN: TOKEN, FRONT_API_BASE_URL: proxy.url }, ["--read-only"]);
    try {
      const { tools } = await ro.client.listTools();
      const expected = toolCatalog.filter((t) => t.annotations.readOnlyHint).map((t) => t.name);
      expect(tools.map((t) => t.name)).toEqual(expected);
      expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
      const refused = (await ro.client.callTool({ name: "create-contact", arguments: sampleInputs["create-contact"] ?? {} })) as CallToolResult;
      expect(refused.isError).toBe(true);
      transcript.push(ro.stderr());
    } finally {
      await ro.close();
    }
  });

  it("--tools picks a subset", async () => {
    const sub = await connectStdio({ FRONT_API_TOKEN: TOKEN, FRONT_API_BASE_URL: proxy.url }, ["--tools", "list-tags,get-contact"]);
    try {
      const { tools } = await sub.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(["get-contact", "list-tags"]);
      const { resources } = await sub.client.listResources();
      expect(resources.map((r) => r.uri)).toEqual(["front://tags"]);
      transcript.push(sub.stderr());
    } finally {
      await sub.close();
    }
  });

  it("refuses unknown --tools names at startup, listing the valid ones", async () => {
    const run = await runBin(["--tools", "list-tags,bogus-tool"], { FRONT_API_TOKEN: TOKEN });
    transcript.push(run.stdout, run.stderr);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"bogus-tool"');
    expect(run.stderr).toContain("list-inboxes");
  });

  it("fails clearly at startup without FRONT_API_TOKEN", async () => {
    const run = await runBin([], {});
    transcript.push(run.stdout, run.stderr);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/FRONT_API_TOKEN is not set/);
  });

  it("refuses a non-loopback http:// base URL at startup without echoing the token", async () => {
    const run = await runBin([], { FRONT_API_TOKEN: TOKEN, FRONT_API_BASE_URL: "http://example.com" });
    transcript.push(run.stdout, run.stderr);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/http/i);
  });

  it("--help explains the modes, options and environment", async () => {
    const run = await runBin(["--help"], {});
    expect(run.code).toBe(0);
    for (const word of ["--http", "--port", "--host", "--read-only", "--tools", "FRONT_API_TOKEN", "FRONT_API_BASE_URL", "Authorization: Bearer", "401"]) {
      expect(run.stdout).toContain(word);
    }
  });

  it("never shows the canary token in any result, notification or stderr", () => {
    transcript.push(session.stderr());
    const all = transcript.join("\n");
    expect(all.length).toBeGreaterThan(1000);
    expect(all).not.toContain(TOKEN);
    // The token did reach Front (Prism), so its absence above is not vacuous.
    expect(proxy.requests.some((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });
});
