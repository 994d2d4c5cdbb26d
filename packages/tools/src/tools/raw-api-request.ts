/**
 * raw-api-request: any Core API endpoint the other tools do not cover.
 *
 * The path must match one of the spec's path templates for the method; its
 * path parameters, query and body are then checked against that operation's
 * schemas from the corrected spec (operations/check-request.ts) and, only when
 * they pass, sent as the template filled with its (re-encoded) parameters, on
 * the configured base URL only. For TypeScript callers `rawRequest` is the same
 * call typed by path from the spec.
 */
import {
  type FrontClient,
  type HttpMethod,
  parseRateLimit,
  type PathsWithMethod,
  type RateLimitInfo,
  request,
  type RequestInitFor,
  type RequestResult,
} from "@frontkit/core";
import { Effect, Schema } from "effect";
import { collectPages } from "../collect-pages.js";
import { defineTool } from "../definition.js";
import { type FrontToolError, invalidInput } from "../errors.js";
import { Front, type FrontCall, type FrontResponse, type RequestControl } from "../front.js";
import { followMerges } from "../merges.js";
import { type ApiOperation, operationFor } from "../operations/catalogue.js";
import { checkOperationRequest } from "../operations/check-request.js";
import { MAX_PAGE_SIZE } from "../pagination.js";
import { checkRawPath } from "../raw-paths.js";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const DEFAULT_AUTO_RESULTS = 500;
const MAX_AUTO_RESULTS = 5_000;

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
  body: Schema.optionalKey(Schema.Record(Schema.String, Schema.Json)).annotate({
    description: "JSON request body object (not for GET), checked against the operation's schema; search-api-operations shows it.",
  }),
  auto_paginate: Schema.optionalKey(Schema.Boolean).annotate({
    description: "GET list operations only: follow _pagination.next and return every item (up to max_results) in body._results.",
  }),
  max_results: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: MAX_AUTO_RESULTS }))).annotate({
    description: `With auto_paginate: stop after this many items (default ${DEFAULT_AUTO_RESULTS}, at most ${MAX_AUTO_RESULTS}).`,
  }),
}).check(
  Schema.makeFilter((input) => {
    const method = input.method.toLowerCase() as HttpMethod;
    const check = checkRawPath(method, input.path);
    if (check._tag === "Refused") return { path: [check.field], issue: check.field === "path" ? `path ${check.reason}` : check.reason };
    if (method === "get" && input.body !== undefined) return { path: ["body"], issue: "a GET request has no body; pass parameters in query" };
    if (input.max_results !== undefined && input.auto_paginate !== true) return { path: ["max_results"], issue: "applies only with auto_paginate: true" };
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
  location: Schema.optionalKey(Schema.String).annotate({ description: "The Location of a 301 (merged conversation) that could not be followed." }),
  merged_into: Schema.optionalKey(Schema.String).annotate({
    description: "Set when the conversation had been merged: the request was sent again to this conversation, whose answer this is.",
  }),
  template: Schema.String.annotate({ description: "The spec path template the path matched." }),
  operation_id: Schema.optionalKey(Schema.String).annotate({ description: "The spec's operationId of that method and template." }),
  pages: Schema.optionalKey(Schema.Int).annotate({ description: "With auto_paginate: the pages read." }),
  has_more: Schema.optionalKey(Schema.Boolean).annotate({ description: "With auto_paginate: Front has more items than were returned." }),
  next_page_token: Schema.optionalKey(Schema.String).annotate({ description: "With auto_paginate: pass as query.page_token to continue." }),
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

// Front answers 301 for merged conversations: handed back as data rather than an error (followed only by followMerges).
const ACCEPTED_REDIRECTS = [301] as const;

type RequestCall = (client: FrontClient, method: string, path: string, init: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** The request of a raw call, through core's runtime-checked `request`. */
const rawCall = (method: HttpMethod, template: string, init: Record<string, unknown>): FrontCall<unknown> => (client, control) =>
  (request as unknown as RequestCall)(client, method, template, { ...init, ...control });

/** Front's answer as raw-api-request returns it (a 301 included, with its Location). */
const rawAnswer = (response: FrontResponse<unknown>) => {
  const location = response.status === 301 ? response.headers.get("location") : null;
  return {
    status: response.status,
    body: response.data ?? null,
    ...(location === null ? {} : { location }),
    rate_limit: rawRateLimit(response.rateLimit),
  };
};

const operationName = (method: HttpMethod, template: string) => `${method.toUpperCase()} ${template}`;

const send = Effect.fn("rawApiRequest.send")(function* (method: HttpMethod, template: string, init: Record<string, unknown>) {
  const front = yield* Front;
  const response = yield* front.request(operationName(method, template), rawCall(method, template, init), {
    idempotent: isIdempotent(method),
    accept: ACCEPTED_REDIRECTS,
  });
  return rawAnswer(response);
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
    "path (relative, with ids filled in, e.g. /conversations/cnv_123/comments), optional query (object) and body (JSON object, not for GET). " +
    "Common jobs: assign a conversation → PUT /conversations/{conversation_id}/assignee with { assignee_id }; archive (or reopen, trash) → " +
    'PATCH /conversations/{conversation_id} with { status: "archived" }; add a comment → POST /conversations/{conversation_id}/comments with { body }; ' +
    "search conversations → GET /conversations/search/{query}; list a contact's conversations → GET /contacts/{contact_id}/conversations; " +
    "drafts → POST /conversations/{conversation_id}/drafts; links → POST /conversations/{conversation_id}/links. For anything else call " +
    "search-api-operations first: it returns each operation's parameters and body. " +
    "Path parameters, query and body are checked against the operation's schema before sending (types, enums, required fields, limit ≤ 100, ≤ 15 on /events); " +
    "a wrong call fails with every problem and the expected shape, and nothing is sent. An unknown path fails with the closest documented ones, a wrong method with the allowed ones; " +
    "absolute URLs, //, backslashes, encoded slashes or dots, .. segments, @ and control characters are refused. " +
    "auto_paginate: true (GET lists) follows the pages up to max_results (default 500). A merged conversation's 301 is sent again to the conversation it became (merged_into; up to 2 merges). " +
    "Returns { status, body, template, operation_id, merged_into?, location?, pages?, has_more?, next_page_token?, rate_limit }; Front's errors come back as typed errors. " +
    "GET, PUT and DELETE are retried after server errors; POST and PATCH only after 429. May change or delete data.",
  input: RawApiRequestInput,
  output: RawApiRequestOutput,
  annotations: { readOnly: false, destructive: true, idempotent: false, openWorld: true },
  menu: { resource: "rawApi", operation: "request", label: "Request" },
  examples: [
    { title: "The channels of an inbox (for send-message)", input: { method: "GET", path: "/inboxes/inb_55c8c149/channels" } },
    {
      title: "Add an internal comment to a conversation",
      input: { method: "POST", path: "/conversations/cnv_55c8c149/comments", body: { body: "Escalated to tier 2." } },
    },
  ],
  run: (input) =>
    Effect.gen(function* () {
      const method = input.method.toLowerCase() as HttpMethod;
      const check = checkRawPath(method, input.path);
      // The schema already refused these; checked again so the program is safe on its own.
      if (check._tag === "Refused") {
        return yield* invalidInput([{ path: check.field, message: check.reason }], { operation: "raw-api-request" });
      }
      const { template, params } = check.match;
      const operation = operationFor(method, template);
      if (operation !== undefined) {
        const issues = [...checkOperationRequest(operation, { path: params, query: input.query, body: input.body })];
        if (input.auto_paginate === true && !operation.list) {
          issues.push({ path: "auto_paginate", message: `${operation.method} ${operation.path} is not a Front list; leave auto_paginate out` });
        }
        if (issues.length > 0) {
          return yield* invalidInput(issues, {
            operation: "raw-api-request",
            summary: `Invalid request for ${operation.operationId} (${operation.method} ${operation.path})`,
            details: [`Expected: ${operation.shape}`],
          });
        }
      }
      const ids = operation === undefined ? {} : { operation_id: operation.operationId };
      if (input.auto_paginate === true && operation !== undefined) return { ...(yield* autoPaginate(operation, params, input)), template, ...ids };
      const init = (path: Readonly<Record<string, string>>) => ({
        params: { path, ...(input.query === undefined ? {} : { query: input.query }) },
        ...(input.body === undefined ? {} : { body: input.body }),
      });
      const requestedId = params["conversation_id"];
      // Front answers 301 without acting when a conversation was merged: sent again to the conversation it became,
      // by the one merge policy (merges.ts), and reported the same way (merged_into). A 301 that cannot be
      // followed comes back as Front's answer, with its location.
      if (operation?.mergeRedirect === true && requestedId !== undefined) {
        const { response, conversationId } = yield* followMerges({
          operation: operationName(method, template),
          conversationId: requestedId,
          call: (id) => rawCall(method, template, init({ ...params, conversation_id: id })),
          idempotent: isIdempotent(method),
          unfollowable: "answer",
        });
        return { ...rawAnswer(response), ...(conversationId === requestedId ? {} : { merged_into: conversationId }), template, ...ids };
      }
      const result = yield* send(method, template, init(params));
      return { ...result, template, ...ids };
    }),
});

/** Reads a list operation page after page (bounded by max_results and the page budget) into one `_results`. */
const autoPaginate = Effect.fn("rawApiRequest.autoPaginate")(function* (
  operation: ApiOperation,
  path: Readonly<Record<string, string>>,
  input: RawApiRequestInput,
) {
  const { page_token: startToken, limit: askedLimit, ...query } = input.query ?? {};
  const pageSize = typeof askedLimit === "number" ? askedLimit : typeof askedLimit === "string" ? Number(askedLimit) : MAX_PAGE_SIZE;
  // The last page's rate-limit headers, read off the response as it passes.
  let lastHeaders: Headers | undefined;
  const result = yield* collectPages({
    operation: `${operation.method} ${operation.path}`,
    call: (pageToken, limit) => (client: FrontClient, control: RequestControl) =>
      (request as unknown as RequestCall)(client, "get", operation.path, {
        params: { path, query: { ...query, limit, ...(pageToken === undefined ? {} : { page_token: pageToken }) } },
        ...control,
      }).then((answer) => {
        lastHeaders = answer.response.headers;
        return answer;
      }),
    item: Schema.Unknown,
    pageToken: typeof startToken === "string" ? startToken : undefined,
    pageSize: Number.isFinite(pageSize) && pageSize > 0 ? pageSize : MAX_PAGE_SIZE,
    maxResults: input.max_results ?? DEFAULT_AUTO_RESULTS,
  });
  return {
    status: 200,
    body: { _results: [...result.items] },
    rate_limit: rawRateLimit(lastHeaders === undefined ? {} : parseRateLimit(lastHeaders)),
    pages: result.pages,
    has_more: result.hasMore,
    ...(result.nextPageToken === undefined ? {} : { next_page_token: result.nextPageToken }),
  };
});
