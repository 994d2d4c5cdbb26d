#!/usr/bin/env node
// Consumer install footprint: packs @frontkit/core, @frontkit/tools and @frontkit/adapters exactly as npm publish
// would, installs them into fresh projects outside the repository (production dependencies only, install scripts
// off, from npm's cache when it has the packages), and prints the bytes on disk of node_modules, by package:
//   - the Promise facade alone (`@frontkit/tools/promise`: core + tools and their dependencies);
//   - all three packages (what `npx frontkit-mcp` or the Spojit/n8n adapters bring).
// Both totals are checked against budgets (the figures measured when they were set plus ~5 % headroom): the bench
// exits 1 above either, so `npm run bench` fails when the footprint grows. Raise a budget only deliberately, saying
// why in the commit.
//
//   node bench/install-footprint.mjs          (build first: npm run build)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { lstat, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// FOOTPRINT_ROOT measures another checkout (e.g. main, for a before/after); its packages must be built.
const root = process.env.FOOTPRINT_ROOT ?? resolve(here, "..", "..", "..");
/** Budgets (MB = 10^6 bytes), from the sizes measured when they were set (65.5 and 84.4 MB) + ~5 %. */
const FACADE_BUDGET_MB = 69;
const ALL_BUDGET_MB = 89;

// Without the npm_* variables an enclosing `npm run` sets (workspace, prefix): they would retarget npm.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/iu.test(key) && key !== "INIT_CWD"));

const run = (command, args, cwd) =>
  new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd, env: cleanEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), 300_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolveRun(stdout);
      else reject(new Error(`${command} ${args.join(" ")} failed (${code}) in ${cwd}:\n${stderr.slice(-2000)}`));
    });
  });

/** Apparent size in bytes of every file under `dir`, symlinks not followed (`du -sb`); `disk` adds up blocks (`du -s`). */
const sizeOf = async (dir, disk = false) => {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await sizeOf(path, disk) + (disk ? (await lstat(path)).blocks * 512 : 0);
    else total += disk ? (await lstat(path)).blocks * 512 : (await lstat(path)).size;
  }
  return total;
};

/** node_modules size by package (scoped names kept whole), largest first. */
const byPackage = async (nodeModules) => {
  const sizes = [];
  for (const entry of await readdir(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(nodeModules, entry.name);
    if (entry.name.startsWith("@")) {
      for (const inner of await readdir(path, { withFileTypes: true })) {
        if (inner.isDirectory()) sizes.push({ name: `${entry.name}/${inner.name}`, bytes: await sizeOf(join(path, inner.name)) });
      }
    } else sizes.push({ name: entry.name, bytes: await sizeOf(path) });
  }
  return sizes.sort((a, b) => b.bytes - a.bytes);
};

const PACKAGES = ["core", "tools", "adapters"];
for (const p of PACKAGES) {
  if (!existsSync(join(root, "packages", p, "dist"))) {
    console.error(`packages/${p}/dist is missing: run \`npm run build\` first.`);
    process.exit(2);
  }
}

const scratch = await mkdtemp(join(tmpdir(), "frontkit-footprint-"));
const mb = (bytes) => (bytes / 1e6).toFixed(1);
try {
  const tarballDir = join(scratch, "tarballs");
  await mkdir(tarballDir);
  const tarballs = {};
  for (const p of PACKAGES) {
    const out = await run("npm", ["pack", "--json", "--pack-destination", tarballDir, "--loglevel=error"], join(root, "packages", p));
    const [entry] = JSON.parse(out.slice(out.indexOf("[")));
    tarballs[entry.name] = { file: join(tarballDir, entry.filename), size: entry.size, unpacked: entry.unpackedSize };
  }
  const install = async (label, names) => {
    const dir = join(scratch, label);
    await mkdir(dir);
    const dependencies = Object.fromEntries(names.map((n) => [n, `file:${tarballs[n].file}`]));
    await writeFile(join(dir, "package.json"), JSON.stringify({ name: `footprint-${label}`, private: true, type: "module", dependencies }, null, 2));
    await run("npm", ["install", "--omit=dev", "--omit=peer", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], dir);
    const packages = await byPackage(join(dir, "node_modules"));
    return { total: await sizeOf(join(dir, "node_modules")), disk: await sizeOf(join(dir, "node_modules"), true), packages };
  };
  const facade = await install("facade", ["@frontkit/core", "@frontkit/tools"]);
  const all = await install("all", ["@frontkit/core", "@frontkit/tools", "@frontkit/adapters"]);

  console.log(`install footprint (node_modules: file bytes, and disk blocks; production dependencies; node ${process.version}); budgets on file bytes`);
  for (const [name, t] of Object.entries(tarballs)) console.log(`  ${name.padEnd(20)} tarball ${(t.size / 1024).toFixed(0)} KiB packed, ${(t.unpacked / 1024).toFixed(0)} KiB unpacked`);
  const top = (list) =>
    list
      .slice(0, 6)
      .map((p) => `${p.name} ${mb(p.bytes)}`)
      .join(", ");
  console.log(`  Promise facade alone (core + tools):  ${mb(facade.total)} MB (${mb(facade.disk)} MB in disk blocks) in ${facade.packages.length} packages — ${top(facade.packages)}`);
  console.log(`  all three (core + tools + adapters):  ${mb(all.total)} MB (${mb(all.disk)} MB in disk blocks) in ${all.packages.length} packages — ${top(all.packages)}`);
  const ok = facade.total <= FACADE_BUDGET_MB * 1e6 && all.total <= ALL_BUDGET_MB * 1e6;
  console.log(`  budgets: Promise facade ≤ ${FACADE_BUDGET_MB} MB, all three ≤ ${ALL_BUDGET_MB} MB: ${ok ? "within" : "EXCEEDED"}`);
  if (!ok) process.exitCode = 1;
} finally {
  await rm(scratch, { recursive: true, force: true });
}
