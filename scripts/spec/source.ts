import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const LOCK_PATH = join(ROOT, "spec/front-core-api.lock.json");
export const CACHE_DIR = join(ROOT, "spec/.cache");
export const DIST_DIR = join(ROOT, "spec/dist");
/** The byte-identical mirror kept beside the checkout on frontkit's machines and in CI (see DESIGN.md). */
export const SIBLING_MIRROR = resolve(ROOT, "../shared/front-openapi/core-api.json");
/** The corrected spec that codegen, Prism and the tests read. */
export const CORRECTED_SPEC_PATH = join(DIST_DIR, "front-core-api.corrected.json");

export interface SpecLock {
  readonly repository: string;
  readonly path: string;
  readonly commit: string;
  readonly url: string;
  readonly sha256: string;
  readonly size: number;
}

export class SpecSourceError extends Error {
  override readonly name = "SpecSourceError";
}

export const readLock = async (path = LOCK_PATH): Promise<SpecLock> => JSON.parse(await readFile(path, "utf8"));

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Reads a spec from a path or URL, as bytes. */
export async function readSource(location: string): Promise<Uint8Array> {
  if (isUrl(location)) {
    const response = await fetch(location).catch((cause: unknown) => {
      throw new SpecSourceError(`Could not download the Front spec from ${location}: ${String(cause)}. ` +
        `Set FRONT_OPENAPI_SPEC to a local copy (e.g. ../shared/front-openapi/core-api.json).`);
    });
    if (!response.ok) throw new SpecSourceError(`Downloading ${location} answered HTTP ${response.status}.`);
    return new Uint8Array(await response.arrayBuffer());
  }
  const path = resolve(location);
  if (!existsSync(path)) {
    throw new SpecSourceError(`FRONT_OPENAPI_SPEC points at ${path}, which does not exist. Point it at a copy of the pinned spec.`);
  }
  return new Uint8Array(await readFile(path));
}

export function verify(bytes: Uint8Array, lock: SpecLock, origin: string): void {
  const actual = sha256(bytes);
  if (actual !== lock.sha256) {
    throw new SpecSourceError(
      `The Front spec from ${origin} does not match the pin: sha256 ${actual} (${bytes.byteLength} bytes), ` +
        `expected ${lock.sha256} (${lock.size} bytes) for ${lock.repository}@${lock.commit.slice(0, 12)}. ` +
        `Use the pinned file, or review the differences with \`npm run spec:update -- --from ${origin}\` and re-pin with --write.`,
    );
  }
}

/**
 * Resolves the pinned upstream spec: env FRONT_OPENAPI_SPEC (path or URL) → local cache → the mirror beside the
 * checkout (../shared, where machines cannot reach GitHub) → the pinned URL.
 * Whatever the source, the bytes must match the lock's sha256.
 */
export async function resolvePinnedSpec(
  env: Record<string, string | undefined> = process.env,
  lockPath = LOCK_PATH,
): Promise<{ bytes: Uint8Array; origin: string }> {
  const lock = await readLock(lockPath);
  const cachePath = join(CACHE_DIR, `${lock.sha256}.json`);
  let origin: string;
  let bytes: Uint8Array;
  if (env.FRONT_OPENAPI_SPEC) {
    origin = env.FRONT_OPENAPI_SPEC;
    bytes = await readSource(origin);
  } else if (existsSync(cachePath)) {
    origin = cachePath;
    bytes = new Uint8Array(await readFile(cachePath));
  } else if (existsSync(SIBLING_MIRROR)) {
    origin = SIBLING_MIRROR;
    bytes = new Uint8Array(await readFile(SIBLING_MIRROR));
  } else {
    origin = lock.url;
    bytes = await readSource(origin);
  }
  verify(bytes, lock, origin);
  if (origin !== cachePath) {
    await mkdir(CACHE_DIR, { recursive: true });
    await writeFile(cachePath, bytes);
  }
  return { bytes, origin };
}
