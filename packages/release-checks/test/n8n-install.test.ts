// n8n-nodes-frontkit as an n8n user installs it: the packed tarball `npm install`ed into a `.n8n/nodes` folder
// (the `installed-nodes` package.json n8n keeps there for community packages) with the npm flags n8n's community
// package service uses (no scripts, no lockfile, no bin links, shallow), on Node 24 (n8n 2.x requires it), then
// loaded by n8n-core's PackageDirectoryLoader, the loader n8n runs over that folder. n8n itself provides
// n8n-workflow to the packages it loads; here the peer is installed beside the package at the n8n release the
// node is tested against, so the bundle's `require("n8n-workflow")` resolves from the folder.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { cleanNpmEnv } from "../src/consumers.js";
import { nodeRuntime, type NodeRuntime } from "../src/node-runtime.js";
import { repoRoot } from "../src/paths.js";
import { run, runOk, type RunResult } from "../src/run.js";

const scratchDir = inject("scratchDir");
const tarballs = inject("tarballs");

const nodePackageDir = join(repoRoot, "packages", "n8n-nodes-frontkit");
// The n8n release the node is developed and tested against (its devDependency).
const testedN8nWorkflow = (
  JSON.parse(readFileSync(join(nodePackageDir, "package.json"), "utf8")) as { devDependencies: Record<string, string> }
).devDependencies["n8n-workflow"] as string;

const nodesDir = join(scratchDir, "n8n-user", ".n8n", "nodes");
const installedDir = join(nodesDir, "node_modules", "n8n-nodes-frontkit");

let node24: NodeRuntime;
let install: RunResult;

beforeAll(async () => {
  node24 = await nodeRuntime(24);
  const tarball = tarballs.find((t) => t.name === "n8n-nodes-frontkit");
  if (tarball === undefined) throw new Error("n8n-nodes-frontkit was not packed");
  mkdirSync(nodesDir, { recursive: true });
  writeFileSync(join(nodesDir, "package.json"), `${JSON.stringify({ name: "installed-nodes", private: true, dependencies: {} }, null, 2)}\n`);
  // npm's own shebang (`#!/usr/bin/env node`) picks Node 24 from the front of PATH.
  const env = cleanNpmEnv({ PATH: `${node24.binDir}:${process.env["PATH"] ?? ""}` });
  const started = Date.now();
  install = await runOk(
    "npm",
    [
      "install",
      `file:${tarball.path}`,
      `n8n-workflow@${testedN8nWorkflow}`,
      "--audit=false",
      "--fund=false",
      "--bin-links=false",
      "--install-strategy=shallow",
      "--ignore-scripts=true",
      "--package-lock=false",
      "--prefer-offline",
      "--loglevel=error",
    ],
    { cwd: nodesDir, env, timeoutMs: 300_000 },
  );
  console.log(`[release-checks] n8n user folder: installed n8n-nodes-frontkit + n8n-workflow@${testedN8nWorkflow} on ${node24.version} in ${Date.now() - started} ms`);
});

describe("n8n-nodes-frontkit in an n8n user folder (Node 24)", () => {
  it("npm install of the tarball and its n8n-workflow peer succeeds on Node 24", () => {
    expect(install.code).toBe(0);
    const ledger = JSON.parse(readFileSync(join(nodesDir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(Object.keys(ledger.dependencies).sort()).toEqual(["n8n-nodes-frontkit", "n8n-workflow"]);
    const installed = JSON.parse(readFileSync(join(installedDir, "package.json"), "utf8")) as { name: string; engines: { node: string } };
    expect(installed.name).toBe("n8n-nodes-frontkit");
    const peer = JSON.parse(readFileSync(join(nodesDir, "node_modules", "n8n-workflow", "package.json"), "utf8")) as { version: string };
    expect(peer.version).toBe(testedN8nWorkflow);
  });

  it("n8n-core's PackageDirectoryLoader registers the Front node and the Front API credential", async () => {
    const loaderScript = join(repoRoot, "packages", "release-checks", "fixtures", "n8n", "load-community-package.cjs");
    const env = cleanNpmEnv({ N8N_USER_FOLDER: join(scratchDir, "n8n-user"), N8N_DIAGNOSTICS_ENABLED: "false" });
    const result = await run(node24.bin, [loaderScript, installedDir, join(nodePackageDir, "package.json")], { cwd: nodesDir, env, timeoutMs: 120_000 });
    expect(result.code, result.stderr).toBe(0);
    const loaded = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "") as {
      node: string;
      packageName: string;
      nodes: string[];
      credentials: string[];
      frontDisplayName: string;
      frontCredentials: string[];
      credentialDisplayName: string;
    };
    // Every file the package's `n8n` block names is registered, the Front node and its credential among them.
    const { n8n } = JSON.parse(readFileSync(join(installedDir, "package.json"), "utf8")) as { n8n: { nodes: string[]; credentials: string[] } };
    expect(loaded.node).toBe(node24.version);
    expect(loaded.packageName).toBe("n8n-nodes-frontkit");
    expect(loaded.nodes).toHaveLength(n8n.nodes.length);
    expect(loaded.nodes).toContain("front");
    expect(loaded.credentials).toHaveLength(n8n.credentials.length);
    expect(loaded.credentials).toContain("frontApi");
    expect(loaded).toMatchObject({ frontDisplayName: "Front", frontCredentials: ["frontApi"], credentialDisplayName: "Front API" });
  });

  it("a missing file named in the package's `n8n` block would fail the load (the loader check is real)", async () => {
    const broken = join(scratchDir, "n8n-user-broken", "n8n-nodes-frontkit");
    mkdirSync(broken, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(installedDir, "package.json"), "utf8")) as { n8n: { nodes: string[] } };
    writeFileSync(join(broken, "package.json"), JSON.stringify({ ...manifest, n8n: { ...manifest.n8n, nodes: ["dist/nodes/Missing/Missing.node.js"] } }));
    const loaderScript = join(repoRoot, "packages", "release-checks", "fixtures", "n8n", "load-community-package.cjs");
    const result = await run(node24.bin, [loaderScript, broken, join(nodePackageDir, "package.json")], {
      cwd: scratchDir,
      env: cleanNpmEnv({ N8N_USER_FOLDER: join(scratchDir, "n8n-user-broken") }),
      timeoutMs: 120_000,
    });
    expect(result.code).not.toBe(0);
  });
});
