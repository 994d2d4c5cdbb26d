/**
 * The `Front` service: one configured Front client (one token) with the request
 * boundary, the retry schedule, the shared rate limiter and the per-instance
 * caches every tool uses.
 */
import { createFrontClient, type FrontClient, parseRateLimit, type RateLimitInfo, responseBodyBytes } from "@frontkit/core";
import { Cause, Clock, Config, Context, Duration, Effect, Exit, Layer, Option, Redacted, Schedule } from "effect";
import { CurrentCallBudget, DEFAULT_MAX_CALL_BYTES } from "./call-budget.js";
import { type FrontToolError, invalidInput, type InvalidInput, UnexpectedResponse } from "./errors.js";
import { errorFromResponse, errorFromThrown } from "./http-errors.js";
import { limiterSettingIssues } from "./limiter-options.js";
import { makeRateLimiter, type RateLimiter } from "./rate-limiter.js";
import { notifyObserver, type RequestEvent, RequestObserver } from "./request-events.js";
import { CurrentRequestMeter } from "./request-meter.js";
import { checkFrontToken } from "./token.js";
import { makeListCache } from "./shared/list-cache.js";
import { sharedStateFor } from "./shared/shared-state.js";
import { DEFAULT_MAX_RETRY_AFTER_MS, FrontRetry, type FrontRetrySchedule, makeFrontRetry, shouldRetry } from "./retry.js";

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
  /** Which resource types are burst-paced: `"learn"` (default) those Front refused with a burst 429, `"always"` all of them. */
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

/** What openapi-fetch resolves with. */
export interface FetchResult<A> {
  readonly data?: A;
  readonly error?: unknown;
  readonly response: Response;
}

/** Options of one request through the boundary. */
export interface RequestOptions {
  /** True when sending it twice is harmless (GET, PUT, DELETE, …); only then are 5xx and transport failures retried. */
  readonly idempotent: boolean;
  /** Non-2xx statuses to hand back instead of failing (e.g. 301 for merged conversations); `data` is then undefined. */
  readonly accept?: ReadonlyArray<number>;
}

/** A successful exchange. */
export interface FrontResponse<A> {
  readonly data: A;
  readonly status: number;
  readonly headers: Headers;
  readonly rateLimit: RateLimitInfo;
}

/**
 * What the boundary hands each call, so interruption cancels the request. Spread it into core's
 * `request()` init (`{ params, ...control }`: only `onCancel` is copied, no signal is made), or take
 * `control.signal` for APIs that need an AbortSignal, such as openapi-fetch's `client.GET`.
 */
export interface RequestControl {
  /** Receives core's canceller for this request; the boundary calls it when the fiber is interrupted. */
  readonly onCancel: (cancel: (reason?: unknown) => void) => void;
  /** An AbortSignal aborted on interruption, created on first read (a getter: spreading the control skips it). */
  readonly signal: AbortSignal;
}

/** The boundary's RequestControl: `onCancel` is an own property, `signal` a lazy prototype getter. */
class FiberControl implements RequestControl {
  private cancel: ((reason?: unknown) => void) | undefined;
  private controller: AbortController | undefined;
  readonly onCancel = (cancel: (reason?: unknown) => void): void => {
    this.cancel = cancel;
  };
  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    return this.controller.signal;
  }
  abort(): void {
    this.cancel?.();
    this.controller?.abort();
  }
}

/** Runs one core request; receives the typed client and the control that ties it to the fiber. */
export type FrontCall<A> = (client: FrontClient, control: RequestControl) => Promise<FetchResult<A>>;

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

const DEFAULT_CACHE_TTL_MS = 5 * 60_000;

const scrubberFor = (token: string) => (text: string): string =>
  token.length === 0 ? text : text.split(token).join("<redacted>");

/**
 * The response headers as tools may see them: a Front (or a proxy) echoing the Authorization header into a
 * header (a request id, `x-front-tier`) must not carry the token into errors or results. Scrubbed once here,
 * so every reader of `headers` and `rateLimit` gets the clean copy; the common clean answer is not copied.
 */
const scrubbedHeaders = (headers: Headers, token: string, scrub: (text: string) => string): Headers => {
  let echoed = false;
  headers.forEach((value) => {
    if (!echoed && value.includes(token)) echoed = true;
  });
  if (!echoed) return headers;
  const clean = new Headers();
  headers.forEach((value, name) => clean.append(name, scrub(value)));
  return clean;
};

const configError = (cause: unknown): InvalidInput => {
  const field = typeof cause === "object" && cause !== null && typeof (cause as { field?: unknown }).field === "string"
    ? (cause as { field: string }).field
    : "config";
  const message = cause instanceof Error ? cause.message : "invalid Front configuration";
  return invalidInput([{ path: field, message }], { summary: "Invalid Front configuration" });
};

/**
 * A failure to encode the request on this machine, before anything was sent: a lone UTF-16 surrogate cannot be
 * put in a URL (URIError), a body nested thousands deep overflows the serializer (RangeError). The caller's
 * input is at fault, so it is InvalidInput — never a retried Transport failure advising to check connectivity.
 */
const localEncodingProblem = (cause: unknown): string | undefined => {
  let cur: unknown = cause;
  for (let i = 0; i < 4 && typeof cur === "object" && cur !== null; i++) {
    if (cur instanceof URIError) return "a value contains text that cannot be encoded in a URL (a lone UTF-16 surrogate); remove or replace that character";
    if (cur instanceof RangeError && /call stack/i.test(cur.message)) return "the request body is nested too deeply to encode; send a flatter body";
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
};

const isInputError = (u: unknown): boolean =>
  typeof u === "object" && u !== null && (u as { name?: unknown }).name === "FrontInputError";

/** Builds the service from a configuration; fails with InvalidInput on a bad token, base URL or option. */
export const makeFront = (config: FrontConfig): Effect.Effect<FrontService, InvalidInput> =>
  Effect.gen(function* () {
    // The one token rule (token.ts), before anything else: the same tokens are refused here as in every adapter.
    const checked = checkFrontToken(Redacted.isRedacted(config.token) ? Redacted.value(config.token) : config.token);
    if (!checked.ok) return yield* Effect.fail(invalidInput([{ path: "token", message: checked.problem }], { summary: "Invalid Front configuration" }));
    const token = checked.token;
    const scrub = scrubberFor(token);
    const client = yield* Effect.try({
      try: () =>
        createFrontClient({
          token,
          baseUrl: config.baseUrl,
          fetch: config.fetch,
          timeoutMs: config.timeoutMs,
          userAgent: config.userAgent,
          maxResponseBytes: config.maxResponseBytes,
        }),
      catch: configError,
    });
    const maxCallBytes = config.maxCallBytes ?? DEFAULT_MAX_CALL_BYTES;
    if (typeof maxCallBytes !== "number" || !Number.isSafeInteger(maxCallBytes) || maxCallBytes <= 0) {
      return yield* Effect.fail(
        invalidInput([{ path: "maxCallBytes", message: "maxCallBytes must be a positive whole number of bytes" }], { summary: "Invalid Front configuration" }),
      );
    }
    // Absent: collectAll's own default (pagination.ts) applies.
    const maxListPages = config.maxListPages;
    if (maxListPages !== undefined && (typeof maxListPages !== "number" || !Number.isSafeInteger(maxListPages) || maxListPages <= 0)) {
      return yield* Effect.fail(
        invalidInput([{ path: "maxListPages", message: "maxListPages must be a positive whole number of pages" }], { summary: "Invalid Front configuration" }),
      );
    }
    const overBudget = (operation: string, bytes: number): UnexpectedResponse =>
      new UnexpectedResponse({
        retryable: false,
        operation,
        message: `The call stopped reading Front's answers for ${operation}: together they exceed the per-call budget of ${maxCallBytes} bytes (${bytes} read; the maxCallBytes option). Ask for fewer results (max_results, max_pages) or raise maxCallBytes.`,
      });
    const maxRetryAfterMs = Duration.toMillis(config.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER_MS);
    const limiterIssues = limiterSettingIssues({
      maxConcurrency: config.maxConcurrency,
      burstPerSecond: config.burstPerSecond,
      burstPacing: config.burstPacing,
      maxRetryAfterMs,
    });
    if (limiterIssues.length > 0) return yield* Effect.fail(invalidInput(limiterIssues, { summary: "Invalid Front configuration" }));
    const schedule =
      config.retry ?? (config.maxRetryAfter === undefined ? FrontRetry.default : makeFrontRetry({ maxRetryAfter: maxRetryAfterMs }));
    const shared = config.redisUrl === undefined ? undefined : sharedStateFor(config.redisUrl, token);
    if (shared !== undefined && !shared.ok) {
      return yield* Effect.fail(invalidInput([{ path: "redisUrl", message: shared.problem }], { summary: "Invalid Front configuration" }));
    }
    const limiter = yield* makeRateLimiter({
      ...(shared === undefined ? {} : shared.limiterOptions),
      maxConcurrency: config.maxConcurrency,
      burstPerSecond: config.burstPerSecond,
      burstPacing: config.burstPacing,
      maxRetryAfterMs,
    });
    const cacheTtlMs = Duration.toMillis(config.cacheTtl ?? DEFAULT_CACHE_TTL_MS);

    /** Maps a rejection of the call (no HTTP answer, or core refusing the input) to its typed error. */
    const thrownError = (operation: string, cause: unknown, idempotent: boolean): FrontToolError => {
      if (isInputError(cause)) return invalidInput([{ path: (cause as { field: string }).field, message: scrub((cause as Error).message) }], { operation });
      const local = localEncodingProblem(cause);
      if (local !== undefined) return invalidInput([{ path: "input", message: local }], { operation });
      return errorFromThrown(operation, cause, idempotent, scrub);
    };

    /**
     * The HTTP exchange itself. `Effect.callback` and core's `onCancel` rather than `tryPromise` and an
     * AbortSignal: interruption cancels the request either way, and no signal or listener is made per call.
     */
    const exchange = <A>(operation: string, call: FrontCall<A>, idempotent: boolean): Effect.Effect<FetchResult<A>, FrontToolError> =>
      Effect.callback<FetchResult<A>, FrontToolError>((resume) => {
        const control = new FiberControl();
        let pending: Promise<FetchResult<A>>;
        try {
          pending = call(client, control);
        } catch (cause) {
          resume(Effect.fail(thrownError(operation, cause, idempotent)));
          return;
        }
        pending.then(
          (result) => resume(Effect.succeed(result)),
          (cause: unknown) => resume(Effect.fail(thrownError(operation, cause, idempotent))),
        );
        return Effect.sync(() => control.abort());
      });

    /** Reads an answer: rate-limit headers fed back to the limiter and the meter, non-2xx turned into its typed error. */
    const settle = <A>(operation: string, result: FetchResult<A>, options: RequestOptions) =>
      Effect.withFiber<FrontResponse<A>, FrontToolError>((fiber) => {
        const now = fiber.getRef(Clock.Clock).currentTimeMillisUnsafe();
        const meter = fiber.getRef(CurrentRequestMeter);
        const { response } = result;
        const headers = scrubbedHeaders(response.headers, token, scrub);
        const budget = fiber.getRef(CurrentCallBudget);
        if (budget !== undefined) {
          budget.bytes += responseBodyBytes(response) ?? 0;
          if (budget.bytes > maxCallBytes) return Effect.fail(overBudget(operation, budget.bytes));
        }
        const rateLimit = parseRateLimit(headers, now);
        limiter.observe(rateLimit, now);
        if (meter !== undefined) meter.rateLimit = rateLimit;
        const status = response.status;
        if (status === 429) limiter.trip(rateLimit.retryAfterMs, now, { operation, tier: rateLimit.tier, remaining: rateLimit.remaining });
        const accepted = options.accept?.includes(status) ?? false;
        if ((status < 200 || status > 299) && !accepted) {
          return Effect.fail(
            errorFromResponse({
              operation,
              status,
              body: result.error,
              requestId: headers.get("x-request-id") ?? undefined,
              rateLimit,
              idempotent: options.idempotent,
              scrub,
            }),
          );
        }
        return Effect.succeed({ data: (accepted && !response.ok ? undefined : result.data) as A, status, headers, rateLimit });
      });

    /** One HTTP attempt, already inside the limiter: counted, sent, its answer read and typed. */
    const send = <A>(operation: string, call: FrontCall<A>, options: RequestOptions): Effect.Effect<FrontResponse<A>, FrontToolError> =>
      Effect.withFiber((fiber) => {
        const meter = fiber.getRef(CurrentRequestMeter);
        if (meter !== undefined) meter.attempts++;
        return Effect.flatMap(exchange(operation, call, options.idempotent), (result) => settle(operation, result, options));
      });

    /** One HTTP attempt: inside the limiter, typed failure, headers fed back. */
    const attempt = <A>(operation: string, call: FrontCall<A>, options: RequestOptions): Effect.Effect<FrontResponse<A>, FrontToolError> =>
      limiter.withSlot(send(operation, call, options), operation);

    /** `once`, retried on the failures `shouldRetry` allows, on `retrySchedule`. */
    const withRetry = <A>(
      once: Effect.Effect<FrontResponse<A>, FrontToolError>,
      options: RequestOptions,
      retrySchedule: FrontRetrySchedule,
    ): Effect.Effect<FrontResponse<A>, FrontToolError> =>
      // The schedule is only set up once an attempt failed in a retryable way: the common, successful call
      // pays nothing for it. The first failure is replayed into the schedule so its timing is unchanged.
      Effect.catch(once, (first: FrontToolError) => {
        if (!shouldRetry(first, options.idempotent)) return Effect.fail(first);
        let replayed = false;
        const again = Effect.suspend(() => {
          if (replayed) return once;
          replayed = true;
          return Effect.fail(first);
        });
        return Effect.retry(again, { schedule: retrySchedule, while: (error: FrontToolError) => shouldRetry(error, options.idempotent) });
      });

    /**
     * The same request with every attempt and retry wait reported to `observe`: attempt number, status or
     * error tag, time queued in the limiter and time on the wire (the fiber's clock, so TestClock applies).
     */
    const observed = <A>(
      operation: string,
      call: FrontCall<A>,
      options: RequestOptions,
      observe: (event: RequestEvent) => void,
    ): Effect.Effect<FrontResponse<A>, FrontToolError> =>
      Effect.suspend(() => {
        let attempts = 0;
        const once = Effect.withFiber<FrontResponse<A>, FrontToolError>((fiber) => {
          const clock = fiber.getRef(Clock.Clock);
          const queuedAt = clock.currentTimeMillisUnsafe();
          const n = ++attempts;
          return limiter.withSlot(
            Effect.suspend(() => {
              const sentAt = clock.currentTimeMillisUnsafe();
              return Effect.onExit(send(operation, call, options), (exit) =>
                Effect.sync(() => {
                  const failure = Exit.isFailure(exit) ? Cause.findErrorOption(exit.cause) : Option.none();
                  // An interrupted attempt (cancelled call) has no outcome worth a line.
                  if (Exit.isFailure(exit) && Option.isNone(failure)) return;
                  const status = Exit.isSuccess(exit) ? exit.value.status : Option.isSome(failure) ? failure.value.status : undefined;
                  notifyObserver(observe, {
                    type: "attempt",
                    operation,
                    attempt: n,
                    ...(status === undefined ? {} : { status }),
                    ...(Option.isSome(failure) ? { error: failure.value._tag } : {}),
                    durationMs: clock.currentTimeMillisUnsafe() - sentAt,
                    queuedMs: sentAt - queuedAt,
                  });
                }),
              );
            }),
            operation,
          );
        });
        const reported = Schedule.modifyDelay(schedule, ({ duration, input }) =>
          Effect.sync(() => {
            notifyObserver(observe, {
              type: "retry",
              operation,
              attempt: attempts + 1,
              delayMs: Math.round(Duration.toMillis(duration)),
              reason: input._tag,
              ...(input.status === undefined ? {} : { status: input.status }),
            });
            return duration;
          }),
        );
        return withRetry(once, options, reported);
      });

    const request = <A>(operation: string, call: FrontCall<A>, options: RequestOptions): Effect.Effect<FrontResponse<A>, FrontToolError> => {
      const plain = withRetry(attempt(operation, call, options), options, schedule);
      // Observers: the configuration's (for every call) and the current call's; nobody listening costs one lookup.
      const exchangeWithObservers = Effect.withFiber<FrontResponse<A>, FrontToolError>((fiber) => {
        const perCall = fiber.getRef(RequestObserver);
        const observe =
          perCall === undefined ? config.onRequest : config.onRequest === undefined ? perCall : (e: RequestEvent) => (config.onRequest?.(e), perCall(e));
        return observe === undefined ? plain : observed(operation, call, options, observe);
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
