import type { ChildProcess } from "node:child_process";

/** How long a child gets to exit after SIGTERM, then after SIGKILL. */
const STOP_GRACE_MS = 3_000;

/** The last `maxLines` non-empty lines the child printed (stdout and stderr), kept for a start error's message. */
export const collectLogTail = (child: ChildProcess, maxLines: number): string[] => {
  const tail: string[] = [];
  const collect = (chunk: Buffer): void => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      tail.push(line);
      if (tail.length > maxLines) tail.shift();
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  return tail;
};

/** Whether the child has exited (by code or by signal). */
export const exited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/** Resolves true once the child exited, false after `ms` (never waits longer). */
export const waitForExit = (child: ChildProcess, ms: number): Promise<boolean> =>
  new Promise((resolveWait) => {
    if (exited(child)) return resolveWait(true);
    const timer = setTimeout(() => {
      child.removeListener("exit", onExit);
      resolveWait(false);
    }, ms);
    const onExit = (): void => {
      clearTimeout(timer);
      resolveWait(true);
    };
    child.once("exit", onExit);
  });

/**
 * Stops a child the testkit started, by its PID: SIGTERM, then SIGKILL after a grace period; resolves once it
 * exited (or both graces passed). `resume` first sends SIGCONT, for a server a test froze with SIGSTOP.
 */
export const stopChild = async (child: ChildProcess, options: { readonly resume?: boolean } = {}): Promise<void> => {
  if (child.pid === undefined || exited(child)) return;
  try {
    if (options.resume === true) process.kill(child.pid, "SIGCONT");
    process.kill(child.pid, "SIGTERM");
  } catch {
    return;
  }
  if (await waitForExit(child, STOP_GRACE_MS)) return;
  try {
    process.kill(child.pid, "SIGKILL");
  } catch {
    return;
  }
  await waitForExit(child, STOP_GRACE_MS);
};
