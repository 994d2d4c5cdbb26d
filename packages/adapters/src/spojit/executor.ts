import { ClientCache, createFrontTools, type Secret, toolNames } from "@frontkit/tools";
import { FRONT_DEFAULT_BASE_URL } from "./authentication.js";
import { validateConnection, type SpojitConnection } from "./connection.js";
import { spojitError, toSpojitError, toSpojitRateLimit } from "./error-mapping.js";
import { toJsonSafe } from "./json-safe.js";
import { redactResult, redactSecret } from "./redact.js";
import type { SpojitExecuteResult, SpojitFailure } from "./result.js";
import { checkPollRequest, type EventPoller, feedOptionsFor, type SpojitPollRequest, type SpojitPollResult, toPolledEvents } from "./trigger-poll.js";

/** Options of `createFrontTools` that apply to every connection (token and base URL come from each connection). */
export type SpojitClientOptions = Omit<NonNullable<Parameters<typeof createFrontTools>[0]>, "token" | "baseUrl">;

/** Options for {@link createSpojitExecutor}. */
export interface SpojitExecutorOptions extends SpojitClientOptions {
  /** Most Front clients kept at once; least-recently-used idle ones are released beyond it. Default 500. */
  readonly maxConnections?: number;
  /**
   * Hosts, besides Front's API hosts (`api2.frontapp.com`, `*.api.frontapp.com`), that a connection may name
   * as its base URL: exact names or `*.example.com`; a proxy or a mock. Set by the operator running the
   * executor, never by a connection. Default none.
   */
  readonly allowedBaseUrlHosts?: ReadonlyArray<string>;
  /** Builds the client for a connection (the token still Redacted); defaults to `createFrontTools`. For tests and instrumentation. */
  readonly createTools?: (config: { token: Secret; baseUrl: string } & SpojitClientOptions) => PooledTools;
}

/** The part of a FrontTools instance the executor uses. */
export interface PooledTools {
  invokeDetailed(
    name: string,
    input: unknown,
    options?: { signal?: AbortSignal },
  ): Promise<{ data: unknown; meta: { attempts: number; rateLimit: unknown } }>;
  /** The events feed, for trigger polling (FrontTools has it; a client without it cannot poll). */
  readonly pollEvents?: EventPoller;
  dispose(): Promise<void>;
}

/** What Spojit passes for one Direct-mode node run or one Agent-mode tool call. */
export interface SpojitExecuteRequest {
  /** A tool name of the connector, e.g. `list-inboxes`. */
  readonly tool: string;
  /** The tool's input, matching its input JSON Schema. */
  readonly input?: unknown;
  readonly connection: SpojitConnection;
}

/** Per-call options. */
export interface SpojitExecuteOptions {
  /** Cancels the call; the result is then a CANCELLED failure. */
  readonly signal?: AbortSignal;
}

/** Runs Front tools for Spojit connections. */
export interface SpojitExecutor {
  /** Runs one tool; never throws or rejects, whatever it is given. */
  execute<T = unknown>(request: SpojitExecuteRequest, options?: SpojitExecuteOptions): Promise<SpojitExecuteResult<T>>;
  /**
   * Checks a connection's token with one cheap call (GET /me, the token's identity), as Spojit
   * does when a connection is saved. Resolves like `execute`; on success `data` is Front's
   * identity of the token's company (`{ id, name, … }`).
   */
  testConnection(connection: SpojitConnection, options?: SpojitExecuteOptions): Promise<SpojitExecuteResult>;
  /**
   * Polls Front's events feed for a trigger on the connection's own client (its rate limiter
   * and caches): the new events, oldest first, and the cursor to pass next time. Without a
   * cursor it starts from now. Resolves like `execute`; never throws or rejects.
   */
  pollTrigger(request: SpojitPollRequest, options?: SpojitExecuteOptions): Promise<SpojitPollResult>;
  /** Names of the tools this executor runs (from the tool registry). */
  readonly tools: ReadonlyArray<string>;
  /** Number of connections with a live client. */
  readonly connectionCount: number;
  /** Releases every client (their caches and limiters); later calls fail with DISPOSED. */
  dispose(): Promise<void>;
}

const failure = (error: SpojitFailure["error"]): SpojitFailure => ({ ok: false, error });

/**
 * Creates the Spojit executor. Each call is checked (tool name, connection) before any request,
 * then runs on the connection's own FrontTools. The returned promise always resolves: success
 * with data and metadata, or a failure with a stable code — and never contains the token.
 */
export const createSpojitExecutor = (options: SpojitExecutorOptions = {}): SpojitExecutor => {
  const { maxConnections = 500, createTools, allowedBaseUrlHosts = [], ...clientOptions } = options;
  const knownTools: ReadonlySet<string> = new Set(toolNames);
  const factory = createTools ?? ((config: { token: Secret; baseUrl: string } & SpojitClientOptions): PooledTools => createFrontTools(config));
  // The one per-token client cache, scoped by connection id: each connection keeps its own client (rate
  // limiter, caches), and a connection saved with a new token or base URL drops its old one.
  const pool = new ClientCache<PooledTools, SpojitClientOptions>({
    clientOptions,
    create: (config) => factory({ ...config, baseUrl: config.baseUrl ?? FRONT_DEFAULT_BASE_URL }),
    maxClients: Number.isInteger(maxConnections) && maxConnections > 0 ? maxConnections : 500,
  });

  /**
   * The one path from a raw connection to a pooled client for tool runs and trigger polls: the connection is
   * checked (hosts included), nothing runs after dispose or an abort, the lease is always released, and every
   * answer — success or failure — is redacted of the connection's token.
   */
  const withConnection = async <R extends SpojitExecuteResult | SpojitPollResult>(
    rawConnection: unknown,
    what: string,
    signal: AbortSignal | undefined,
    use: (tools: PooledTools, started: number) => Promise<R | SpojitFailure>,
  ): Promise<R | SpojitFailure> => {
    const checked = validateConnection(rawConnection, allowedBaseUrlHosts);
    if (!checked.ok) return failure(checked.error);
    const connection = checked.connection;
    if (pool.closed) {
      return failure(spojitError("DISPOSED", { message: `This executor was disposed; nothing was sent. Create a new one to ${what}.` }));
    }
    if (signal?.aborted) return failure(spojitError("CANCELLED"));
    const started = performance.now();
    let lease;
    try {
      lease = pool.acquire({ token: connection.token, baseUrl: connection.baseUrl, scope: connection.id });
    } catch (cause) {
      // Building the client is where the token rule and core's base URL rule refuse a connection (their
      // messages never hold the token).
      const reason = cause instanceof Error && cause.message ? ` (${cause.message})` : "";
      return failure(spojitError("INVALID_CONNECTION", { message: `The connection could not be used${reason}.` }));
    }
    try {
      return redactResult(await use(lease.client, started), lease.redact);
    } catch (cause) {
      const error = signal?.aborted ? spojitError("CANCELLED") : toSpojitError(cause);
      return redactResult(failure(error), lease.redact);
    } finally {
      lease.release();
    }
  };

  const run = async (request: unknown, signal: AbortSignal | undefined): Promise<SpojitExecuteResult> => {
    if (request === null || typeof request !== "object") {
      return failure(
        spojitError("INVALID_INPUT", {
          message: "The execute request must be an object { tool, input, connection }.",
          issues: [{ path: "", message: "Expected an object." }],
        }),
      );
    }
    const { tool, input, connection: rawConnection } = request as Record<string, unknown>;
    if (typeof tool !== "string" || !knownTools.has(tool)) {
      const shown = typeof tool === "string" ? `"${tool.slice(0, 80)}"` : "missing";
      return failure(
        spojitError("UNKNOWN_TOOL", {
          message: `Unknown tool (${shown}); use one of: ${toolNames.join(", ")}.`,
        }),
      );
    }
    return withConnection(rawConnection, "run tools", signal, async (tools, started) => {
      const result = await tools.invokeDetailed(tool, input === undefined ? {} : input, signal ? { signal } : {});
      const attempts = result.meta.attempts;
      return {
        ok: true,
        data: toJsonSafe(result.data) ?? null,
        meta: {
          tool,
          attempts: typeof attempts === "number" && Number.isFinite(attempts) ? attempts : 1,
          rateLimit: toSpojitRateLimit(result.meta.rateLimit),
          durationMs: Math.round(performance.now() - started),
        },
      };
    });
  };

  const poll = async (request: unknown, signal: AbortSignal | undefined): Promise<SpojitPollResult> => {
    const checked = checkPollRequest(request);
    if (!checked.ok) return checked;
    return withConnection(checked.connection, "poll triggers", signal, async (tools, started): Promise<SpojitPollResult> => {
      const pollEvents = tools.pollEvents;
      if (pollEvents === undefined) {
        return failure(spojitError("INTERNAL", { message: "This executor's Front client cannot read the events feed, so triggers cannot be polled." }));
      }
      const polled = await pollEvents(feedOptionsFor(checked), signal ? { signal } : {});
      const { events, skipped } = toPolledEvents(checked.spec, checked.configuration, polled.events);
      return {
        ok: true,
        events,
        cursor: polled.cursorString,
        meta: { trigger: checked.spec.name, skipped, durationMs: Math.round(performance.now() - started) },
      };
    });
  };

  return {
    tools: toolNames,
    get connectionCount() {
      return pool.size;
    },
    execute: async <T>(request: SpojitExecuteRequest, callOptions?: SpojitExecuteOptions) => {
      try {
        const signal = callOptions?.signal;
        const result = await run(request, signal instanceof AbortSignal ? signal : undefined);
        // Once more over the whole result with whatever token was passed, valid or not: even an
        // echoed tool name or a rejected connection must not carry it back.
        const token = (request as { connection?: { token?: unknown } } | null)?.connection?.token;
        return (typeof token === "string" ? redactResult(result, token) : result) as SpojitExecuteResult<T>;
      } catch {
        // Last line of defence: the promise must resolve even if something above threw.
        return failure(spojitError("INTERNAL"));
      }
    },
    testConnection: async (connection: SpojitConnection, callOptions?: SpojitExecuteOptions) => {
      try {
        const signal = callOptions?.signal;
        const result = await run(
          { tool: "raw-api-request", input: { method: "GET", path: "/me" }, connection },
          signal instanceof AbortSignal ? signal : undefined,
        );
        if (!result.ok) return result;
        // raw-api-request answers { status, body, … }; the identity is the body.
        const body = (result.data as { body?: unknown } | null)?.body ?? null;
        return { ...result, data: body, meta: { ...result.meta, tool: "test-connection" } };
      } catch {
        return failure(spojitError("INTERNAL"));
      }
    },
    pollTrigger: async (request: SpojitPollRequest, callOptions?: SpojitExecuteOptions) => {
      try {
        const signal = callOptions?.signal;
        const result = await poll(request, signal instanceof AbortSignal ? signal : undefined);
        // As for execute: whatever token was passed, valid or not, never comes back.
        const token = (request as { connection?: { token?: unknown } } | null)?.connection?.token;
        if (typeof token !== "string") return result;
        return result.ok ? redactSecret(result, token) : redactResult(result, token);
      } catch {
        return failure(spojitError("INTERNAL"));
      }
    },
    dispose: () => pool.close(),
  };
};
