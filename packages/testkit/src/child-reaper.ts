import type { ChildProcess } from "node:child_process";

// Children we must not leave behind. On a normal exit Node runs only synchronous code,
// so the last resort is a synchronous SIGKILL by PID.
const children = new Set<ChildProcess>();
let installed = false;

const killAll = (signal: NodeJS.Signals): void => {
  for (const child of children) {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid, signal);
      } catch {
        // Already gone: nothing to reap.
      }
    }
  }
};

const onSignal = (signal: NodeJS.Signals): void => {
  killAll("SIGKILL");
  children.clear();
  // Our listener suppresses Node's default "terminate on signal"; when nobody else
  // handles the signal, restore the default and re-raise it so the parent still exits.
  if (process.listenerCount(signal) === 1) {
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal);
  }
};

const install = (): void => {
  if (installed) return;
  installed = true;
  process.on("exit", () => killAll("SIGKILL"));
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);
};

/** Registers a child so it is killed when this process exits or is interrupted. */
export const trackChild = (child: ChildProcess): void => {
  install();
  children.add(child);
  child.once("exit", () => children.delete(child));
};

/** Forgets a child that has been stopped deliberately. */
export const untrackChild = (child: ChildProcess): void => {
  children.delete(child);
};
