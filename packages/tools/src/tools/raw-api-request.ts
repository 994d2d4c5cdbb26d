/**
 * raw-api-request: any Core API endpoint the other tools do not cover.
 *
 * The path must match one of the spec's path templates for the method; it is
 * then sent as that template filled with its (re-encoded) parameters, on the
 * configured base URL only. For TypeScript callers `rawRequest` is the same
 * call typed by path from the spec.
 */
import {
  type FrontClient,
  type HttpMethod,
  type PathsWithMethod,
  type RateLimitInfo,
  request,
  type RequestInitFor,
  type RequestResult,
} from "@frontkit/core";
import { Effect, Schema } from "effect";
import { defineTool } from "../definition.js";
import { type FrontToolError, invalidInput } from "../errors.js";
import { Front } from "../front.js";
import { checkRawPath } from "../raw-paths.js";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** HTTP methods raw-api-request sends (either case). */
export const RawMethod = Schema.Literals([...METHODS, "get", "post", "put", "patch", "delete"]);

const QueryScalar = Schema.Union([Schema.String, Schema.Finite, Schema.Boolean]);
const QueryLeaf = Schema.Union([QueryScalar, Schema.Array(QueryScalar)]);
/** A query parameter: a scalar, a list, or one level of named fields (Front's `q[statuses][]=…`). */
export const QueryValue = Schema.Union([QueryLeaf, Schema.Record(Schema.String, QueryLeaf)]);

/** Input of raw-api-request. */
export const RawApiRequestInput = Schema.Struct({
  method: RawMethod.annotate({ description: "HTTP method: GET, POST, PUT, PATCH or DELETE." }),
  path: Schema.String.annotate({
    description: "Core API path relative to the base URL, with ids filled in, e.g. /conversations/cnv_123/comments (no query string, no host).",
  }),
  query: Schema.optionalKey(Schema.Record(Schema.String, QueryValue)).annotate({
    description: 'Query parameters, e.g. { "limit": 50, "q": { "statuses": ["assigned"] } }.',
  }),
  body: Schema.optionalKey(Schema.Json).annotate({ description: "JSON request body (not for GET)." }),
}).check(
  Schema.makeFilter((input) => {
    const method = input.method.toLowerCase() as HttpMethod;
    const check = checkRawPath(method, input.path);
    if (check._tag === "Refused") return { path: [check.field], issue: check.field === "path" ? `path ${check.reason}` : check.reason };
    if (method === "get" && input.body !== undefined) return { path: ["body"], issue: "a GET request has no body; pass parameters in query" };
    return undefined;
  }),
);
/** Input of raw-api-request. */
export type RawApiRequestInput = typeof RawApiRequestInput.Type;

/** Rate-limit headers of the answer. */
export const RawRateLimit = Schema.Struct({
  limit: Schema.optionalKey(Schema.Finite).annotate({ description: "Requests allowed per minute (x-ratelimit-limit)." }),
  remaining: Schema.optionalKey(Schema.Finite).annotate({ description: "Requests left in this window (x-ratelimit-remaining)." }),
  reset_at: Schema.optionalKey(Schema.Finite).annotate({ description: "When the window resets, unix time in milliseconds." }),
  retry_after_ms: Schema.optionalKey(Schema.Finite).annotate({ description: "Wait this long before the next request (retry-after), in ms." }),
});
/** Rate-limit headers of the answer. */
export type RawRateLimit = typeof RawRateLimit.Type;

/** Output of raw-api-request. */
export const RawApiRequestOutput = Schema.Struct({
  status: Schema.Int.annotate({ description: "HTTP status (2xx, or 301 when a conversation was merged; see location)." }),
  body: Schema.Unknown.annotate({ description: "Front's JSON answer (null when there is none, e.g. 204)." }),
  location: Schema.optionalKey(Schema.String).annotate({ description: "The Location of a 301 (merged conversation)." }),
  template: Schema.String.annotate({ description: "The spec path template the path matched." }),
  rate_limit: RawRateLimit,
});
/** Output of raw-api-request. */
export type RawApiRequestOutput = typeof RawApiRequestOutput.Type;

/** The answer of a raw request (typed variant: `body` typed by the spec). */
export interface RawResponse<B> {
  readonly status: number;
  readonly body: B | null;
  readonly location?: string;
  readonly rate_limit: RawRateLimit;
}

/** Rate-limit headers in raw-api-request's snake_case. */
export const rawRateLimit = (info: RateLimitInfo): RawRateLimit => ({
  ...(info.limit === undefined ? {} : { limit: info.limit }),
  ...(info.remaining === undefined ? {} : { remaining: info.remaining }),
  ...(info.resetAt === undefined ? {} : { reset_at: info.resetAt }),
  ...(info.retryAfterMs === undefined ? {} : { retry_after_ms: info.retryAfterMs }),
});

// Sending a POST or PATCH twice may create or change twice: the boundary retries those on 429 only.
const isIdempotent = (method: HttpMethod): boolean => method !== "post" && method !== "patch";

// Front answers 301 for merged conversations; handed back as data rather than an error, never followed.
const ACCEPTED_REDIRECTS = [301] as const;

type RequestCall = (client: FrontClient, method: string, path: string, init: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

const send = Effect.fn("rawApiRequest.send")(function* (method: HttpMethod, template: string, init: Record<string, unknown>) {
  const front = yield* Front;
  const response = yield* front.request(
    `${method.toUpperCase()} ${template}`,
    (client, control) => (request as unknown as RequestCall)(client, method, template, { ...init, ...control }),
    { idempotent: isIdempotent(method), accept: ACCEPTED_REDIRECTS },
  );
  const location = response.status === 301 ? response.headers.get("location") : null;
  return {
    status: response.status,
    body: response.data ?? null,
    ...(location === null ? {} : { location }),
    rate_limit: rawRateLimit(response.rateLimit),
  };
});

type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type InitArgs<Init> = [RequiredKeys<Init>] extends [never] ? [init?: Init] : [init: Init];

/**
 * Any Core API operation, typed by method and path template from the spec (params and body checked at
 * compile time), through the same boundary as the tools: `rawRequest("get", "/contacts/{contact_id}", { params: { path: { contact_id } } })`.
 */
export const rawRequest = <M extends HttpMethod, P extends PathsWithMethod<M>, Init extends RequestInitFor<M, P>>(
  method: M,
  path: P,
  ...[init]: InitArgs<Init>
): Effect.Effect<RawResponse<NonNullable<RequestResult<M, P, Init>["data"]>>, FrontToolError, Front> =>
  Effect.suspend(() => {
    if (typeof method !== "string" || !(METHODS as ReadonlyArray<string>).includes(method.toUpperCase())) {
      return Effect.fail(invalidInput([{ path: "method", message: `must be one of ${METHODS.join(", ")}` }], { operation: "raw-api-request" }));
    }
    return send(method, path as string, (init ?? {}) as Record<string, unknown>) as Effect.Effect<
      RawResponse<NonNullable<RequestResult<M, P, Init>["data"]>>,
      FrontToolError,
      Front
    >;
  });

/** raw-api-request tool definition. */
export const rawApiRequest = defineTool({
  name: "raw-api-request",
  title: "Raw API request",
  description:
    "Use this only when no other Front tool does what you need: it calls any Front Core API endpoint with method (GET, POST, PUT, PATCH, DELETE), " +
    "path (relative, with ids filled in, e.g. /conversations/cnv_123/comments), optional query (object) and body (JSON, not for GET). " +
    "The path must be one of the Core API's documented endpoints for that method: an unknown path fails with the closest documented ones, a wrong method with the allowed ones; " +
    "absolute URLs, //, backslashes, encoded slashes or dots, .. segments, @ and control characters are refused before anything is sent. " +
    "Returns { status, body, template, location?, rate_limit: { limit, remaining, reset_at, retry_after_ms } }; Front's errors come back as typed errors. " +
    "POST and PATCH are not repeated after a server error or timeout. May change or delete data.",
  input: RawApiRequestInput,
  output: RawApiRequestOutput,
  annotations: { readOnly: false, destructive: true, idempotent: false, openWorld: true },
  run: (input) =>
    Effect.gen(function* () {
      const method = input.method.toLowerCase() as HttpMethod;
      const check = checkRawPath(method, input.path);
      // The schema already refused these; checked again so the program is safe on its own.
      if (check._tag === "Refused") {
        return yield* invalidInput([{ path: check.field, message: check.reason }], { operation: "raw-api-request" });
      }
      const { template, params } = check.match;
      const result = yield* send(method, template, {
        params: { path: params, ...(input.query === undefined ? {} : { query: input.query }) },
        ...(input.body === undefined ? {} : { body: input.body }),
      });
      return { ...result, template };
    }),
});
