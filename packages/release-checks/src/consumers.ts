/** Fresh consumer projects outside the repository that install the packed tarballs like an integrator. */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PUBLIC_PACKAGES, type Tarball } from "./pack.js";
import { repoRoot } from "./paths.js";
import { runOk, type RunResult } from "./run.js";

/** The four project shapes integrators use. */
export type ConsumerKind = "esm" | "cjs" | "ts-node16" | "ts-bundler";

/** A consumer project on disk. */
export interface Consumer {
  readonly kind: ConsumerKind;
  readonly dir: string;
  /** Entry file relative to `dir`. */
  readonly entry: string;
  readonly install: RunResult;
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "consumers");

// Consumers typecheck against the same @types/node line the repo uses, not whatever is newest.
const repoTypesNode = (): string =>
  (JSON.parse(readFileSync(join(repoRoot, "node_modules", "@types", "node", "package.json"), "utf8")) as { version: string }).version;

const tsconfigFor = (kind: "ts-node16" | "ts-bundler"): object => ({
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2023", "DOM"],
    module: kind === "ts-node16" ? "Node16" : "ESNext",
    moduleResolution: kind === "ts-node16" ? "Node16" : "Bundler",
    strict: true,
    // The integrator's default: their project's checks, not every dependency's internals.
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
  },
  files: ["main.ts"],
});

/** Writes a consumer of `kind` into `dir` and `npm install`s the tarballs there. */
export const createConsumer = async (kind: ConsumerKind, dir: string, tarballs: ReadonlyArray<Tarball>): Promise<Consumer> => {
  mkdirSync(dir, { recursive: true });
  // Not n8n-nodes-frontkit: n8n installs it, and its n8n-workflow peer would be pulled in.
  const wanted = new Set(PUBLIC_PACKAGES.filter((p) => p.consumer).map((p) => p.name));
  const dependencies = Object.fromEntries(tarballs.filter((t) => wanted.has(t.name)).map((t) => [t.name, `file:${t.path}`]));
  const isTs = kind === "ts-node16" || kind === "ts-bundler";
  const manifest = {
    name: `frontkit-consumer-${kind}`,
    version: "1.0.0",
    private: true,
    type: kind === "cjs" ? "commonjs" : "module",
    dependencies,
    ...(isTs ? { devDependencies: { "@types/node": repoTypesNode() } } : {}),
  };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const entry = kind === "esm" ? "main.mjs" : kind === "cjs" ? "main.cjs" : "main.ts";
  copyFileSync(join(fixtures, entry), join(dir, entry));
  if (isTs) writeFileSync(join(dir, "tsconfig.json"), `${JSON.stringify(tsconfigFor(kind), null, 2)}\n`);
  const install = await runOk("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], {
    cwd: dir,
    // An empty npm_config_* from the calling npm script (workspace, prefix) must not leak in.
    env: cleanNpmEnv(),
    timeoutMs: 240_000,
  });
  return { kind, dir, entry, install };
};

/** process.env without the npm_* variables an enclosing `npm run`/`npm test` sets (they would retarget npm). */
export const cleanNpmEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== "INIT_CWD") env[key] = value;
  }
  return { ...env, ...extra };
};
