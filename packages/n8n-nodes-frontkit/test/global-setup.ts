/**
 * Vitest globalSetup: builds the package bundle (the engine tests load dist/, as n8n
 * would) and starts one Prism for the run (provided as `prismUrl`).
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { prismGlobalSetup } from "@frontkit/testkit";
import type { TestProject } from "vitest/node";

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

const buildBundle = (): void => {
  const require = createRequire(import.meta.url);
  const tsupCli = join(dirname(require.resolve("tsup/package.json")), "dist", "cli-default.js");
  const result = spawnSync(process.execPath, [tsupCli, "--silent"], { cwd: packageDir, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`Building n8n-nodes-frontkit failed:\n${result.stdout}\n${result.stderr}`);
  }
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildBundle();
  return prismGlobalSetup(project);
}
