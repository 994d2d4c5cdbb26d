/**
 * Release dry run: the changesets release (version → build → pack) rehearsed on a copy of the
 * repository's tracked files, so the real checkout is never touched. Also checks that
 * package-lock.json is in sync with the workspace manifests.
 *
 * Usage: npm run release:dry [-- --keep]   (--keep leaves the temp copy for inspection)
 * Needs spec/dist, packages/core/src/generated and packages/tools/src/generated (npm run spec, then npm run codegen
 * -w @frontkit/core -w @frontkit/tools):
 * they are build outputs, git-ignored, so they are copied rather than regenerated.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Bump levels a changeset can ask for. */
export type Bump = "major" | "minor" | "patch";

/** One package as the dry run saw it. */
export interface ReleasedPackage {
  readonly name: string;
  readonly dir: string;
  readonly private: boolean;
  readonly before: string;
  readonly after: string;
  /** Highest bump any pending changeset asked for this package. */
  readonly requested?: Bump;
  /** The CHANGELOG.md section for `after`, when the version moved. */
  readonly changelogSection?: string;
  /** Packed tarball (public packages whose version moved). */
  readonly tarball?: { readonly file: string; readonly size: number; readonly files: ReadonlyArray<string> };
}

/** What the dry run found. */
export interface ReleaseDryRunReport {
  readonly workDir: string;
  readonly lockfileInSync: boolean;
  readonly lockfileDiff?: string;
  readonly changesets: ReadonlyArray<string>;
  readonly remainingChangesets: ReadonlyArray<string>;
  readonly packages: ReadonlyArray<ReleasedPackage>;
  readonly realRepoUntouched: boolean;
  readonly timingsMs: Readonly<Record<string, number>>;
  /** Everything that went wrong; empty means the release would work. */
  readonly problems: ReadonlyArray<string>;
}

/** Options for {@link releaseDryRun}. */
export interface ReleaseDryRunOptions {
  readonly repoRoot?: string;
  /** Keep the temp copy (default false: removed at the end). */
  readonly keep?: boolean;
  readonly log?: (line: string) => void;
}

const here = dirname(fileURLToPath(import.meta.url));
const defaultRoot = resolve(here, "..");

// Built outputs the copy needs but git does not track (DESIGN.md: generated from the spec, never committed).
const UNTRACKED_BUILD_INPUTS = ["spec/dist", "packages/core/src/generated", "packages/tools/src/generated"];

interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const exec = (file: string, args: ReadonlyArray<string>, cwd: string, timeoutMs = 300_000): Promise<CommandResult> =>
  new Promise((resolvePromise, reject) => {
    // npm_* variables of an enclosing `npm run` would point npm at the real repository.
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== "INIT_CWD") env[k] = v;
    const child = spawn(file, [...args], { cwd, env: { ...env, TURBO_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });

const execOk = async (file: string, args: ReadonlyArray<string>, cwd: string, timeoutMs?: number): Promise<CommandResult> => {
  const result = await exec(file, args, cwd, timeoutMs);
  if (result.code !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(`${[file, ...args].join(" ")} (in ${cwd}) exited with ${result.code}:\n${tail}`);
  }
  return result;
};

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
const sha256 = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly workspaces?: ReadonlyArray<string>;
}

/** Workspace packages (packages/*) of a checkout: name → directory relative to the root. */
const workspaces = (root: string): Map<string, string> => {
  const found = new Map<string, string>();
  for (const entry of readdirSync(join(root, "packages"))) {
    const manifest = join(root, "packages", entry, "package.json");
    if (existsSync(manifest)) found.set(readJson<Manifest>(manifest).name, `packages/${entry}`);
  }
  return found;
};

/** Pending changesets: file → package → bump (frontmatter `"pkg": minor`). */
const pendingChangesets = (root: string): Map<string, Map<string, Bump>> => {
  const dir = join(root, ".changeset");
  const result = new Map<string, Map<string, Bump>>();
  for (const file of readdirSync(dir)) {
    if (!file.endsWith(".md") || file === "README.md") continue;
    const text = readFileSync(join(dir, file), "utf8");
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
    const bumps = new Map<string, Bump>();
    for (const line of front.split(/\r?\n/)) {
      const m = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
      if (m?.[1] !== undefined && m[2] !== undefined) bumps.set(m[1].trim(), m[2] as Bump);
    }
    result.set(file, bumps);
  }
  return result;
};

const RANK: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

const parseVersion = (v: string): [number, number, number] => {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
  if (m === null) throw new Error(`not a semver version: ${v}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};

/** Whether `after` is at least `bump` above `before` (0.x: a "major" may land as a minor, as changesets does not special-case it). */
export const bumpedAtLeast = (before: string, after: string, bump: Bump): boolean => {
  const [a0, a1, a2] = parseVersion(before);
  const [b0, b1, b2] = parseVersion(after);
  if (b0 !== a0) return b0 > a0;
  if (bump === "major") return false;
  if (b1 !== a1) return b1 > a1;
  if (bump === "minor") return false;
  return b2 > a2;
};

/** Copies the tracked files (working-tree content) and the untracked build inputs into `dest`. */
const copyTrackedFiles = async (root: string, dest: string): Promise<number> => {
  const { stdout } = await execOk("git", ["ls-files", "-z"], root);
  const files = stdout.split("\0").filter((f) => f.length > 0);
  let copied = 0;
  for (const file of files) {
    const source = join(root, file);
    // A tracked file deleted in the working tree is not part of what would be released.
    if (!existsSync(source)) continue;
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    cpSync(source, join(dest, file), { verbatimSymlinks: true });
    copied++;
  }
  for (const input of UNTRACKED_BUILD_INPUTS) {
    if (!existsSync(join(root, input))) {
      throw new Error(`${input} is missing: run \`npm run spec\` and \`npm run codegen -w @frontkit/core -w @frontkit/tools\` first (they are git-ignored build outputs).`);
    }
    cpSync(join(root, input), join(dest, input), { recursive: true });
  }
  return copied;
};

/**
 * Gives the copy a node_modules without reinstalling: every third-party package is a symlink to
 * the real one, while the workspace links (@frontkit/*, n8n-nodes-frontkit) point into the copy,
 * so the copy builds its own packages.
 */
const linkNodeModules = (root: string, dest: string): void => {
  const realPackages = realpathSync(join(root, "packages"));
  const linkDir = (from: string, to: string): void => {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from)) {
      const source = join(from, entry);
      const target = join(to, entry);
      const stat = lstatSync(source);
      if (entry.startsWith("@") && stat.isDirectory()) {
        linkDir(source, target);
      } else if (stat.isSymbolicLink() && realpathSync(source).startsWith(realPackages)) {
        symlinkSync(join(dest, "packages", relative(realPackages, realpathSync(source))), target);
      } else if (entry !== ".package-lock.json") {
        symlinkSync(stat.isSymbolicLink() ? resolve(from, readlinkSync(source)) : source, target);
      }
    }
  };
  linkDir(join(root, "node_modules"), join(dest, "node_modules"));
  for (const dir of workspaces(root).values()) {
    const nested = join(root, dir, "node_modules");
    if (existsSync(nested) && existsSync(join(dest, dir))) linkDir(nested, join(dest, dir, "node_modules"));
  }
};

/** Fingerprint of what `changeset version` would change in a checkout. */
const releaseFingerprint = (root: string): string => {
  const parts: string[] = [];
  for (const [name, dir] of workspaces(root)) {
    parts.push(`${name}@${readJson<Manifest>(join(root, dir, "package.json")).version}`);
    const changelog = join(root, dir, "CHANGELOG.md");
    parts.push(`${name} changelog ${existsSync(changelog) ? sha256(changelog) : "none"}`);
  }
  return parts.join("\n");
};

const changelogSection = (text: string, version: string): string | undefined => {
  const start = text.indexOf(`## ${version}\n`);
  if (start < 0) return undefined;
  const next = text.indexOf("\n## ", start + 3);
  return text.slice(start, next < 0 ? undefined : next).trim();
};

/** Runs the rehearsal and reports; throws only when the rehearsal itself cannot run. */
export const releaseDryRun = async (options: ReleaseDryRunOptions = {}): Promise<ReleaseDryRunReport> => {
  const root = options.repoRoot ?? defaultRoot;
  const log = options.log ?? (() => undefined);
  const timings: Record<string, number> = {};
  const time = async <A>(label: string, f: () => Promise<A>): Promise<A> => {
    const t0 = Date.now();
    try {
      return await f();
    } finally {
      timings[label] = Date.now() - t0;
      log(`${label}: ${timings[label]} ms`);
    }
  };
  const problems: string[] = [];
  const fingerprintBefore = releaseFingerprint(root);
  const changesetFilesBefore = [...pendingChangesets(root).keys()];

  const workDir = mkdtempSync(join(tmpdir(), "frontkit-release-dry-"));
  try {
    const count = await time("copy", () => copyTrackedFiles(root, workDir));
    log(`copied ${count} tracked files to ${workDir}`);

    // Lockfile first, before node_modules exists in the copy: npm resolves the manifests against
    // the lock, and an out-of-sync lock comes back rewritten.
    const lockBefore = readFileSync(join(workDir, "package-lock.json"), "utf8");
    await time("lockfile", () =>
      execOk("npm", ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], workDir),
    );
    const lockAfter = readFileSync(join(workDir, "package-lock.json"), "utf8");
    const lockfileInSync = lockBefore === lockAfter;
    let lockfileDiff: string | undefined;
    if (!lockfileInSync) {
      const before = lockBefore.split("\n");
      const after = lockAfter.split("\n");
      const first = before.findIndex((line, i) => line !== after[i]);
      lockfileDiff = `first difference at line ${first + 1}:\n- ${before[first] ?? ""}\n+ ${after[first] ?? ""}`;
      problems.push(`package-lock.json is out of sync with the package.json files (run \`npm install\` and commit the lock); ${lockfileDiff}`);
      // Continue with the committed lock so the rest of the rehearsal reflects the repository.
      cpSync(join(root, "package-lock.json"), join(workDir, "package-lock.json"));
    }

    linkNodeModules(root, workDir);
    // changesets reads git to attribute changesets to commits; a private throwaway history suffices.
    await time("git", async () => {
      await execOk("git", ["init", "-q", "-b", "main"], workDir);
      await execOk("git", ["add", "-A"], workDir);
      await execOk("git", ["-c", "user.name=release-dry-run", "-c", "user.email=release-dry-run@localhost", "commit", "-q", "-m", "snapshot"], workDir);
    });

    const spaces = workspaces(workDir);
    const before = new Map([...spaces].map(([name, dir]) => [name, readJson<Manifest>(join(workDir, dir, "package.json"))]));
    const pending = pendingChangesets(workDir);
    const requested = new Map<string, Bump>();
    for (const bumps of pending.values()) {
      for (const [name, bump] of bumps) {
        const prev = requested.get(name);
        if (prev === undefined || RANK[bump] > RANK[prev]) requested.set(name, bump);
        if (!spaces.has(name)) problems.push(`a changeset names ${name}, which is not a workspace package`);
      }
    }
    if (pending.size === 0) problems.push("no pending changesets in .changeset/: nothing would be released");

    await time("changeset version", () => execOk(join(workDir, "node_modules", ".bin", "changeset"), ["version"], workDir));
    const remainingChangesets = [...pendingChangesets(workDir).keys()];
    if (remainingChangesets.length > 0) problems.push(`changeset version left ${remainingChangesets.join(", ")} in .changeset/`);

    // The release PR also commits the refreshed lock (workspace versions); it must resolve offline
    // from the workspaces, i.e. every internal pin was moved along with the versions.
    const lockRefresh = await time("lockfile after version", () =>
      exec("npm", ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], workDir),
    );
    if (lockRefresh.code !== 0) {
      problems.push(`after changeset version, npm cannot refresh package-lock.json: ${lockRefresh.stderr.trim().split("\n").slice(-5).join(" ")}`);
    }

    const packages: ReleasedPackage[] = [];
    for (const [name, dir] of spaces) {
      const old = before.get(name) as Manifest;
      const now = readJson<Manifest>(join(workDir, dir, "package.json"));
      const bump = requested.get(name);
      let section: string | undefined;
      if (now.version !== old.version) {
        const changelog = join(workDir, dir, "CHANGELOG.md");
        section = existsSync(changelog) ? changelogSection(readFileSync(changelog, "utf8"), now.version) : undefined;
        if (section === undefined) problems.push(`${name} moved to ${now.version} but its CHANGELOG.md has no "## ${now.version}" section`);
      }
      if (bump !== undefined && !bumpedAtLeast(old.version, now.version, bump)) {
        problems.push(`${name}: a changeset asks for a ${bump} bump but the version went ${old.version} → ${now.version}`);
      }
      packages.push({
        name,
        dir,
        private: old.private === true,
        before: old.version,
        after: now.version,
        ...(bump === undefined ? {} : { requested: bump }),
        ...(section === undefined ? {} : { changelogSection: section }),
      });
    }
    log(`versions: ${packages.map((p) => `${p.name} ${p.before}→${p.after}`).join(", ")}`);

    // Build the released public packages in dependency order, then pack them as npm publish would.
    const order = ["@frontkit/core", "@frontkit/tools", "@frontkit/adapters", "n8n-nodes-frontkit"];
    const toBuild = order.filter((name) => spaces.has(name));
    const tarballDir = join(workDir, ".release-tarballs");
    mkdirSync(tarballDir);
    for (const name of toBuild) {
      const dir = join(workDir, spaces.get(name) as string);
      await time(`build ${name}`, () => execOk("npm", ["run", "build", "--silent"], dir, 600_000));
    }
    for (const name of toBuild) {
      const pkg = packages.find((p) => p.name === name);
      if (pkg === undefined || pkg.private) continue;
      const dir = join(workDir, pkg.dir);
      const { stdout } = await time(`pack ${name}`, () => execOk("npm", ["pack", "--json", "--pack-destination", tarballDir, "--loglevel=error"], dir));
      const entry = (JSON.parse(stdout.slice(stdout.indexOf("["))) as Array<{ filename: string; size: number; version: string; files: Array<{ path: string }> }>)[0];
      if (entry === undefined) {
        problems.push(`npm pack printed nothing for ${name}`);
        continue;
      }
      const files = entry.files.map((f) => f.path);
      if (entry.version !== pkg.after) problems.push(`${name} packed as ${entry.version}, expected ${pkg.after}`);
      if (pkg.after !== pkg.before && !files.includes("CHANGELOG.md")) problems.push(`${name}@${pkg.after} tarball lacks CHANGELOG.md`);
      packages[packages.indexOf(pkg)] = { ...pkg, tarball: { file: join(tarballDir, entry.filename), size: entry.size, files } };
    }

    const realRepoUntouched =
      releaseFingerprint(root) === fingerprintBefore && changesetFilesBefore.every((f) => existsSync(join(root, ".changeset", f)));
    if (!realRepoUntouched) problems.push("the real repository's versions, changelogs or changesets changed during the dry run");

    return {
      workDir,
      lockfileInSync,
      ...(lockfileDiff === undefined ? {} : { lockfileDiff }),
      changesets: [...pending.keys()],
      remainingChangesets,
      packages,
      realRepoUntouched,
      timingsMs: timings,
      problems,
    };
  } finally {
    if (options.keep !== true) rmSync(workDir, { recursive: true, force: true });
  }
};

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const keep = process.argv.includes("--keep");
  const started = Date.now();
  releaseDryRun({ keep, log: (line) => console.log(`[release:dry] ${line}`) })
    .then((report) => {
      console.log(`[release:dry] lockfile in sync: ${report.lockfileInSync}`);
      console.log(`[release:dry] changesets consumed: ${report.changesets.join(", ") || "none"}`);
      for (const p of report.packages) {
        if (p.before === p.after) continue;
        const size = p.tarball === undefined ? "" : `, ${(p.tarball.size / 1024).toFixed(1)} KiB packed`;
        console.log(`[release:dry] ${p.name}: ${p.before} → ${p.after}${p.private ? " (private)" : ""}${size}`);
      }
      console.log(`[release:dry] real repository untouched: ${report.realRepoUntouched}; ${Date.now() - started} ms${keep ? `; copy kept at ${report.workDir}` : ""}`);
      if (report.problems.length > 0) {
        for (const problem of report.problems) console.error(`[release:dry] PROBLEM: ${problem}`);
        process.exitCode = 1;
      }
    })
    .catch((error: unknown) => {
      console.error(`[release:dry] could not run: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
}
