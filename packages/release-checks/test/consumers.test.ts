// Fresh ESM, CJS and TypeScript (node16, bundler) projects install the packed tarballs, typecheck,
// and call the Prism mock — on the running Node and on every other supported major (Node 22 and 24, the
// `node@22` / `node@24` packages from the npm registry); the frontkit-mcp bin runs from the install.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { cleanNpmEnv, createConsumer, type Consumer, type ConsumerKind } from "../src/consumers.js";
import { nodeRuntime, runningNodeMajor, SUPPORTED_NODE_MAJORS, type NodeRuntime } from "../src/node-runtime.js";
import { PUBLIC_PACKAGES } from "../src/pack.js";
import { repoRoot, repoTsc, repoTsx } from "../src/paths.js";
import { mapLimit, run, runOk, type RunResult } from "../src/run.js";

const prismUrl = inject("prismUrl");
const scratchDir = inject("scratchDir");
const tarballs = inject("tarballs");

// A canary: it must reach Prism as the bearer and never show up in anything the consumers print.
const CONSUMER_TOKEN = "frontkit-consumer-canary-7Qx9";
const TOOL_NAMES = [
  "add-tag",
  "create-contact",
  "get-contact",
  "get-conversation",
  "list-contacts",
  "list-conversations",
  "list-inboxes",
  "list-tags",
  "list-teammates",
  "raw-api-request",
  "send-message",
];
const KINDS: ReadonlyArray<ConsumerKind> = ["esm", "cjs", "ts-node16", "ts-bundler"];

const consumers = new Map<ConsumerKind, Consumer>();
const consumer = (kind: ConsumerKind): Consumer => {
  const found = consumers.get(kind);
  if (found === undefined) throw new Error(`consumer ${kind} was not installed`);
  return found;
};

const runtimeEnv = (extra: NodeJS.ProcessEnv = {}) => cleanNpmEnv({ PRISM_URL: prismUrl, CONSUMER_TOKEN, ...extra });

interface ConsumerOutput {
  kind: string;
  node: string;
  me: { status: number; id?: string; error: unknown };
  inboxes: { count: number; firstId?: string };
  tools: { registry: number; catalog: string[] };
  mcp: { version: string; server: string };
  spojit: { identifier: string };
  n8n?: { loaded: boolean; message?: string };
}

const parseOutput = (result: RunResult): ConsumerOutput => {
  expect(result.code, result.stderr).toBe(0);
  expect(`${result.stdout}${result.stderr}`).not.toContain(CONSUMER_TOKEN);
  const line = result.stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as ConsumerOutput;
};

const expectWorkingConsumer = (out: ConsumerOutput, kind: string, nodeMajor: string) => {
  expect(out.kind).toBe(kind);
  expect(out.node.startsWith(`v${nodeMajor}.`), out.node).toBe(true);
  // Typed client call: GET /me answered by Prism (a 422 would mean the SDK sent a wrong request).
  expect(out.me).toMatchObject({ status: 200, error: null });
  // GET /me describes the token's company (Prism's example: a cmp_ id).
  expect(out.me.id).toMatch(/^cmp_/);
  // Tool call through the Promise facade: list-inboxes decoded Prism's example page.
  expect(out.inboxes.count).toBeGreaterThan(0);
  expect(out.inboxes.firstId).toMatch(/^inb_/);
  expect(out.tools).toEqual({ registry: 11, catalog: TOOL_NAMES });
  expect(out.mcp.server).toBe("function");
  expect(out.mcp.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(out.spojit.identifier).toBe("front");
  if (out.n8n !== undefined) {
    // n8n-workflow is an optional peer: without n8n the ./n8n entry fails, and says what is missing.
    expect(out.n8n.loaded).toBe(false);
    expect(out.n8n.message).toContain("n8n-workflow");
  }
};

const versions: Record<string, string> = {};
const running = String(runningNodeMajor());
// The supported majors the running Node does not already cover, each from the npm registry.
const otherMajors = SUPPORTED_NODE_MAJORS.filter((major) => String(major) !== running);

beforeAll(async () => {
  const started = Date.now();
  // Two installs at a time: the 2-core budget, and npm's cache is shared.
  const installed = await mapLimit(KINDS, 2, (kind) => createConsumer(kind, join(scratchDir, "consumers", kind), tarballs));
  for (const c of installed) consumers.set(c.kind, c);
  console.log(`[release-checks] installed ${installed.length} consumer projects in ${Date.now() - started} ms`);
});

describe(`consumers on Node ${running} (the running node)`, () => {
  it.each(["esm", "cjs"] as const)("%s: imports core, tools and adapters and calls Prism", async (kind) => {
    const c = consumer(kind);
    const out = parseOutput(await run(process.execPath, [c.entry], { cwd: c.dir, env: runtimeEnv(), timeoutMs: 60_000 }));
    expectWorkingConsumer(out, kind, running);
    versions[`${kind} (node ${running})`] = out.node;
  });

  it.each(["ts-node16", "ts-bundler"] as const)("%s: tsc --noEmit passes, then the program calls Prism", async (kind) => {
    const c = consumer(kind);
    const tsc = await run(process.execPath, [repoTsc, "-p", join(c.dir, "tsconfig.json")], { cwd: c.dir, timeoutMs: 180_000 });
    expect(`${tsc.stdout}${tsc.stderr}`, "tsc output").toBe("");
    expect(tsc.code).toBe(0);
    const out = parseOutput(await run(process.execPath, [repoTsx, c.entry], { cwd: c.dir, env: runtimeEnv(), timeoutMs: 60_000 }));
    expectWorkingConsumer(out, "ts", running);
  });

  it("ts: a wrongly typed call fails tsc (the declarations are not `any`)", async () => {
    const c = consumer("ts-node16");
    const { writeFileSync, readFileSync } = await import("node:fs");
    const bad = join(c.dir, "bad.ts");
    writeFileSync(
      bad,
      [
        'import { createFrontClient } from "@frontkit/core";',
        'import { createFrontTools } from "@frontkit/tools";',
        'const client = createFrontClient({ token: "t" });',
        'export const a = client.GET("/conversations/{conversation_id}", { params: { path: { wrong: "x" } } });',
        'export const b = createFrontTools({ token: "t" }).addTag({ conversation_id: 42 });',
        "",
      ].join("\n"),
    );
    const tsconfig = JSON.parse(readFileSync(join(c.dir, "tsconfig.json"), "utf8")) as { files: string[] };
    writeFileSync(join(c.dir, "tsconfig.bad.json"), JSON.stringify({ ...tsconfig, files: ["bad.ts"] }));
    const tsc = await run(process.execPath, [repoTsc, "-p", join(c.dir, "tsconfig.bad.json")], { cwd: c.dir, timeoutMs: 180_000 });
    expect(tsc.code).not.toBe(0);
    expect(tsc.stdout).toMatch(/bad\.ts\(4,/);
    expect(tsc.stdout).toMatch(/bad\.ts\(5,/);
  });

  it("frontkit-mcp --help runs from the installed tarball and documents FRONT_API_TOKEN", async () => {
    const c = consumer("esm");
    const help = await runOk("npx", ["--no-install", "frontkit-mcp", "--help"], { cwd: c.dir, env: cleanNpmEnv(), timeoutMs: 60_000 });
    expect(help.stdout).toContain("frontkit-mcp");
    expect(help.stdout).toContain("FRONT_API_TOKEN");
  });

  it("frontkit-mcp without FRONT_API_TOKEN stops at startup with a clear error", async () => {
    const c = consumer("esm");
    const env = cleanNpmEnv();
    delete env["FRONT_API_TOKEN"];
    const result = await run("npx", ["--no-install", "frontkit-mcp"], { cwd: c.dir, env, timeoutMs: 60_000 });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toMatch(/FRONT_API_TOKEN is not set/);
  });
});

describe.each(otherMajors)("consumers on Node %i (the `node` package of that major from the npm registry)", (major) => {
  let node: NodeRuntime;

  beforeAll(async () => {
    node = await nodeRuntime(major);
  });

  it.each(["esm", "cjs"] as const)("%s: the same consumer works", async (kind) => {
    const c = consumer(kind);
    const out = parseOutput(await run(node.bin, [c.entry], { cwd: c.dir, env: runtimeEnv(), timeoutMs: 60_000 }));
    expectWorkingConsumer(out, kind, String(major));
    versions[`${kind} (node ${major})`] = out.node;
  });

  it("frontkit-mcp runs (its `#!/usr/bin/env node` finds this Node first on PATH)", async () => {
    const c = consumer("esm");
    const env = cleanNpmEnv({ PATH: `${node.binDir}:${process.env["PATH"] ?? ""}` });
    delete env["FRONT_API_TOKEN"];
    const probe = await runOk("node", ["-p", "process.version"], { cwd: c.dir, env, timeoutMs: 30_000 });
    expect(probe.stdout.trim()).toBe(node.version);
    const help = await runOk("npx", ["--no-install", "frontkit-mcp", "--help"], { cwd: c.dir, env, timeoutMs: 60_000 });
    expect(help.stdout).toContain("FRONT_API_TOKEN");
    const missing = await run("npx", ["--no-install", "frontkit-mcp"], { cwd: c.dir, env, timeoutMs: 60_000 });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/FRONT_API_TOKEN is not set/);
    versions[`frontkit-mcp (node ${major})`] = probe.stdout.trim();
    console.log(`[release-checks] process.version: ${JSON.stringify(versions)}`);
  });
});

describe("supported Node majors", () => {
  it("every public package's engines floor is the lowest major these consumers run on", () => {
    const lowest = Math.min(...SUPPORTED_NODE_MAJORS);
    for (const pkg of PUBLIC_PACKAGES) {
      const manifest = JSON.parse(readFileSync(join(repoRoot, pkg.dir, "package.json"), "utf8")) as { engines?: { node?: string } };
      expect(manifest.engines?.node, pkg.name).toMatch(new RegExp(`^>=${lowest}\\.\\d+$`));
    }
    expect([Number(running), ...otherMajors].sort()).toEqual(expect.arrayContaining([...SUPPORTED_NODE_MAJORS]));
  });
});
