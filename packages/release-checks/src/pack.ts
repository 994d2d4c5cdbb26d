/** Packs the public packages exactly as `npm publish` would ship them. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./paths.js";
import { runOk } from "./run.js";

/** A public package of the monorepo and how its tarball is checked. */
export interface PublicPackage {
  readonly name: string;
  readonly dir: string;
  /** attw needs typed entry points; the n8n node is untyped CJS that n8n loads by file path. */
  readonly attw: boolean;
  /** Installed into the consumer projects (the n8n node is installed by n8n, tested by its own package). */
  readonly consumer: boolean;
}

/** The packages integrators install from npm, in dependency order. */
export const PUBLIC_PACKAGES: ReadonlyArray<PublicPackage> = [
  { name: "@frontkit/core", dir: "packages/core", attw: true, consumer: true },
  { name: "@frontkit/tools", dir: "packages/tools", attw: true, consumer: true },
  { name: "@frontkit/adapters", dir: "packages/adapters", attw: true, consumer: true },
  { name: "n8n-nodes-frontkit", dir: "packages/n8n-nodes-frontkit", attw: false, consumer: false },
];

/** One packed tarball. */
export interface Tarball {
  readonly name: string;
  readonly version: string;
  readonly path: string;
  /** Compressed size in bytes. */
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: ReadonlyArray<string>;
}

interface NpmPackEntry {
  readonly name: string;
  readonly version: string;
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: ReadonlyArray<{ readonly path: string }>;
}

/** `npm pack`s the package in `packageDir` into `destination` (its dist must be built). */
export const packPackage = async (packageDir: string, destination: string): Promise<Tarball> => {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { name: string };
  if (!existsSync(join(packageDir, "dist"))) {
    throw new Error(`${manifest.name} has no dist/: build it first (npm test builds it through turbo's ^build).`);
  }
  const { stdout } = await runOk("npm", ["pack", "--json", "--pack-destination", destination], {
    cwd: packageDir,
    env: { ...process.env, npm_config_loglevel: "error" },
    timeoutMs: 120_000,
  });
  // npm may print lifecycle output before the JSON array.
  const entries = JSON.parse(stdout.slice(stdout.indexOf("["))) as ReadonlyArray<NpmPackEntry>;
  const entry = entries[0];
  if (entry === undefined) throw new Error(`npm pack printed no tarball for ${manifest.name}`);
  return {
    name: entry.name,
    version: entry.version,
    path: join(destination, entry.filename),
    size: entry.size,
    unpackedSize: entry.unpackedSize,
    files: entry.files.map((f) => f.path),
  };
};

/** Packs every public package of the repository into `destination`. */
export const packPublicPackages = async (destination: string, root: string = repoRoot): Promise<Tarball[]> => {
  const tarballs: Tarball[] = [];
  // One at a time: npm pack is quick, and parallel packs only compete for the 2 cores.
  for (const pkg of PUBLIC_PACKAGES) tarballs.push(await packPackage(join(root, pkg.dir), destination));
  return tarballs;
};

/** Human summary line of a tarball. */
export const describeTarball = (t: Tarball): string =>
  `${t.name}@${t.version}: ${(t.size / 1024).toFixed(1)} KiB packed, ${(t.unpackedSize / 1024).toFixed(1)} KiB unpacked, ${t.files.length} files`;
