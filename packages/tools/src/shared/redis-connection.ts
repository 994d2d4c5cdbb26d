/**
 * The one Redis connection of a process, shared by every account (every Front service) configured with the same
 * URL, and the rule that makes Redis optional at run time: a store operation either completes within a small
 * bound or is reported unavailable, and the caller carries on with its local (per-process) state.
 *
 * Client: ioredis 6 (maintained, auto-reconnect, per-command timeout, EVALSHA). Effect 4.1's `effect/persistence`
 * has a `Redis` service and a `RateLimiter` with a Redis store, but it ships no Node client (its `Redis.make`
 * needs one underneath anyway), and its limiter algorithms (fixed window, token bucket, adaptive) pace against a
 * limit we configure, whereas frontkit's limiter follows what Front says (remaining, reset, the 429 gate, the
 * concurrency budget); so the state is kept with our own Lua scripts on ioredis.
 *
 * ioredis is loaded with a dynamic import the first time a URL is given: start-up without Redis never loads it,
 * and it is an optional peer dependency of @frontkit/tools.
 *
 * Faults: commands are never queued while disconnected (`enableOfflineQueue: false`), each one has
 * a time bound, and the first failure or timeout marks Redis unavailable (one warning line) so later calls
 * skip it at no cost; ioredis reconnects on its own, and a slow-but-connected server is probed with PING once a
 * second, so sharing resumes (one line) as soon as Redis answers again.
 */
import { createHash } from "node:crypto";
import { displayRedisUrl, scrubRedisSecret } from "./redis-url.js";

/** A Lua script run with EVALSHA (EVAL once when the server lost its script cache, e.g. after a restart). */
export interface RedisScript {
  readonly lua: string;
  readonly sha: string;
}

/** Declares a script; its SHA-1 is computed here, so the first call needs no SCRIPT LOAD round trip. */
export const redisScript = (lua: string): RedisScript => ({ lua, sha: createHash("sha1").update(lua, "utf8").digest("hex") });

/** What a store operation yields: the reply, or `unavailable` (Redis down, slow, or failing) and the caller goes local. */
export type RedisOutcome<A> = { readonly ok: true; readonly value: A } | { readonly ok: false };

const UNAVAILABLE: RedisOutcome<never> = { ok: false };

/** Tuning of the shared connection (tests shorten the bounds). */
export interface SharedRedisOptions {
  /** Longest one store operation may take before the caller goes local (default 100 ms). */
  readonly opTimeoutMs?: number;
  /** How often a slow-but-connected server is probed with PING while marked unavailable (default 1 000 ms). */
  readonly probeIntervalMs?: number;
  /** Where the one-line warnings go (default `console.warn`); never receives the URL's password or a token. */
  readonly onWarning?: (line: string) => void;
}

/** The process's connection to one Redis URL. */
export interface SharedRedis {
  /** The URL without user name or password, for log lines. */
  readonly display: string;
  /** True while store operations are sent to Redis. */
  readonly available: () => boolean;
  /** Runs a script on `keys` and `args` within the operation bound; `{ ok: false }` when Redis is unavailable. */
  readonly evalScript: <A>(script: RedisScript, keys: ReadonlyArray<string>, args: ReadonlyArray<string | number>) => Promise<RedisOutcome<A>>;
  /**
   * Told by a caller that gave up waiting on an operation (its own, shorter bound): marks Redis unavailable
   * (one warning line) and probes it until it answers. Errors the connection reported itself are ignored.
   */
  readonly reportSlow: (error: unknown) => void;
  /** Resolves once the first connection attempt settled (ready or failed), or after `ms`; for tests and start-up checks. */
  readonly whenSettled: (ms: number) => Promise<boolean>;
  /** Closes the connection (the registry forgets it). */
  readonly close: () => Promise<void>;
}

/** The part of an ioredis client used here (kept local so no ioredis type reaches the public declarations). */
interface IoRedisClient {
  status: string;
  stream?: { unref?: () => void };
  on(event: string, listener: (...args: ReadonlyArray<unknown>) => void): unknown;
  evalsha(sha: string, numKeys: number, ...keysAndArgs: ReadonlyArray<string | number>): Promise<unknown>;
  eval(lua: string, numKeys: number, ...keysAndArgs: ReadonlyArray<string | number>): Promise<unknown>;
  ping(): Promise<unknown>;
  quit(): Promise<unknown>;
  disconnect(): void;
}

type IoRedisConstructor = new (url: string, options: Record<string, unknown>) => IoRedisClient;

let ioredisModule: Promise<IoRedisConstructor> | undefined;

// A variable specifier keeps bundlers from inlining the optional peer dependency into our bundle.
const IOREDIS = "ioredis";

const loadIoRedis = (): Promise<IoRedisConstructor> => {
  ioredisModule ??= (import(IOREDIS) as Promise<{ default?: unknown; Redis?: unknown }>).then((m) => {
    const ctor = (m.Redis ?? m.default) as IoRedisConstructor | undefined;
    if (typeof ctor !== "function") throw new Error("the ioredis module has no Redis export");
    return ctor;
  });
  return ioredisModule;
};

const DEFAULT_OP_TIMEOUT_MS = 100;
const DEFAULT_PROBE_INTERVAL_MS = 1_000;
const FIRST_CONNECT_WAIT_MS = 1_000;
const registry = new Map<string, SharedRedis>();

const messageOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

const connect = (url: string, options: SharedRedisOptions): SharedRedis => {
  const display = displayRedisUrl(url);
  const opTimeoutMs = options.opTimeoutMs ?? DEFAULT_OP_TIMEOUT_MS;
  const probeIntervalMs = options.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS;
  const warn = options.onWarning ?? ((line: string) => console.warn(line));
  let client: IoRedisClient | undefined;
  // undefined: not known yet (connecting); the warnings are about transitions, so each outage prints one line.
  let healthy: boolean | undefined;
  let closed = false;
  let probe: ReturnType<typeof setInterval> | undefined;
  const settledWaiters = new Set<() => void>();

  const settle = (): void => {
    for (const wake of settledWaiters) wake();
    settledWaiters.clear();
  };

  const markUp = (): void => {
    if (probe !== undefined) clearInterval(probe);
    probe = undefined;
    const wasDown = healthy === false;
    healthy = true;
    settle();
    if (wasDown) warn(`frontkit: Redis ${display} is reachable again; rate-limit state and cached lists are shared again.`);
  };

  const markDown = (reason: string): void => {
    const wasKnownDown = healthy === false;
    healthy = false;
    settle();
    if (!wasKnownDown && !closed) {
      warn(
        `frontkit: Redis ${display} is unavailable (${scrubRedisSecret(url, reason)}); each process uses its own rate limiter and caches until it is back.`,
      );
    }
  };

  // A server that still holds the connection but does not answer in time (overloaded, paused) gets no new
  // "ready" event when it recovers: probe it.
  const startProbe = (): void => {
    if (probe !== undefined || closed) return;
    probe = setInterval(() => {
      if (client === undefined || client.status !== "ready") return;
      client.ping().then(markUp, () => undefined);
    }, probeIntervalMs);
    probe.unref?.();
  };

  loadIoRedis().then(
    (Redis) => {
      if (closed) return;
      const created = new Redis(url, {
        // Never queue commands while disconnected: a call must not wait for Redis to come back.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        autoResendUnfulfilledCommands: false,
        // A backstop for commands nobody waits for any more; callers are bounded by `bounded` below.
        commandTimeout: Math.max(2_000, opTimeoutMs * 4),
        connectTimeout: 2_000,
        // Reconnect forever, backing off to one attempt every 2 s: sharing resumes on its own.
        retryStrategy: (times: number) => Math.min(100 * 2 ** Math.min(times, 5), 2_000),
        connectionName: "frontkit",
      });
      client = created;
      created.on("ready", markUp);
      created.on("error", (error) => markDown(messageOf(error)));
      created.on("close", () => {
        if (healthy === true) markDown("connection closed");
      });
      // The shared connection must not keep a process alive on its own (a script that made a few calls exits).
      created.on("connect", () => created.stream?.unref?.());
      created.on("reconnecting", () => (created as unknown as { reconnectTimeout?: { unref?: () => void } }).reconnectTimeout?.unref?.());
    },
    (cause: unknown) => {
      markDown(`the ioredis package could not be loaded: ${messageOf(cause)}; install it with \`npm install ioredis@6\``);
    },
  );

  /**
   * The reply, or a timeout after `opTimeoutMs`. The timer's verdict waits one event-loop turn (setImmediate):
   * when this process itself was stalled (a GC pause, a module loading on first use, a busy CPU), the reply is
   * usually already in the socket, and the I/O phase delivers it before the check runs — a stall of ours is not
   * a slow Redis.
   */
  const bounded = (pending: Promise<unknown>): Promise<unknown> =>
    new Promise((resolveBounded, rejectBounded) => {
      let settled = false;
      const timer = setTimeout(() => {
        setImmediate(() => {
          if (settled) return;
          settled = true;
          rejectBounded(new Error(`no answer within ${opTimeoutMs} ms`));
        });
      }, opTimeoutMs);
      pending.then(
        (value) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolveBounded(value);
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          rejectBounded(error);
        },
      );
    });

  const evalScript = async <A>(script: RedisScript, keys: ReadonlyArray<string>, args: ReadonlyArray<string | number>): Promise<RedisOutcome<A>> => {
    // The first calls of a process meet a connection still being made (loading ioredis, TCP connect): they wait
    // for it, once per process and at most FIRST_CONNECT_WAIT_MS, rather than going local (the limiter would
    // then pace alone for its retry period). A refused connection settles at once; only a silent host costs it.
    if (healthy === undefined) await shared.whenSettled(FIRST_CONNECT_WAIT_MS);
    const c = client;
    if (healthy !== true || c === undefined || c.status !== "ready") return UNAVAILABLE;
    try {
      return { ok: true, value: (await bounded(c.evalsha(script.sha, keys.length, ...keys, ...args))) as A };
    } catch (error) {
      if (/NOSCRIPT/.test(messageOf(error))) {
        // The server lost its script cache (restart, SCRIPT FLUSH): EVAL once, which also caches it again.
        try {
          return { ok: true, value: (await bounded(c.eval(script.lua, keys.length, ...keys, ...args))) as A };
        } catch (again) {
          error = again;
        }
      }
      markDown(messageOf(error));
      if (c.status === "ready") startProbe();
      return UNAVAILABLE;
    }
  };

  const shared: SharedRedis = {
    display,
    reportSlow: (error) => {
      if (healthy !== true || (error instanceof Error && error.name === "SharedLimiterUnavailable")) return;
      markDown(messageOf(error));
      if (client?.status === "ready") startProbe();
    },
    available: () => healthy === true && client?.status === "ready",
    evalScript,
    whenSettled: (ms) =>
      healthy !== undefined
        ? Promise.resolve(healthy)
        : new Promise((resolveSettled) => {
            const timer = setTimeout(() => {
              settledWaiters.delete(wake);
              resolveSettled(healthy === true);
            }, ms);
            const wake = (): void => {
              clearTimeout(timer);
              resolveSettled(healthy === true);
            };
            settledWaiters.add(wake);
          }),
    close: async () => {
      closed = true;
      if (probe !== undefined) clearInterval(probe);
      if (registry.get(url) === shared) registry.delete(url);
      const c = client;
      client = undefined;
      if (c === undefined) return;
      try {
        await Promise.race([c.quit(), new Promise((r) => setTimeout(r, 500))]);
      } catch {
        // Already gone.
      }
      c.disconnect();
    },
  };
  return shared;
};

/** The process's shared connection to `url` (one per URL, made on first use). Options apply when it is first made. */
export const sharedRedis = (url: string, options: SharedRedisOptions = {}): SharedRedis => {
  const existing = registry.get(url);
  if (existing !== undefined) return existing;
  const made = connect(url, options);
  registry.set(url, made);
  return made;
};

/** Closes every shared Redis connection of this process (a clean shutdown; later calls reconnect on demand). */
export const closeSharedRedis = async (): Promise<void> => {
  await Promise.all([...registry.values()].map((c) => c.close()));
};
