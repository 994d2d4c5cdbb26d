/**
 * Runs the BUILT `frontkit-mcp` the way users do (node dist/frontkit-mcp.js),
 * with real MCP SDK clients, and keeps everything it printed so tests can
 * assert the canary token never shows up.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { mcpToolCatalog } from "@frontkit/tools";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/** The adapters package directory. */
export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
/** The built bin. */
export const BIN = join(PACKAGE_DIR, "dist", "frontkit-mcp.js");

/** A unique, recognisable fake token: it must never appear in any output. */
export const canaryToken = (label: string): string => `frontkit-canary-${label}-${Math.random().toString(36).slice(2, 10)}Z9`;

/** The bin's build-time catalog snapshot. */
export const CATALOG_SNAPSHOT = join(PACKAGE_DIR, "dist", "frontkit-mcp.catalog.json");

// The bin is stale when its catalog snapshot is not the catalog of the @frontkit/tools installed now.
const upToDate = (): boolean =>
  existsSync(BIN) && existsSync(CATALOG_SNAPSHOT) && readFileSync(CATALOG_SNAPSHOT, "utf8").trim() === JSON.stringify(mcpToolCatalog);

// Test files run in parallel workers and tsup cleans dist/ first: one build at a time, the
// others wait for it and re-check.
const BUILD_LOCK = join(tmpdir(), "frontkit-adapters-mcp-build.lock");
const STALE_LOCK_MS = 5 * 60_000;
const sleepSync = (ms: number): void => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms) as unknown as void;

const takeLock = (): boolean => {
  try {
    mkdirSync(BUILD_LOCK);
    return true;
  } catch {
    try {
      if (Date.now() - statSync(BUILD_LOCK).mtimeMs > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
    } catch {
      // Gone meanwhile: the next attempt takes it.
    }
    return false;
  }
};

/**
 * Makes sure dist/frontkit-mcp.js exists and was built against the current tools, building
 * the package if not; a failed build fails the suite with the build's own output.
 */
export const ensureBuilt = (): void => {
  const deadline = Date.now() + 180_000;
  while (!upToDate()) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for another test worker to build @frontkit/adapters.");
    if (!takeLock()) {
      sleepSync(250);
      continue;
    }
    try {
      if (upToDate()) return;
      execFileSync("npx", ["tsup"], { cwd: PACKAGE_DIR, stdio: "pipe", timeout: 120_000 });
    } catch (error) {
      const out = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(
        `dist/frontkit-mcp.js is missing or stale and building it failed; run \`npm run build -w @frontkit/adapters\`.\n${out.stdout?.toString() ?? ""}${out.stderr?.toString() ?? ""}`,
      );
    } finally {
      rmSync(BUILD_LOCK, { recursive: true, force: true });
    }
    if (!upToDate()) throw new Error("`tsup` ran but dist/frontkit-mcp.js or its catalog snapshot is missing or stale: check tsup.config.ts.");
  }
};

// The child gets only what it needs: no inherited FRONT_* from the developer's shell.
const childEnv = (env: Record<string, string>): Record<string, string> => ({
  PATH: process.env["PATH"] ?? "",
  HOME: process.env["HOME"] ?? "",
  ...env,
});

/** A stdio client connected to a spawned bin. */
export interface StdioSession {
  readonly client: Client;
  /** Everything the bin wrote to stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

/** Spawns the bin over stdio with a real SDK client. */
export const connectStdio = async (env: Record<string, string>, args: ReadonlyArray<string> = []): Promise<StdioSession> => {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, ...args], env: childEnv(env), stderr: "pipe", cwd: PACKAGE_DIR });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const client = new Client({ name: "frontkit-mcp-test", version: "1.0.0" });
  await client.connect(transport);
  return {
    client,
    stderr: () => stderr,
    close: () => client.close(),
  };
};

/** Result of running the bin to completion. */
export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bin with these args and env until it exits (for --help, startup errors). */
export const runBin = (args: ReadonlyArray<string>, env: Record<string, string>, timeoutMs = 15_000): Promise<RunResult> =>
  new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: childEnv(env), stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`frontkit-mcp ${args.join(" ")} did not exit within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });

/** A running `frontkit-mcp --http`. */
export interface HttpBin {
  /** The MCP endpoint, e.g. http://127.0.0.1:41234/mcp. */
  readonly url: string;
  readonly child: ChildProcess;
  stderr(): string;
  stop(): Promise<void>;
}

/** Spawns `frontkit-mcp --http --port 0` and waits for its "listening on" line. */
export const startHttpBin = (env: Record<string, string>, args: ReadonlyArray<string> = []): Promise<HttpBin> =>
  new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [BIN, "--http", "--port", "0", ...args], { env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let stdout = "";
    let started = false;
    const stop = (): Promise<void> =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
        child.once("exit", () => resolveStop());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 3_000).unref();
      });
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`frontkit-mcp --http did not start within 15 s; stderr: ${stderr}`));
    }, 15_000);
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match?.[1] !== undefined && !started) {
        started = true;
        clearTimeout(timer);
        resolveStart({ url: match[1], child, stderr: () => stderr + stdout, stop });
      }
    });
    child.on("exit", (code) => {
      if (started) return;
      clearTimeout(timer);
      reject(new Error(`frontkit-mcp --http exited (${code}) before listening; stderr: ${stderr}`));
    });
  });

/** An SDK client over Streamable HTTP sending this bearer token (or none). */
export const connectHttp = async (url: string, token: string | undefined): Promise<Client> => {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: token === undefined ? {} : { headers: { Authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name: "frontkit-mcp-http-test", version: "1.0.0" });
  await client.connect(transport);
  return client;
};
