/**
 * The built bin answers tools/list from a listing computed at build time (dist/frontkit-mcp.catalog.json), before
 * it loads Effect and the tools; everything else derives the listing from `mcpToolCatalog` at run time. These must
 * never drift: the bin's answer is byte-for-byte the runtime server's, for the full set and for --read-only.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createFrontTools, mcpToolCatalog } from "@frontkit/tools";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFrontMcpServer } from "../../src/mcp/server.js";
import { BIN, CATALOG_SNAPSHOT, canaryToken, ensureBuilt } from "./support/bin.js";

const TOKEN = canaryToken("listing");
const INITIALIZE = { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "listing-test", version: "1.0.0" } };

/** The raw `result` of tools/list from the built bin over stdio, as the JSON text it sent (no SDK client re-parsing). */
const binListing = (args: ReadonlyArray<string>): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      // A base URL nothing listens on: tools/list must not need Front.
      env: { PATH: process.env["PATH"] ?? "", FRONT_API_TOKEN: TOKEN, FRONT_API_BASE_URL: "http://127.0.0.1:9" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no tools/list answer within 20 s; got ${out.slice(0, 300)}`));
    }, 20_000);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
      for (const line of out.split("\n").slice(0, -1)) {
        // The result object exactly as the bin serialized it: cut from its own line, not re-serialized.
        if (line.startsWith('{"result":{"tools":') && line.includes('"id":2')) {
          clearTimeout(timer);
          child.stdin.end();
          child.kill("SIGTERM");
          resolve(JSON.stringify((JSON.parse(line) as { result: unknown }).result));
        }
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the bin exited (${code}) before answering tools/list`));
    });
    const send = (m: unknown): boolean => child.stdin.write(`${JSON.stringify(m)}\n`);
    send({ jsonrpc: "2.0", id: 1, method: "initialize", params: INITIALIZE });
    send({ jsonrpc: "2.0", method: "notifications/initialized" });
    send({ jsonrpc: "2.0", id: 2, method: "tools/list" });
  });

const tools = createFrontTools({ token: TOKEN, baseUrl: "http://127.0.0.1:9" });

/** The raw `result` of tools/list from createFrontMcpServer (listing derived from mcpToolCatalog at run time). */
const runtimeListing = async (readOnly: boolean): Promise<string> => {
  const server = createFrontMcpServer({ frontTools: tools, readOnly });
  const [client, serverSide] = InMemoryTransport.createLinkedPair();
  const answers = new Map<unknown, JSONRPCMessage>();
  client.onmessage = (m) => {
    if ("id" in m) answers.set(m.id, m);
  };
  await server.connect(serverSide);
  await client.start();
  await client.send({ jsonrpc: "2.0", id: 1, method: "initialize", params: INITIALIZE });
  await client.send({ jsonrpc: "2.0", method: "notifications/initialized" });
  await client.send({ jsonrpc: "2.0", id: 2, method: "tools/list" });
  for (let i = 0; i < 100 && !answers.has(2); i++) await new Promise((r) => setTimeout(r, 10));
  await server.close();
  const answer = answers.get(2) as { result?: unknown } | undefined;
  if (answer?.result === undefined) throw new Error(`no tools/list result: ${JSON.stringify(answer)}`);
  return JSON.stringify(answer.result);
};

beforeAll(() => {
  ensureBuilt();
}, 180_000);

afterAll(async () => {
  await tools.dispose();
});

describe("the bin's build-time tool listing", () => {
  it("is written from the catalog of the tools it bundles", () => {
    expect(readFileSync(CATALOG_SNAPSHOT, "utf8").trim()).toBe(JSON.stringify(mcpToolCatalog));
  });

  it("is byte-identical to the runtime-derived listing", async () => {
    const [fromBin, atRuntime] = await Promise.all([binListing([]), runtimeListing(false)]);
    expect(JSON.parse(fromBin).tools.length).toBe(mcpToolCatalog.length);
    expect(fromBin).toBe(atRuntime);
  }, 30_000);

  it("is byte-identical under --read-only too", async () => {
    const [fromBin, atRuntime] = await Promise.all([binListing(["--read-only"]), runtimeListing(true)]);
    expect(JSON.parse(fromBin).tools.length).toBeLessThan(mcpToolCatalog.length);
    expect(fromBin).toBe(atRuntime);
  }, 30_000);
});
