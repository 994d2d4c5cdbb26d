// Every public package passes attw and publint as packed, the way npm ships it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { attw, publint } from "../src/lint.js";
import { PUBLIC_PACKAGES } from "../src/pack.js";
import { repoRoot } from "../src/paths.js";

const tarballs = inject("tarballs");
const scratchDir = inject("scratchDir");

const tarballOf = (name: string) => {
  const tarball = tarballs.find((t) => t.name === name);
  if (tarball === undefined) throw new Error(`${name} was not packed`);
  return tarball;
};

describe("packed tarballs", () => {
  it("packs every public package with its dist, README and no sources or tests", () => {
    expect(tarballs.map((t) => t.name)).toEqual(PUBLIC_PACKAGES.map((p) => p.name));
    for (const t of tarballs) {
      expect(t.files, t.name).toContain("package.json");
      expect(t.files.some((f) => f.startsWith("dist/")), t.name).toBe(true);
      expect(t.files.filter((f) => /^(src|test|bench|scripts)\//.test(f) || f.endsWith(".tsbuildinfo")), t.name).toEqual([]);
      // The spec's token-free generated types ship inside dist, never the spec itself.
      expect(t.files.filter((f) => /openapi|core-api.*\.json$/i.test(f)), t.name).toEqual([]);
    }
  });

  it("ships the MIT LICENSE (the repository's own text), and CHANGELOG.md exactly when the package has one", () => {
    const license = readFileSync(join(repoRoot, "LICENSE"), "utf8");
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 frontkit contributors\n/);
    for (const pkg of PUBLIC_PACKAGES) {
      const t = tarballOf(pkg.name);
      // npm packs a package's own LICENSE whatever `files` says; each public package keeps a copy of the root's.
      expect(t.files, t.name).toContain("LICENSE");
      expect(readFileSync(join(repoRoot, pkg.dir, "LICENSE"), "utf8"), `${pkg.dir}/LICENSE`).toBe(license);
      expect(t.files, t.name).toContain("README.md");
      // `files` lists CHANGELOG.md, which changesets writes at the first `changeset version`: before that npm
      // packs none (the release dry run checks it is packed once written).
      expect(t.files.includes("CHANGELOG.md"), t.name).toBe(existsSync(join(repoRoot, pkg.dir, "CHANGELOG.md")));
    }
  });

  describe.each(PUBLIC_PACKAGES.filter((p) => p.attw).map((p) => p.name))("attw: %s", (name) => {
    it("has no problems under node10, node16 (CJS and ESM) and bundler", async () => {
      const report = await attw(tarballOf(name).path, scratchDir);
      console.log(`[release-checks] attw ${name}: ${report.entrypoints.length} entry points, ${report.problems.length} problems`);
      expect(report.typed).toBe(true);
      expect(report.entrypoints.length).toBeGreaterThan(0);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    });
  });

  it("attw: n8n-nodes-frontkit is untyped CJS loaded by n8n through its `n8n` file paths, so attw has nothing to resolve", async () => {
    // Pinned so the day the package grows typed exports, this test says to add it to the attw list.
    const report = await attw(tarballOf("n8n-nodes-frontkit").path, scratchDir);
    expect(report.typed).toBe(false);
  });

  describe.each(PUBLIC_PACKAGES.map((p) => p.name))("publint --strict: %s", (name) => {
    it("reports nothing", async () => {
      const report = await publint(tarballOf(name).path, scratchDir);
      console.log(`[release-checks] publint ${name}: ${report.ok ? "clean" : "FINDINGS"}`);
      expect(report.output).toContain("All good!");
      expect(report.ok, report.output).toBe(true);
    });
  });
});
