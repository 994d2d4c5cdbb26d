/**
 * A throwaway `redis-server` (Debian's package) for the tests of the shared (scale-out) state: started on a free
 * 127.0.0.1 port with no persistence, stopped by its PID even when a test fails, and stoppable / restartable on
 * the same port mid-test so the fault tests can take Redis away and give it back.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { trackChild, untrackChild } from "./child-reaper.js";
import { freePort } from "./free-port.js";
import { collectLogTail, exited, stopChild } from "./stop-child.js";

/** Options of {@link startRedisServer}. */
export interface StartRedisServerOptions {
  /** Port to bind on 127.0.0.1; defaults to a free one. */
  readonly port?: number;
  /** How long to wait for the first PONG, in ms (default 10 000). */
  readonly startTimeoutMs?: number;
  /** The executable (default `redis-server` from PATH). */
  readonly command?: string;
}

/** A running redis-server; `stop()` is idempotent, `restart()` brings it back on the same port (empty). */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** PID of the current process (changes on restart). */
  readonly pid: number;
  /** Stops the server (SIGTERM, then SIGKILL); resolves once it exited. */
  stop(): Promise<void>;
  /** Starts it again on the same port, with no data (no persistence); resolves once it answers PING. */
  restart(): Promise<void>;
  /** Suspends the process (SIGSTOP): connections stay open but nothing is answered, like a stalled server. */
  freeze(): void;
  /** Resumes a frozen server (SIGCONT). */
  thaw(): void;
}

/** Raised when redis-server cannot be started; carries its last output lines. */
export class RedisServerStartError extends Error {
  override readonly name = "RedisServerStartError";
  constructor(
    message: string,
    readonly logTail: ReadonlyArray<string> = [],
  ) {
    super(logTail.length > 0 ? `${message}\n--- last redis-server output ---\n${logTail.join("\n")}` : message);
  }
}

const LOG_TAIL_LINES = 30;
const INSTALL_HINT = "install Debian's redis-server package (apt-get install redis-server) or put redis-server on PATH";

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The redis-server executable found on PATH, or undefined. */
export const findRedisServer = (command = "redis-server"): string | undefined => {
  const probe = spawnSync(command, ["--version"], { encoding: "utf8", timeout: 5_000 });
  return probe.status === 0 && /Redis server/i.test(probe.stdout) ? command : undefined;
};

/** Whether the Redis tests can run here, and if not, why. */
export type RedisTestGate = { readonly available: true } | { readonly available: false; readonly reason: string };

/**
 * Decides whether tests needing a real redis-server run. Missing redis-server: on a developer's machine the tests
 * are skipped with the reason printed loudly; with `CI=true` this throws, so CI fails instead of skipping.
 */
export const redisTestGate = (): RedisTestGate => {
  if (findRedisServer() !== undefined) return { available: true };
  const reason = `redis-server is not on PATH: the shared-state (Redis) tests are skipped; ${INSTALL_HINT} to run them.`;
  if (process.env["CI"] === "true") throw new Error(`${reason} CI=true: these tests must run in CI (.ci/run installs redis-server).`);
  console.warn(`\n*** SKIPPED: ${reason} ***\n`);
  return { available: false, reason };
};

/** One inline PING over a raw socket (the testkit has no Redis client): true on `+PONG`. */
export const pingRedis = (port: number, timeoutMs = 1_000): Promise<boolean> =>
  new Promise((resolvePing) => {
    const socket = connect({ host: "127.0.0.1", port });
    let answer = "";
    const done = (ok: boolean): void => {
      socket.destroy();
      resolvePing(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      answer += chunk.toString("utf8");
      if (answer.includes("\r\n")) done(answer.startsWith("+PONG"));
    });
  });


/** Spawns one redis-server on `port` and resolves once it answers PING; kills it on any failure. */
const spawnServer = async (command: string, port: number, timeoutMs: number): Promise<ChildProcess> => {
  const child = spawn(
    command,
    // No persistence (no RDB snapshot, no AOF), loopback only, protected mode on: a test server leaves nothing behind.
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--loglevel", "warning"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  trackChild(child);
  const tail = collectLogTail(child, LOG_TAIL_LINES);
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });
  for (const stream of [child.stdout, child.stderr]) (stream as { unref?: () => void } | null)?.unref?.();
  child.unref();

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (spawnError !== undefined) {
      untrackChild(child);
      throw new RedisServerStartError(`could not run ${command}: ${spawnError.message}; ${INSTALL_HINT}.`, tail);
    }
    if (exited(child)) {
      untrackChild(child);
      throw new RedisServerStartError(`redis-server exited (code ${child.exitCode ?? child.signalCode}) before answering on port ${port}.`, tail);
    }
    if (await pingRedis(port)) return child;
    if (Date.now() > deadline) {
      await stopChild(child, { resume: true });
      untrackChild(child);
      throw new RedisServerStartError(`redis-server did not answer PING on 127.0.0.1:${port} within ${timeoutMs} ms.`, tail);
    }
    await sleep(50);
  }
};

/** Starts Debian's redis-server on 127.0.0.1 (free port, no persistence) and resolves once it answers PING. */
export const startRedisServer = async (options: StartRedisServerOptions = {}): Promise<RedisServer> => {
  const command = options.command ?? "redis-server";
  const timeoutMs = options.startTimeoutMs ?? 10_000;
  let port = options.port;
  let child: ChildProcess | undefined;
  if (port !== undefined) child = await spawnServer(command, port, timeoutMs);
  else {
    // A free port can be taken between probing and binding; try fresh ones.
    let lastError: unknown;
    for (let attempt = 0; attempt < 3 && child === undefined; attempt++) {
      const candidate = await freePort();
      try {
        child = await spawnServer(command, candidate, timeoutMs);
        port = candidate;
      } catch (error) {
        lastError = error;
        const inUse = error instanceof RedisServerStartError && error.logTail.some((l) => /in use|EADDRINUSE/i.test(l));
        if (!inUse) throw error;
      }
    }
    if (child === undefined) throw lastError;
  }
  const boundPort = port as number;
  let current: ChildProcess | undefined = child;

  const stop = async (): Promise<void> => {
    const running = current;
    current = undefined;
    if (running === undefined) return;
    await stopChild(running, { resume: true });
    untrackChild(running);
    running.stdout?.destroy();
    running.stderr?.destroy();
  };

  const signal = (name: NodeJS.Signals): void => {
    if (current?.pid !== undefined && !exited(current)) process.kill(current.pid, name);
  };

  return {
    url: `redis://127.0.0.1:${boundPort}`,
    port: boundPort,
    get pid() {
      return current?.pid ?? -1;
    },
    stop,
    restart: async () => {
      await stop();
      current = await spawnServer(command, boundPort, timeoutMs);
    },
    freeze: () => signal("SIGSTOP"),
    thaw: () => signal("SIGCONT"),
  };
};

/** Runs `use` with a fresh redis-server and stops it afterwards, whatever happened. */
export const withRedisServer = async <A>(use: (server: RedisServer) => Promise<A>, options: StartRedisServerOptions = {}): Promise<A> => {
  const server = await startRedisServer(options);
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
};
