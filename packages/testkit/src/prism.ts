import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { trackChild, untrackChild } from "./child-reaper.js";
import { freePort } from "./free-port.js";
import { collectLogTail, exited, stopChild } from "./stop-child.js";
import { CORRECTED_SPEC_RELATIVE_PATH, defaultSpecPath, findRepoRoot } from "./repo-root.js";

/** Options for {@link startPrism}. */
export interface StartPrismOptions {
  /** Spec Prism serves; defaults to the monorepo's corrected spec. */
  readonly specPath?: string;
  /** Port to bind on 127.0.0.1; defaults to a free one. */
  readonly port?: number;
  /** How long to wait for Prism to answer, in ms (default 60 000). */
  readonly startTimeoutMs?: number;
}

/** A running Prism mock; `stop()` is idempotent. */
export interface PrismServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Raised when Prism cannot be started; carries the last lines Prism printed. */
export class PrismStartError extends Error {
  override readonly name = "PrismStartError";
  constructor(
    message: string,
    readonly logTail: ReadonlyArray<string> = [],
  ) {
    super(logTail.length > 0 ? `${message}\n--- last Prism output ---\n${logTail.join("\n")}` : message);
  }
}

const LOG_TAIL_LINES = 40;
// Any bearer works: Prism only checks that the spec's security scheme is present.
const PROBE_HEADERS = { authorization: "Bearer frontkit-testkit-probe" };

// Prism runs inside a tiny bootstrap that exits when our stdin pipe closes, so even a
// parent killed with SIGKILL (no exit hooks run) does not leave an orphaned Prism.
const WATCHDOG = [
  "process.stdin.on('end', () => process.exit(0));",
  "process.stdin.on('error', () => process.exit(0));",
  "process.stdin.resume();",
  "require(process.argv[1]);",
].join("");

/** Absolute path of the Prism CLI entry script of the pinned @stoplight/prism-cli. */
export const resolvePrismCli = (): string => {
  const bases = [findRepoRoot(), process.cwd()].filter((b): b is string => b !== undefined);
  for (const base of bases) {
    try {
      const require = createRequire(join(base, "package.json"));
      const pkgPath = require.resolve("@stoplight/prism-cli/package.json");
      const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { bin?: string | Record<string, string> };
      const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin?.["prism"];
      if (bin !== undefined) return resolve(dirname(pkgPath), bin);
    } catch {
      // Try the next base directory.
    }
  }
  throw new PrismStartError("@stoplight/prism-cli is not installed: run `npm install` at the repository root.");
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const answers = async (url: string): Promise<boolean> => {
  try {
    const response = await fetch(`${url}/me`, { headers: PROBE_HEADERS, signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
};


const launch = async (specPath: string, port: number, timeoutMs: number): Promise<PrismServer> => {
  const cli = resolvePrismCli();
  const child = spawn(
    process.execPath,
    ["-e", WATCHDOG, cli, "mock", "-h", "127.0.0.1", "-p", String(port), specPath],
    {
      env: { ...process.env, SCARF_ANALYTICS: "false", FORCE_COLOR: "0", NO_COLOR: "1" },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  trackChild(child);
  const tail = collectLogTail(child, LOG_TAIL_LINES);
  // Pipes we never read from again must not keep the test process alive.
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as { unref?: () => void } | null)?.unref?.();
  child.unref();

  const url = `http://127.0.0.1:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= stopChild(child).finally(() => {
      untrackChild(child);
      child.stdin?.destroy();
      child.stdout?.destroy();
      child.stderr?.destroy();
    });
    return stopping;
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited(child)) {
      await stop();
      throw new PrismStartError(`Prism exited (code ${child.exitCode ?? child.signalCode}) before answering on ${url}.`, tail);
    }
    if (await answers(url)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new PrismStartError(`Prism did not answer GET ${url}/me within ${timeoutMs} ms.`, tail);
    }
    await sleep(150);
  }
  return { url, port, pid: child.pid ?? -1, stop };
};

/** Starts Prism 5.14.2 mocking the corrected Front spec on 127.0.0.1 and resolves once it answers. */
export const startPrism = async (options: StartPrismOptions = {}): Promise<PrismServer> => {
  const specPath = resolve(options.specPath ?? defaultSpecPath());
  if (!existsSync(specPath)) {
    throw new PrismStartError(
      `The spec Prism should serve is missing: ${specPath}. Build the corrected spec first with ` +
        "`npm run spec` at the repository root (it writes " +
        `${CORRECTED_SPEC_RELATIVE_PATH}; set FRONT_OPENAPI_SPEC to the mirror if GitHub is unreachable).`,
    );
  }
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  if (options.port !== undefined) return launch(specPath, options.port, timeoutMs);
  // A free port can be taken between probing and Prism binding it; retry on a fresh one.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launch(specPath, await freePort(), timeoutMs);
    } catch (error) {
      lastError = error;
      const inUse = error instanceof PrismStartError && error.logTail.some((l) => l.includes("EADDRINUSE"));
      if (!inUse) throw error;
    }
  }
  throw lastError;
};
