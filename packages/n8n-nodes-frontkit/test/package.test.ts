/**
 * The package as n8n receives it: the packed tarball holds only the bundle (no dependency
 * outside it; n8n-workflow is a peer n8n provides) and loads with require in an empty folder.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageDir } from "./engine/built-package.js";

interface PackedManifest {
  name: string;
  keywords?: string[];
  dependencies?: Record<string, string>;
  bundleDependencies?: unknown;
  bundledDependencies?: unknown;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  n8n: { n8nNodesApiVersion: number; nodes: string[]; credentials: string[] };
}

let workDir: string;
let packageRoot: string;
let files: string[];
let manifest: PackedManifest;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), "frontkit-n8n-pack-"));
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", workDir], { cwd: packageDir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
  ) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const entry = packed[0];
  if (entry === undefined) throw new Error("npm pack produced nothing");
  files = entry.files.map((f) => f.path).sort();
  // A consumer folder with nothing in it but the package and the peer n8n itself provides.
  const consumer = join(workDir, "consumer");
  packageRoot = join(consumer, "node_modules", "n8n-nodes-frontkit");
  mkdirSync(packageRoot, { recursive: true });
  execFileSync("tar", ["-xzf", join(workDir, entry.filename), "-C", packageRoot, "--strip-components=1"]);
  const n8nWorkflowDir = dirname(createRequire(import.meta.url).resolve("n8n-workflow/package.json"));
  symlinkSync(n8nWorkflowDir, join(consumer, "node_modules", "n8n-workflow"), "dir");
  manifest = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as PackedManifest;
});

afterAll(() => {
  if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
});

describe("packed n8n-nodes-frontkit", () => {
  it("is an n8n community package listing the node and the credentials", () => {
    expect(manifest.name).toBe("n8n-nodes-frontkit");
    expect(manifest.keywords).toContain("n8n-community-node-package");
    expect(manifest.n8n.n8nNodesApiVersion).toBe(1);
    expect(manifest.n8n.nodes).toEqual(["dist/nodes/Front/Front.node.js", "dist/nodes/FrontTrigger/FrontTrigger.node.js"]);
    expect(manifest.n8n.credentials).toEqual(["dist/credentials/FrontApi.credentials.js", "dist/credentials/FrontWebhookApi.credentials.js"]);
    for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) expect(files).toContain(file);
  });

  it("has no runtime dependency but the n8n-workflow peer", () => {
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.optionalDependencies ?? {}).toEqual({});
    expect(manifest.bundleDependencies ?? manifest.bundledDependencies).toBeUndefined();
    expect(Object.keys(manifest.peerDependencies ?? {})).toEqual(["n8n-workflow"]);
  });

  it("ships only the bundle, its icon and codex, the LICENSE, the README and package.json", () => {
    expect(files).toEqual([
      "LICENSE",
      "README.md",
      "dist/credentials/FrontApi.credentials.js",
      "dist/credentials/FrontWebhookApi.credentials.js",
      "dist/credentials/front.svg",
      "dist/nodes/Front/Front.node.js",
      "dist/nodes/Front/Front.node.json",
      "dist/nodes/Front/front.svg",
      "dist/nodes/FrontTrigger/FrontTrigger.node.js",
      "dist/nodes/FrontTrigger/FrontTrigger.node.json",
      "dist/nodes/FrontTrigger/front.svg",
      "package.json",
    ]);
    const codex = JSON.parse(readFileSync(join(packageRoot, "dist/nodes/Front/Front.node.json"), "utf8")) as { node: string };
    expect(codex.node).toBe("n8n-nodes-frontkit.front");
    const triggerCodex = JSON.parse(readFileSync(join(packageRoot, "dist/nodes/FrontTrigger/FrontTrigger.node.json"), "utf8")) as { node: string };
    expect(triggerCodex.node).toBe("n8n-nodes-frontkit.frontTrigger");
  });

  it("loads with require in a clean folder, requiring nothing outside the bundle but n8n-workflow and Node built-ins", () => {
    // A child process, so nothing vitest or the workspace resolved is in its module cache.
    const script = `
      const Module = require("node:module");
      const path = require("node:path");
      const root = ${JSON.stringify(packageRoot)};
      const external = new Set();
      const load = Module._load;
      Module._load = function (request, parent, isMain) {
        const fromPackage = parent && parent.filename && parent.filename.startsWith(root + path.sep);
        if (fromPackage && !request.startsWith(".") && !request.startsWith("/") && !Module.isBuiltin(request)) external.add(request);
        return load.apply(this, arguments);
      };
      const pkg = require(path.join(root, "package.json"));
      const node = new (require(path.join(root, pkg.n8n.nodes[0])).Front)();
      const credentials = new (require(path.join(root, pkg.n8n.credentials[0])).FrontApi)();
      const trigger = new (require(path.join(root, pkg.n8n.nodes[1])).FrontTrigger)();
      const webhookCredentials = new (require(path.join(root, pkg.n8n.credentials[1])).FrontWebhookApi)();
      process.stdout.write(JSON.stringify({
        external: [...external],
        node: { name: node.description.name, usableAsTool: node.description.usableAsTool, credentials: node.description.credentials, icon: node.description.icon,
                hasExecute: typeof node.execute === "function", loadOptions: Object.keys(node.methods.loadOptions).sort() },
        credentials: { name: credentials.name, displayName: credentials.displayName },
        trigger: { name: trigger.description.name, polling: trigger.description.polling, icon: trigger.description.icon,
                   hasWebhook: typeof trigger.webhook === "function", hasPoll: typeof trigger.poll === "function",
                   credentials: trigger.description.credentials.map((c) => c.name) },
        webhookCredentials: { name: webhookCredentials.name, displayName: webhookCredentials.displayName },
      }));
    `;
    const result = spawnSync(process.execPath, ["-e", script], { cwd: join(workDir, "consumer"), encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const loaded = JSON.parse(result.stdout) as {
      external: string[];
      node: { name: string; usableAsTool: boolean; credentials: Array<{ name: string }>; icon: string; hasExecute: boolean; loadOptions: string[] };
      credentials: { name: string; displayName: string };
      trigger: { name: string; polling: boolean; icon: string; hasWebhook: boolean; hasPoll: boolean; credentials: string[] };
      webhookCredentials: { name: string; displayName: string };
    };
    expect(loaded.external).toEqual(["n8n-workflow"]);
    expect(loaded.node).toMatchObject({ name: "front", usableAsTool: true, icon: "file:front.svg", hasExecute: true });
    expect(loaded.node.credentials).toEqual([{ name: "frontApi", required: true }]);
    expect(loaded.node.loadOptions).toEqual(["getChannels", "getInboxes", "getTags", "getTeammates"]);
    expect(loaded.credentials).toEqual({ name: "frontApi", displayName: "Front API" });
    expect(loaded.trigger).toEqual({
      name: "frontTrigger",
      polling: true,
      icon: "file:front.svg",
      hasWebhook: true,
      hasPoll: true,
      credentials: ["frontWebhookApi", "frontApi"],
    });
    expect(loaded.webhookCredentials).toEqual({ name: "frontWebhookApi", displayName: "Front Webhook" });
  });
});
