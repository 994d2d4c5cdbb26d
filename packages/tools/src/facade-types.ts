/**
 * The Promise facade's public types as plain declarations, for `@frontkit/tools/promise`.
 *
 * Why plain: the facade's types in the main entry are derived from the tools' Effect schemas, so a consumer's
 * `tsc` would load Effect's whole declaration graph (≈ 250k lines) to check one `front.listTags()` call. Nothing
 * here imports `effect` or `@frontkit/core` (core's declarations hold the whole spec), which keeps a Promise
 * consumer's typecheck near an empty file's (issue 7).
 *
 * The tools' inputs, outputs and records (and `FrontToolMethods`, `FrontToolTypes`) are generated at build time from
 * the schemas by scripts/facade-types.mjs into generated/facade-tools.ts: adding a tool needs nothing here. What
 * stays in this file is the facade's own options, events and errors, which no schema describes;
 * test/promise-types.test.ts proves each equal to (or a fitting subset of) the main entry's type.
 */
import type { FrontToolMethods, FrontToolTypes, Attachment, QueryValue, Timestamp } from "./generated/facade-tools.js";

export type * from "./generated/facade-tools.js";

/** @deprecated The name of {@link Attachment} before the facade's types were generated from the schemas. */
export type MessageAttachmentInfo = Attachment;
/** @deprecated The name of {@link QueryValue} before the facade's types were generated from the schemas. */
export type RawQueryValue = QueryValue;

/** One progress report: `progress` grows with every report and is never above `total`; `total` when known (it may grow, never shrinks). */
export interface ProgressUpdate {
  readonly progress: number;
  readonly total?: number;
  readonly message?: string;
}

/** One HTTP attempt, answered or not. */
export interface RequestAttemptEvent {
  readonly type: "attempt";
  /** Method and Front path template, e.g. `GET /contacts/{contact_id}`. */
  readonly operation: string;
  /** 1 for the first try of this request, 2 for the first retry, … */
  readonly attempt: number;
  /** Front's HTTP status; absent when no response came (reset, timeout, …). */
  readonly status?: number;
  /** The typed error's tag when the attempt failed (a non-2xx answer or none). */
  readonly error?: string;
  /** From sending the request to having its answer read, in milliseconds. */
  readonly durationMs: number;
  /** How long the attempt waited for the rate limiter (concurrency, burst pacing, a 429's gate) before it was sent. */
  readonly queuedMs: number;
}

/** A wait before trying a request again, decided by the retry schedule. */
export interface RequestRetryEvent {
  readonly type: "retry";
  /** Method and Front path template. */
  readonly operation: string;
  /** The attempt about to be made after the wait (2 for the first retry). */
  readonly attempt: number;
  /** The wait, in milliseconds (a 429's retry-after, or backoff). */
  readonly delayMs: number;
  /** The tag of the failure being retried (`RateLimited`, `ServerError`, `Transport`). */
  readonly reason: string;
  /** Its HTTP status, when Front answered. */
  readonly status?: number;
}

/** What the request boundary reports: each attempt and each retry wait. */
export type RequestEvent = RequestAttemptEvent | RequestRetryEvent;

/** Per-call options. */
export interface InvokeOptions {
  /** Aborting it interrupts the tool and aborts its in-flight request. */
  readonly signal?: AbortSignal | undefined;
  /** Progress of long tools (paging). */
  readonly onProgress?: ((progress: ProgressUpdate) => void) | undefined;
  /** Each HTTP attempt and retry wait of this call (method, path template, status, timings; never the token or a body). */
  readonly onRequest?: ((event: RequestEvent) => void) | undefined;
}

/** Rate-limit headers of a response (as `@frontkit/core` parses them). */
export interface RateLimitInfo {
  /** `x-ratelimit-limit`: requests allowed per window for the company. */
  readonly limit?: number;
  /** `x-ratelimit-remaining`: requests left in the current window. */
  readonly remaining?: number;
  /** `x-ratelimit-reset` converted from unix seconds to unix milliseconds. */
  readonly resetAt?: number;
  /** `retry-after` converted to milliseconds from `now` (never negative). */
  readonly retryAfterMs?: number;
  /** `x-front-tier`: present when a burst (per-resource) limit was hit rather than the company limit. */
  readonly tier?: string;
}

/** Result of `invokeDetailed`. */
export interface DetailedResult<O> {
  readonly data: O;
  readonly meta: {
    /** HTTP attempts sent by this call, retries included. */
    readonly attempts: number;
    /** Rate-limit headers of the last response. */
    readonly rateLimit: RateLimitInfo;
  };
}

/** Units of a duration string such as `"30 seconds"`. */
export type DurationUnit =
  | "nano"
  | "nanos"
  | "micro"
  | "micros"
  | "milli"
  | "millis"
  | "second"
  | "seconds"
  | "minute"
  | "minutes"
  | "hour"
  | "hours"
  | "day"
  | "days"
  | "week"
  | "weeks";
/** A duration: milliseconds, or a string such as `"30 seconds"`. */
export type DurationInput = number | `${number} ${DurationUnit}`;

/**
 * Options of `createFrontTools` from `@frontkit/tools/promise`. The main entry's options also accept a
 * `Redacted` token, Effect `Duration`s and a custom retry `Schedule`; those need Effect, so they live there.
 */
export interface FrontToolsOptions {
  /** The Front API token. */
  readonly token: string;
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
  /** Most bytes of answers one call reads across all its pages (default 64 MiB); past it the call fails with UnexpectedResponse naming this option. */
  readonly maxCallBytes?: number | undefined;
  /** Most pages one whole-list read may request (default 100; empty pages count); past it UnexpectedResponse names this option. */
  readonly maxListPages?: number | undefined;
  /** Cap on a 429's retry-after (default 60 s). */
  readonly maxRetryAfter?: DurationInput | undefined;
  /** Requests in flight at once for this token (default 50, at most 1000). */
  readonly maxConcurrency?: number | undefined;
  /** Requests per second per burst-limited resource type (default 5, Front's burst limit; 0, or above 1000, disables burst pacing). */
  readonly burstPerSecond?: number | undefined;
  /** Which resource types are burst-paced: `"learn"` (default) those Front refused with a burst 429, `"always"` all of them. */
  readonly burstPacing?: "learn" | "always" | undefined;
  /** How long list-tags / list-inboxes results are reused (default 5 minutes; 0 disables). */
  readonly cacheTtl?: DurationInput | undefined;
  /** Observes every HTTP attempt and retry wait of every call (method, path template, status, timings; never the token or a body). */
  readonly onRequest?: ((event: RequestEvent) => void) | undefined;
  /** `redis://` or `rediss://` URL of a Redis shared by every process serving the same accounts: the limiter's state and cached lists are kept there (needs the `ioredis` package). */
  readonly redisUrl?: string | undefined;
}

/** The `source` or `target` of an event: what kind of resource (`_meta.type`) and the resource (`data`). */
export interface FrontEventParty {
  readonly _meta: { readonly type: string };
  readonly data?: unknown;
}

/**
 * A Front event (`evt_…`) as `GET /events` lists it; at runtime every field Front sent is kept. The main entry
 * types `conversation` as Front's conversation resource; here it is any object with an id.
 */
export interface FrontEvent {
  readonly id: string;
  /** `inbound`, `outbound`, `tag`, `assign`, … (Front adds types; unknown ones arrive as they are). */
  readonly type: string;
  /** Unix seconds with decimals. */
  readonly emitted_at: number;
  readonly source?: FrontEventParty;
  readonly target?: FrontEventParty;
  readonly conversation?: { readonly id: string; readonly [field: string]: unknown };
  readonly _links?: { readonly self?: string };
}

/** A persisted position in the events feed (store it, or its string form, between runs). */
export interface EventCursor {
  readonly v: 1;
  /** Unix seconds: the next poll asks for events after `after − overlapSeconds`. */
  readonly after: number;
  /** Ids of delivered events near `after`, skipped when Front lists them again. */
  readonly seen: ReadonlyArray<string>;
}

/** Options of `pollEvents` and `events`. */
export interface EventsFeedOptions {
  /** Only these event types (`inbound`, `tag`, …; any `[a-z_]+`). Default: all. */
  readonly types?: ReadonlyArray<string>;
  /** Only events of these inboxes (`inb_…`). */
  readonly inboxIds?: ReadonlyArray<string>;
  /** Where to continue: a cursor or `cursorString` from an earlier poll. Wins over `since`. */
  readonly cursor?: EventCursor | string;
  /** Without a cursor: events emitted after this time (ISO 8601 or unix seconds). Default: now. */
  readonly since?: Timestamp;
  /** Seconds re-read below the cursor and held back before delivery (default 5, at most 300). */
  readonly overlapSeconds?: number;
  /** Most events one poll delivers (default 1000). */
  readonly maxEventsPerPoll?: number;
}

/** Result of `pollEvents`. */
export interface EventsPoll {
  /** New events, oldest first. */
  readonly events: ReadonlyArray<FrontEvent>;
  /** Where the next poll continues. */
  readonly cursor: EventCursor;
  /** The cursor as a compact string. */
  readonly cursorString: string;
}

/** One event of `events()`, with the cursor to persist once it is handled. */
export interface EventsFeedItem {
  readonly event: FrontEvent;
  readonly cursor: EventCursor;
}

/** Options of `events()`. */
export interface EventsIteratorOptions extends EventsFeedOptions {
  /** Wait between polls that found nothing more to read, in ms (default 30 000, at least 1 000). */
  readonly pollIntervalMs?: number | undefined;
  /** Aborting it ends the iteration (interrupting a wait or an in-flight request); no error is thrown. */
  readonly signal?: AbortSignal | undefined;
}

type KebabToCamel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<KebabToCamel<T>>}` : S;

/** Each tool's input and output by its kebab-case and its camelCase name (`list-tags`, `listTags`). */
export type FrontToolTypesByAnyName = FrontToolTypes & { readonly [K in keyof FrontToolTypes as KebabToCamel<K>]: FrontToolTypes[K] };

/** A tool name `invoke` knows, kebab-case or camelCase. */
export type FrontToolName = keyof FrontToolTypesByAnyName & string;

/** `invoke`: typed by the tool for a literal tool name, `unknown` for any other string. */
export interface InvokeTool {
  <N extends FrontToolName>(name: N, input: FrontToolTypesByAnyName[N]["input"], options?: InvokeOptions): Promise<FrontToolTypesByAnyName[N]["output"]>;
  <S extends string>(name: S extends FrontToolName ? never : S, input: unknown, options?: InvokeOptions): Promise<unknown>;
}

/** `invokeDetailed`: typed by the tool for a literal tool name, `unknown` data for any other string. */
export interface InvokeToolDetailed {
  <N extends FrontToolName>(
    name: N,
    input: FrontToolTypesByAnyName[N]["input"],
    options?: InvokeOptions,
  ): Promise<DetailedResult<FrontToolTypesByAnyName[N]["output"]>>;
  <S extends string>(name: S extends FrontToolName ? never : S, input: unknown, options?: InvokeOptions): Promise<DetailedResult<unknown>>;
}

/** The Front tools behind Promises. */
export interface FrontTools extends FrontToolMethods {
  /**
   * Runs a tool by name (`list-tags`; camelCase accepted); an unknown name rejects with InvalidInput listing the
   * valid ones. A literal tool name types the input and the result by that tool.
   */
  readonly invoke: InvokeTool;
  /** Like `invoke`, resolving to `{ data, meta: { attempts, rateLimit } }`: HTTP attempts sent (retries included) and the last rate-limit headers. */
  readonly invokeDetailed: InvokeToolDetailed;
  /** Polls Front's events once: new events oldest first and the cursor to pass next time. */
  readonly pollEvents: (options?: EventsFeedOptions, invokeOptions?: InvokeOptions) => Promise<EventsPoll>;
  /** Every event from the cursor (or `since`, default now) on, each with the cursor to persist once handled; ends on `break` or `signal`. */
  readonly events: (options?: EventsIteratorOptions) => AsyncIterable<EventsFeedItem>;
  /** Releases the runtime and ends running event iterations; later calls reject with Disposed. */
  readonly dispose: () => Promise<void>;
}

/** The `_tag` of every error a tool call can reject with. */
export type FrontToolErrorTag =
  | "InvalidInput"
  | "Unauthorized"
  | "Forbidden"
  | "NotFound"
  | "Conflict"
  | "Validation"
  | "RateLimited"
  | "ServerError"
  | "Transport"
  | "UnexpectedResponse"
  | "Disposed";

/** What every rejection of a tool call carries (the main entry exports each error's class with its own fields). */
export interface FrontToolFailure extends Error {
  readonly _tag: FrontToolErrorTag;
  readonly message: string;
  /** Whether trying again later may succeed. */
  readonly retryable: boolean;
  /** The HTTP status Front answered, when there was an answer. */
  readonly status?: number;
  /** Front's `x-request-id`, for Front support. */
  readonly requestId?: string;
  /** The tool or operation that failed. */
  readonly operation?: string;
}
