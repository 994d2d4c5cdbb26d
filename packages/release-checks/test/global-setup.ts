// Packs the public packages once and starts one Prism for the whole run; every test file reads both.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startPrism } from "@frontkit/testkit";
import { describeTarball, packPublicPackages, type Tarball } from "../src/pack.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
    tarballs: ReadonlyArray<Tarball>;
    scratchDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Outside the repository: a consumer there would see the workspace's node_modules.
  const scratchDir = mkdtempSync(join(tmpdir(), "frontkit-release-checks-"));
  const tarballDir = join(scratchDir, "tarballs");
  const prism = await startPrism();
  try {
    mkdirSync(tarballDir);
    const tarballs = await packPublicPackages(tarballDir);
    console.log(`[release-checks] packed:\n  ${tarballs.map(describeTarball).join("\n  ")}`);
    project.provide("prismUrl", prism.url);
    project.provide("tarballs", tarballs);
    project.provide("scratchDir", scratchDir);
  } catch (error) {
    await prism.stop();
    rmSync(scratchDir, { recursive: true, force: true });
    throw error;
  }
  return async () => {
    await prism.stop();
    rmSync(scratchDir, { recursive: true, force: true });
  };
}
