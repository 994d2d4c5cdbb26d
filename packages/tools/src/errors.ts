/**
 * The typed errors every Front tool can fail with.
 *
 * HTTP outcomes become one of these exactly once, at the request boundary
 * (`boundary.ts`); nothing downstream inspects status codes again. Each error is
 * a schema-backed tagged class, so it is an `Error`, serializes to plain JSON
 * (`_tag`, `message` and its fields, never a stack or the token) and can be
 * decoded back with `FrontToolErrorSchema`.
 */
import { Schema } from "effect";

/** One problem found in a tool's input, with the path of the offending field (e.g. `tag_ids[0]`). */
export const InputIssue = Schema.Struct({
  path: Schema.String,
  message: Schema.String,
});
/** One problem found in a tool's input. */
export type InputIssue = typeof InputIssue.Type;

/**
 * The configuration setting a failure points at, by its FrontConfig name: the token Front refused, the base URL
 * that did not lead to Front's API, a bound that stopped the call. A fact, not advice: each adapter's formatter
 * says where its users change it (an env var for the MCP bin, the connection for Spojit, the credential for n8n).
 */
export const ConfigSetting = Schema.Literals(["token", "baseUrl", "timeoutMs", "maxCallBytes", "maxListPages"]);
/** The configuration setting a failure points at. */
export type ConfigSetting = typeof ConfigSetting.Type;

/** Fields shared by every error that came from an HTTP response. */
const httpFields = {
  setting: Schema.optionalKey(ConfigSetting),
  message: Schema.String,
  retryable: Schema.Boolean,
  status: Schema.optionalKey(Schema.Int),
  title: Schema.optionalKey(Schema.String),
  details: Schema.optionalKey(Schema.Array(Schema.String)),
  requestId: Schema.optionalKey(Schema.String),
  retryAfterMs: Schema.optionalKey(Schema.Int),
  operation: Schema.optionalKey(Schema.String),
};

/** The input did not match the tool's schema; nothing was sent to Front. */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  message: Schema.String,
  retryable: Schema.Literal(false),
  issues: Schema.Array(InputIssue),
  status: Schema.optionalKey(Schema.Int),
  details: Schema.optionalKey(Schema.Array(Schema.String)),
  requestId: Schema.optionalKey(Schema.String),
  retryAfterMs: Schema.optionalKey(Schema.Int),
  operation: Schema.optionalKey(Schema.String),
  setting: Schema.optionalKey(ConfigSetting),
}) {}

/** Front answered 401: the API token is missing, invalid or revoked. */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", httpFields) {}

/** Front answered 403: the token lacks the scope or permission for this resource. */
export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", httpFields) {}

/** Front answered 404: the resource (or alias) does not exist or is not visible to this token. */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  ...httpFields,
  suggestions: Schema.optionalKey(Schema.Array(Schema.String)),
}) {}

/** Front answered 409: the request conflicts with the resource's current state. */
export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", httpFields) {}

/** Front answered 400 or 422: it rejected the request's content (see `details`). */
export class Validation extends Schema.TaggedError<Validation>()("Validation", httpFields) {}

/** Front answered 429 and the retry policy gave up (or was not allowed to retry). */
export class RateLimited extends Schema.TaggedError<RateLimited>()("RateLimited", {
  ...httpFields,
  limit: Schema.optionalKey(Schema.Int),
  remaining: Schema.optionalKey(Schema.Int),
  resetAt: Schema.optionalKey(Schema.Int),
  tier: Schema.optionalKey(Schema.String),
}) {}

/** Front answered with a 5xx status. */
export class ServerError extends Schema.TaggedError<ServerError>()("ServerError", httpFields) {}

/** Why no HTTP response was received. */
export const TransportReason = Schema.Literals(["reset", "dns", "timeout", "aborted", "other"]);
/** Why no HTTP response was received. */
export type TransportReason = typeof TransportReason.Type;

/** No HTTP response was received: connection reset, DNS failure, timeout or abort. */
export class Transport extends Schema.TaggedError<Transport>()("Transport", {
  ...httpFields,
  reason: TransportReason,
}) {}

/** Front answered with something the tool cannot read: non-JSON, an unexpected status or shape. */
export class UnexpectedResponse extends Schema.TaggedError<UnexpectedResponse>()("UnexpectedResponse", httpFields) {}

/**
 * The call was made on a client that was already released (`dispose()` of the Promise facade, or an adapter
 * shutting down); nothing was sent to Front. Optional fields as InvalidInput's, so code reading `status` or
 * `details` off any FrontToolError keeps compiling.
 */
export class Disposed extends Schema.TaggedError<Disposed>()("Disposed", {
  message: Schema.String,
  retryable: Schema.Literal(false),
  status: Schema.optionalKey(Schema.Int),
  details: Schema.optionalKey(Schema.Array(Schema.String)),
  requestId: Schema.optionalKey(Schema.String),
  retryAfterMs: Schema.optionalKey(Schema.Int),
  operation: Schema.optionalKey(Schema.String),
}) {}

/** Every error a Front tool can fail with. */
export type FrontToolError =
  | InvalidInput
  | Unauthorized
  | Forbidden
  | NotFound
  | Conflict
  | Validation
  | RateLimited
  | ServerError
  | Transport
  | UnexpectedResponse
  | Disposed;

/** Schema of the error union, to decode errors that crossed a process boundary as JSON. */
export const FrontToolErrorSchema = Schema.Union([
  InvalidInput,
  Unauthorized,
  Forbidden,
  NotFound,
  Conflict,
  Validation,
  RateLimited,
  ServerError,
  Transport,
  UnexpectedResponse,
  Disposed,
]);

/** The `_tag` of every Front tool error. */
export const frontToolErrorTags = [
  "InvalidInput",
  "Unauthorized",
  "Forbidden",
  "NotFound",
  "Conflict",
  "Validation",
  "RateLimited",
  "ServerError",
  "Transport",
  "UnexpectedResponse",
  "Disposed",
] as const satisfies ReadonlyArray<FrontToolError["_tag"]>;

const tagSet: ReadonlySet<string> = new Set(frontToolErrorTags);

/** True for any of the Front tool errors (instances or their decoded JSON form with a known `_tag`). */
export const isFrontToolError = (u: unknown): u is FrontToolError =>
  typeof u === "object" &&
  u !== null &&
  "_tag" in u &&
  typeof (u as { _tag: unknown })._tag === "string" &&
  tagSet.has((u as { _tag: string })._tag) &&
  typeof (u as { message?: unknown }).message === "string";

/** Renders a schema path as users write it: `tag_ids[0]`, `handles[1].source`. */
export const formatIssuePath = (path: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }>): string => {
  let out = "";
  for (const segment of path) {
    const key = typeof segment === "object" && segment !== null ? segment.key : segment;
    if (typeof key === "number") out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][\w$]*$/.test(name) ? (out === "" ? name : `.${name}`) : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
};

/** Builds an InvalidInput whose message names every problem, so one sentence tells the user what to fix. */
export const invalidInput = (
  issues: ReadonlyArray<InputIssue>,
  options: { readonly operation?: string; readonly summary?: string; readonly details?: ReadonlyArray<string>; readonly setting?: ConfigSetting } = {},
): InvalidInput => {
  const listed = issues.map((i) => (i.path === "" ? i.message : `${i.path}: ${i.message}`)).join("; ");
  const summary = options.summary ?? "Invalid input";
  return new InvalidInput({
    message: `${summary} — fix and retry: ${listed}.${options.details === undefined ? "" : ` ${options.details.join(" ")}`}`,
    retryable: false,
    issues: [...issues],
    ...(options.details === undefined ? {} : { details: [...options.details] }),
    ...(options.operation === undefined ? {} : { operation: options.operation }),
    ...(options.setting === undefined ? {} : { setting: options.setting }),
  });
};
