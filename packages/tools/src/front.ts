/**
 * The `Front` service: one configured Front client (one token) with the request
 * boundary, the retry schedule, the shared rate limiter and the per-instance
 * caches every tool uses.
 */
import { Config, Context, type Duration, Effect, Layer, Option, Redacted } from "effect";
import { type FrontToolError, invalidInput, type InvalidInput } from "./errors.js";
import { makeAttempts } from "./front-attempts.js";
import { checkedToken, openFrontClient } from "./front-client.js";
import { type FrontCall, makeExchange } from "./front-exchange.js";
import { resolveFrontBudget } from "./front-options.js";
import { type FrontResponse, makeSettle, type RequestOptions } from "./front-settle.js";
import { limiterSettingIssues } from "./limiter-options.js";
import { makeRateLimiter, type RateLimiter } from "./rate-limiter.js";
import { makeRedactor } from "./redact-secret.js";
import { type RequestEvent, RequestObserver } from "./request-events.js";
import type { FrontRetrySchedule } from "./retry.js";
import { makeListCache } from "./shared/list-cache.js";
import { sharedStateFor } from "./shared/shared-state.js";

/** Configuration of one Front service instance. */
export interface FrontConfig {
  /** The Front API token; kept as `Redacted` so it prints as `<redacted>`. */
  readonly token: Redacted.Redacted<string> | string;
  /** Core API base URL (default `https://api2.frontapp.com`); http only for loopback. */
  readonly baseUrl?: string | undefined;
  /** A fetch implementation (tests, proxies). */
  readonly fetch?: ((input: Request) => Promise<Response>) | undefined;
  /** Per-request timeout in ms (default 30 000). */
  readonly timeoutMs?: number | undefined;
  /** Prepended to frontkit's user agent. */
  readonly userAgent?: string | undefined;
  /** Largest answer read, in bytes after decompression (default 32 MiB); a larger one is UnexpectedResponse. */
  readonly maxResponseBytes?: number | undefined;
  /**
   * Most bytes of answers one tool call reads across all its pages, retries included (default 64 MiB); past
   * it the call fails with UnexpectedResponse naming this option. Bounds the memory a call (and the cached
   * list it loads) can hold; `maxResponseBytes` bounds one answer.
   */
  readonly maxCallBytes?: number | undefined;
  /**
   * Most pages one whole-list read may request — list-tags, list-inboxes, list-teammates and the tag/inbox
   * lists tools resolve names against (default 100; empty pages count). A list that goes on past it fails with
   * UnexpectedResponse naming this option rather than coming back short.
   */
  readonly maxListPages?: number | undefined;
  /** Replaces the retry schedule (default `FrontRetry.default`). Which failures may be retried stays fixed. */
  readonly retry?: FrontRetrySchedule | undefined;
  /** Cap on a 429's retry-after for the default schedule and the shared gate (default 60 s). */
  readonly maxRetryAfter?: Duration.Input | undefined;
  /** Requests in flight at once for this token (default 50, at most 1000). */
  readonly maxConcurrency?: number | undefined;
  /** Requests per second per burst-limited resource type (default 5, Front's burst limit; 0, or above 1000, disables burst pacing). */
  readonly burstPerSecond?: number | undefined;
  /**
   * Which resource types are burst-paced: `"learn"` those Front refused with a burst 429, `"always"` all of them.
   * Default `"learn"` for one process; `"always"` with `redisUrl`, where several processes start bursts at once and
   * learning costs each of them refused requests (measured: 5.7 % of requests answered 429 vs 0.7 %).
   */
  readonly burstPacing?: "learn" | "always" | undefined;
  /** How long list-tags / list-inboxes results are reused (default 5 minutes; 0 disables). */
  readonly cacheTtl?: Duration.Input | undefined;
  /** Observes every HTTP attempt and retry wait of every call (method, path template, status, timings; never the token or a body). */
  readonly onRequest?: ((event: RequestEvent) => void) | undefined;
  /**
   * `redis://` or `rediss://` URL of a Redis shared by every process serving the same accounts (replicas, worker
   * pools): the rate limiter's state and the cached tag/inbox lists are then kept there, per account. One
   * connection per process; while Redis is unreachable each process falls back to its own state. Needs the
   * `ioredis` package (an optional peer dependency).
   */
  readonly redisUrl?: string | undefined;
}

export type { FetchResult, FrontCall, RequestControl } from "./front-exchange.js";
export type { FrontResponse, RequestOptions } from "./front-settle.js";

/** The service every tool depends on. */
export interface FrontService {
  /** The base URL every request goes to. */
  readonly baseUrl: string;
  /**
   * Sends one logical request through the boundary: rate limiter, retry schedule, typed errors.
   * `operation` names it in errors (e.g. "list-tags" or "GET /tags").
   */
  readonly request: {
    <A>(operation: string, call: FrontCall<A>, options: RequestOptions & { readonly accept: ReadonlyArray<number> }): Effect.Effect<FrontResponse<A | undefined>, FrontToolError>;
    <A>(operation: string, call: FrontCall<A>, options: RequestOptions): Effect.Effect<FrontResponse<A>, FrontToolError>;
  };
  /** Memoizes `load` under `key` for the configured cache TTL (concurrent callers share one load; failures are not kept). */
  readonly cached: <A, E, R>(key: string, load: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>;
  /** Drops cached entries whose key starts with `prefix` (all when omitted). */
  readonly invalidate: (prefix?: string) => Effect.Effect<void>;
  /** The shared rate limiter (diagnostics: last rate-limit headers, gate). */
  readonly limiter: RateLimiter;
  /** Page budget of whole-list reads (`maxListPages`; absent: the default of 100). */
  readonly maxListPages?: number;
}

/**
 * Builds the service from a configuration; fails with InvalidInput on a bad token, base URL or option.
 * Each step is one named piece: the token and core client (front-client.ts), the budgets (front-options.ts),
 * the limiter, the exchange (front-exchange.ts), reading the answer (front-settle.ts), attempts and retries
 * (front-attempts.ts) and the list cache (shared/list-cache.ts, in Redis when `redisUrl` is set).
 */
export const makeFront = (config: FrontConfig): Effect.Effect<FrontService, InvalidInput> =>
  Effect.gen(function* () {
    const token = yield* checkedToken(config.token);
    const redact = makeRedactor([token]);
    const client = yield* openFrontClient(token, config);
    const { maxCallBytes, maxListPages, maxRetryAfterMs, schedule, cacheTtlMs } = yield* resolveFrontBudget(config);
    const limiterIssues = limiterSettingIssues({
      maxConcurrency: config.maxConcurrency,
      burstPerSecond: config.burstPerSecond,
      burstPacing: config.burstPacing,
      maxRetryAfterMs,
    });
    if (limiterIssues.length > 0) return yield* Effect.fail(invalidInput(limiterIssues, { summary: "Invalid Front configuration" }));
    // Shared state (issue 15): with a Redis URL the limiter's state and the cached lists live there, per account.
    const shared = config.redisUrl === undefined ? undefined : sharedStateFor(config.redisUrl, Redacted.value(token));
    if (shared !== undefined && !shared.ok) {
      return yield* Effect.fail(invalidInput([{ path: "redisUrl", message: shared.problem }], { summary: "Invalid Front configuration" }));
    }
    // The shared rate limiter of this token (rate-limiter.ts): built in this one call, used by settle and attempts.
    const limiter = yield* makeRateLimiter({
      ...(shared === undefined ? {} : shared.limiterOptions),
      maxConcurrency: config.maxConcurrency,
      burstPerSecond: config.burstPerSecond,
      // Several processes share one budget: pace every resource type from the start rather than learn by 429s.
      burstPacing: config.burstPacing ?? (shared === undefined ? undefined : "always"),
      maxRetryAfterMs,
    });
    const exchange = makeExchange(client, redact.text);
    const settle = makeSettle({ limiter, redact, maxCallBytes });
    const attempts = makeAttempts({ limiter, schedule, exchange, settle });

    const request = <A>(operation: string, call: FrontCall<A>, options: RequestOptions): Effect.Effect<FrontResponse<A>, FrontToolError> => {
      const plain = attempts.plain(operation, call, options);
      // Observers: the configuration's (for every call) and the current call's; nobody listening costs one lookup.
      const exchangeWithObservers = Effect.withFiber<FrontResponse<A>, FrontToolError>((fiber) => {
        const perCall = fiber.getRef(RequestObserver);
        const observe =
          perCall === undefined ? config.onRequest : config.onRequest === undefined ? perCall : (e: RequestEvent) => (config.onRequest?.(e), perCall(e));
        return observe === undefined ? plain : attempts.observed(operation, call, options, observe);
      });
      // No stack capture: it costs more than the rest of the boundary, and `operation` already names the call site.
      return Effect.withSpan(exchangeWithObservers, "Front.request", { attributes: { operation }, captureStackTrace: false });
    };

    const { cached, invalidate } = makeListCache(cacheTtlMs, shared?.listCacheStore);
    return { baseUrl: client.baseUrl, request: request as FrontService["request"], cached, invalidate, limiter, ...(maxListPages === undefined ? {} : { maxListPages }) };
  });

/** The Front service: `Front.layer(config)`, `Front.layerConfig` (env FRONT_API_TOKEN, FRONT_API_BASE_URL). */
export class Front extends Context.Service<Front, FrontService>()("@frontkit/tools/Front") {
  /** Builds the service value from a configuration. */
  static readonly make = makeFront;
  /** A layer from an explicit configuration. */
  static readonly layer = (config: FrontConfig): Layer.Layer<Front, InvalidInput> => Layer.effect(Front, makeFront(config));
  /**
   * A layer reading `FRONT_API_TOKEN` (as Redacted), optional `FRONT_API_BASE_URL` and optional
   * `FRONTKIT_REDIS_URL` (shared state; an explicit `redisUrl` option wins); other options may be given.
   */
  static readonly layerConfig = (options: Omit<FrontConfig, "token" | "baseUrl"> = {}) =>
    Layer.effect(
      Front,
      Effect.gen(function* () {
        const token = yield* Config.Redacted("FRONT_API_TOKEN");
        const baseUrl = yield* Config.option(Config.String("FRONT_API_BASE_URL"));
        const redisUrl = options.redisUrl ?? Option.getOrUndefined(yield* Config.option(Config.String("FRONTKIT_REDIS_URL")));
        return yield* makeFront({ ...options, token, baseUrl: Option.getOrUndefined(baseUrl), ...(redisUrl === undefined ? {} : { redisUrl }) });
      }),
    );
}
