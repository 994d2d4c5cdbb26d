/** Child-process runner for the release checks: captured output, a hard timeout, never a shell. */
import { spawn } from "node:child_process";

/** Outcome of {@link run}. */
export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Options for {@link run}. */
export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  readonly input?: string;
}

/** Thrown by {@link runOk} when a command exits non-zero; carries its output for the test report. */
export class CommandFailed extends Error {
  override readonly name = "CommandFailed";
  constructor(
    readonly command: string,
    readonly result: RunResult,
  ) {
    super(
      `${command} exited with ${result.code ?? result.signal} after ${result.ms} ms\n--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`,
    );
  }
}

const tail = (text: string): string => text.split("\n").slice(-60).join("\n");

/** Runs `file args` and resolves with its exit status and output (a timeout kills it with SIGKILL). */
export const run = (file: string, args: ReadonlyArray<string>, options: RunOptions): Promise<RunResult> =>
  new Promise((resolvePromise, reject) => {
    const started = Date.now();
    const child = spawn(file, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    // Processes that would wait on stdin (an MCP stdio server) see EOF at once.
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 180_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });

/** Like {@link run} but rejects with {@link CommandFailed} unless the exit code is 0. */
export const runOk = async (file: string, args: ReadonlyArray<string>, options: RunOptions): Promise<RunResult> => {
  const result = await run(file, args, options);
  if (result.code !== 0) throw new CommandFailed([file, ...args].join(" "), result);
  return result;
};

/** Runs async jobs with at most `limit` in flight (2 cores: installs and builds must not pile up). */
export const mapLimit = async <A, B>(items: ReadonlyArray<A>, limit: number, f: (a: A) => Promise<B>): Promise<B[]> => {
  const results: B[] = new Array<B>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await f(items[index] as A);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};
