import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Path of the corrected spec relative to the monorepo root (written by `npm run spec`). */
export const CORRECTED_SPEC_RELATIVE_PATH = "spec/dist/front-core-api.corrected.json";

// The root is the first ancestor holding the spec lock: tests run from package folders,
// and this module may be loaded from src/ or dist/, so both starting points are tried.
const isRepoRoot = (dir: string): boolean => existsSync(join(dir, "spec", "front-core-api.lock.json"));

const walkUp = (start: string): string | undefined => {
  let dir = resolve(start);
  for (;;) {
    if (isRepoRoot(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
};

const moduleDir = (): string | undefined => {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return undefined;
  }
};

/** Finds the frontkit monorepo root from the working directory or this module's location. */
export const findRepoRoot = (): string | undefined => {
  const fromCwd = walkUp(process.cwd());
  if (fromCwd !== undefined) return fromCwd;
  const here = moduleDir();
  return here === undefined ? undefined : walkUp(here);
};

/** Absolute path of the corrected spec Prism serves by default. */
export const defaultSpecPath = (): string => {
  const root = findRepoRoot() ?? process.cwd();
  return join(root, CORRECTED_SPEC_RELATIVE_PATH);
};
