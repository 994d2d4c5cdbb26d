// The changesets release rehearsal (scripts/release-dry-run.ts, `npm run release:dry`): version,
// build and pack on a copy; changelogs written, versions bumped, lockfile in sync, repo untouched.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bumpedAtLeast, releaseDryRun, type ReleaseDryRunReport } from "../../../scripts/release-dry-run.js";
import { repoRoot } from "../src/paths.js";

const PUBLIC = ["@frontkit/core", "@frontkit/tools", "@frontkit/adapters"];

let report: ReleaseDryRunReport;
const versionsBefore = new Map<string, string>();

beforeAll(async () => {
  for (const dir of ["core", "tools", "adapters"]) {
    const manifest = JSON.parse(readFileSync(join(repoRoot, "packages", dir, "package.json"), "utf8")) as { name: string; version: string };
    versionsBefore.set(manifest.name, manifest.version);
  }
  const started = Date.now();
  report = await releaseDryRun({ log: (line) => console.log(`[release:dry] ${line}`) });
  console.log(`[release-checks] release dry run: ${Date.now() - started} ms; problems: ${report.problems.length}`);
});

describe("bumpedAtLeast", () => {
  it("compares the way changesets bumps", () => {
    expect(bumpedAtLeast("0.1.0", "0.2.0", "minor")).toBe(true);
    expect(bumpedAtLeast("0.1.0", "0.1.1", "minor")).toBe(false);
    expect(bumpedAtLeast("0.1.0", "0.1.1", "patch")).toBe(true);
    expect(bumpedAtLeast("1.2.3", "2.0.0", "major")).toBe(true);
    expect(bumpedAtLeast("1.2.3", "1.3.0", "major")).toBe(false);
    expect(bumpedAtLeast("0.1.0", "0.1.0", "patch")).toBe(false);
  });
});

describe("changesets release dry run", () => {
  it("package-lock.json is in sync with the workspace manifests", () => {
    expect(report.lockfileDiff ?? "").toBe("");
    expect(report.lockfileInSync).toBe(true);
  });

  it("consumes every pending changeset and reports no problems", () => {
    expect(report.changesets.length).toBeGreaterThan(0);
    expect(report.remainingChangesets).toEqual([]);
    expect(report.problems).toEqual([]);
  });

  it("bumps each package a changeset names, and writes its CHANGELOG section", () => {
    const requested = report.packages.filter((p) => p.requested !== undefined);
    expect(requested.length).toBeGreaterThan(0);
    for (const p of requested) {
      expect(bumpedAtLeast(p.before, p.after, p.requested ?? "patch"), `${p.name} ${p.before}→${p.after}`).toBe(true);
      expect(p.changelogSection, p.name).toMatch(new RegExp(`^## ${p.after.replace(/\./g, "\\.")}\\n`));
      expect(p.changelogSection, p.name).toMatch(/### (Major|Minor|Patch) Changes/);
    }
  });

  it("moves the public packages together (linked) and packs them with their CHANGELOG.md", () => {
    const released = report.packages.filter((p) => PUBLIC.includes(p.name));
    expect(released.map((p) => p.name).sort()).toEqual([...PUBLIC].sort());
    const moved = released.filter((p) => p.after !== p.before);
    expect(moved.length).toBeGreaterThan(0);
    for (const p of moved) {
      expect(p.tarball, p.name).toBeDefined();
      expect(p.tarball?.files, p.name).toContain("CHANGELOG.md");
      expect(p.tarball?.files.some((f) => f.startsWith("dist/")), p.name).toBe(true);
      expect(p.tarball?.file, p.name).toContain(`-${p.after}.tgz`);
    }
    // Linked group: whatever moves, moves to one version.
    expect(new Set(moved.map((p) => p.after)).size).toBe(1);
  });

  it("leaves the real repository untouched and cleans up its copy", () => {
    expect(report.realRepoUntouched).toBe(true);
    for (const [name, version] of versionsBefore) {
      const dir = name.replace("@frontkit/", "");
      const manifest = JSON.parse(readFileSync(join(repoRoot, "packages", dir, "package.json"), "utf8")) as { version: string };
      expect(manifest.version, name).toBe(version);
    }
    for (const file of report.changesets) expect(existsSync(join(repoRoot, ".changeset", file)), file).toBe(true);
    expect(existsSync(report.workDir)).toBe(false);
  });
});
