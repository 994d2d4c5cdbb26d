/** Where the repository, its tools and the release checks' scratch space are. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const findRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  // The root is the package.json that declares the workspaces (packages have turbo.json files too).
  const isRoot = (d: string): boolean =>
    existsSync(join(d, "package.json")) && "workspaces" in (JSON.parse(readFileSync(join(d, "package.json"), "utf8")) as object);
  while (!isRoot(dir)) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("release-checks: cannot find the monorepo root (no package.json with workspaces above this file)");
    dir = parent;
  }
  return dir;
};

/** The monorepo root. */
export const repoRoot: string = findRoot();

/** A binary from the repository's own node_modules/.bin (the pinned tool versions). */
export const repoBin = (name: string): string => join(repoRoot, "node_modules", ".bin", name);

/** The repository's TypeScript compiler entry (consumers typecheck with the pinned 5.9, not their own). */
export const repoTsc: string = join(repoRoot, "node_modules", "typescript", "bin", "tsc");

/** The repository's tsx CLI entry, to run TypeScript consumers after tsc has checked them. */
export const repoTsx: string = join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");

/** Git-ignored cache for things worth keeping between runs (the node@24 binary). */
export const repoCacheDir: string = resolve(repoRoot, ".tmp", "release-checks");
