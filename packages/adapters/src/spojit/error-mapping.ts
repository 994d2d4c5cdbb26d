import type { ConfigSetting, FrontToolError } from "@frontkit/tools";
import type { SpojitError, SpojitErrorCode, SpojitIssue, SpojitRateLimit } from "./result.js";

/**
 * The tools layer's typed error tags and the stable Spojit code each becomes. HTTP status was
 * turned into a tag once, at the tools' transport boundary; this table only renames, and the
 * `satisfies` makes a new tag in the union a compile error here until it gets a code.
 */
export const SPOJIT_CODE_BY_TAG = {
  InvalidInput: "INVALID_INPUT",
  Unauthorized: "UNAUTHORIZED",
  Forbidden: "FORBIDDEN",
  NotFound: "NOT_FOUND",
  Conflict: "CONFLICT",
  Validation: "VALIDATION",
  RateLimited: "RATE_LIMITED",
  ServerError: "SERVER_ERROR",
  Transport: "TRANSPORT",
  UnexpectedResponse: "UNEXPECTED_RESPONSE",
  Disposed: "DISPOSED",
} as const satisfies Record<FrontToolError["_tag"], SpojitErrorCode>;

/** Fallback messages, used only when an error arrives without a usable one. */
const DEFAULT_MESSAGE: Record<SpojitErrorCode, string> = {
  INVALID_INPUT: "The tool input is invalid; fix the fields listed in issues and run the step again.",
  UNAUTHORIZED:
    "Front rejected the API token; create a new token in Front (Settings → Developers → API tokens) and update the connection.",
  FORBIDDEN:
    "The API token's teammate may not do this; use a token from a teammate with access, or ask a Front admin to grant it.",
  NOT_FOUND: "Front has no such resource; check the id (it may have been deleted or merged).",
  CONFLICT: "Front reported a conflict with the current state; reload the resource and try again.",
  VALIDATION: "Front rejected the request as invalid; check the details and correct the input.",
  RATE_LIMITED: "Front's rate limit was reached; wait retryAfterMs and run the step again, or spread requests out.",
  SERVER_ERROR: "Front had a server error; run the step again later.",
  TRANSPORT: "Front could not be reached; check the base URL and network, then run the step again.",
  UNEXPECTED_RESPONSE:
    "Front answered with something the connector did not expect; report it with the request id if it persists.",
  UNKNOWN_TOOL: "This connector has no such tool; pick one from the connector's tool list.",
  UNKNOWN_TRIGGER: "This connector has no such trigger; pick one from the connector's trigger list.",
  INVALID_SIGNATURE:
    "The webhook request is not signed by Front with this secret; check the trigger's kind (application or rule) and its secret.",
  INVALID_CONNECTION: "The connection is incomplete or invalid; check its API token and base URL.",
  CANCELLED: "The step was cancelled before it finished.",
  DISPOSED: "The executor or its Front client was disposed before this call; nothing was sent. Create a new executor to run tools.",
  INTERNAL: "The Front connector failed unexpectedly; run the step again, and report it if it persists.",
};

type Tag = keyof typeof SPOJIT_CODE_BY_TAG;

const TRANSPORT_REASONS = ["reset", "dns", "timeout", "aborted", "other"] as const;

const isTag = (value: unknown): value is Tag => typeof value === "string" && Object.hasOwn(SPOJIT_CODE_BY_TAG, value);

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim().length > 0 ? value.trim() : undefined;

const httpStatus = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isInteger(value) && value >= 100 && value <= 599 ? value : undefined;

const millis = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : undefined;

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined;

const issuePath = (path: unknown): string => {
  if (typeof path === "string") return path;
  if (!Array.isArray(path)) return "";
  // Tolerate array paths from other validators: render them the way the tools do.
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join("");
};

const toIssues = (value: unknown): SpojitIssue[] | undefined =>
  Array.isArray(value)
    ? value.map((raw) => {
        const issue = record(raw);
        return { path: issuePath(issue.path), message: text(issue.message) ?? "Invalid value." };
      })
    : undefined;

/** Copies only the documented rate-limit fields, as finite numbers or strings. */
export const toSpojitRateLimit = (value: unknown): SpojitRateLimit => {
  const raw = record(value);
  const out: { -readonly [K in keyof SpojitRateLimit]: SpojitRateLimit[K] } = {};
  for (const key of ["limit", "remaining", "resetAt", "retryAfterMs"] as const) {
    const n = raw[key];
    if (typeof n === "number" && Number.isFinite(n)) out[key] = n;
  }
  const tier = text(raw.tier);
  if (tier !== undefined) out.tier = tier;
  return out;
};

/** The fields a Spojit error may carry besides its code. */
export type SpojitErrorFields = { -readonly [K in Exclude<keyof SpojitError, "code">]?: SpojitError[K] | undefined };

/** Builds a Spojit error, leaving out fields that have no value (the result is plain JSON). */
export const spojitError = (code: SpojitErrorCode, fields: SpojitErrorFields = {}): SpojitError => {
  const out: Record<string, unknown> = { code, message: fields.message ?? DEFAULT_MESSAGE[code], retryable: false };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out as unknown as SpojitError;
};

/**
 * What a Spojit user does about the setting a tool error points at (the tools' errors state the fact and name
 * the setting; in Spojit the token and base URL live on the connection, the bounds on the executor).
 */
const SETTING_ADVICE: Record<ConfigSetting, string> = {
  token: "Check the connection's API token, or create a new one in Front (Settings → Developers → API tokens) and update the connection.",
  baseUrl: "Check the connection's base URL: leave it empty for Front's API, or use https://<company>.api.frontapp.com.",
  timeoutMs: "Run the step again later, or ask for less (a smaller limit or fewer pages).",
  maxCallBytes: "Ask for fewer results (a smaller limit, max_results or max_pages).",
  maxListPages: "The list is longer than this executor reads at once; ask the operator to raise its maxListPages.",
};

/** The tool's message, with the advice for the setting it points at. */
const forSpojit = (message: string | undefined, setting: unknown): string | undefined => {
  const advice = typeof setting === "string" && Object.hasOwn(SETTING_ADVICE, setting) ? SETTING_ADVICE[setting as ConfigSetting] : undefined;
  return message === undefined || advice === undefined ? message : `${message} ${advice}`;
};

/**
 * Turns whatever a tool call rejected with into a Spojit error. Typed tool errors keep their
 * message, status, retryable flag and Front's details; anything else (a bug, a defect) becomes
 * INTERNAL, never retryable, so a workflow does not hammer Front on a programming error.
 */
export const toSpojitError = (cause: unknown): SpojitError => {
  const error = record(cause);
  const tag = error._tag;
  if (!isTag(tag)) {
    const message = cause instanceof Error ? text(cause.message) : undefined;
    return spojitError("INTERNAL", {
      message: message === undefined ? undefined : `The Front connector failed unexpectedly: ${message}`,
    });
  }
  const reason = TRANSPORT_REASONS.find((r) => r === error.reason);
  // An aborted request is the caller's cancellation, not a network fault worth retrying.
  const code: SpojitErrorCode = tag === "Transport" && reason === "aborted" ? "CANCELLED" : SPOJIT_CODE_BY_TAG[tag];
  const rateLimit = tag === "RateLimited" ? toSpojitRateLimit({ ...error, retryAfterMs: error.retryAfterMs }) : undefined;
  return spojitError(code, {
    message: forSpojit(text(error.message), error.setting),
    status: httpStatus(error.status),
    retryable: code !== "CANCELLED" && error.retryable === true,
    retryAfterMs: millis(error.retryAfterMs),
    details: strings(error.details),
    issues: toIssues(error.issues),
    requestId: text(error.requestId),
    title: text(error.title),
    suggestions: strings(error.suggestions),
    rateLimit: rateLimit !== undefined && Object.keys(rateLimit).length > 0 ? rateLimit : undefined,
    reason: tag === "Transport" ? reason : undefined,
  });
};
