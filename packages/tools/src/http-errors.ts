/**
 * The one place where an HTTP outcome (a status with Front's `_error` body, or a
 * thrown transport failure) becomes a typed `FrontToolError`.
 */
import { frontErrorKind, isFrontError, type RateLimitInfo, readFrontErrorBody } from "@frontkit/core";
import {
  type ConfigSetting,
  Conflict,
  Forbidden,
  type FrontToolError,
  NotFound,
  RateLimited,
  ServerError,
  Transport,
  type TransportReason,
  Unauthorized,
  UnexpectedResponse,
  Validation,
} from "./errors.js";

/** What the boundary knows about a failed exchange, already stripped of the token. */
export interface ResponseContext {
  readonly operation: string;
  readonly status: number;
  readonly body: unknown;
  readonly requestId?: string | undefined;
  readonly rateLimit: RateLimitInfo;
  /** Whether repeating the request is safe: decides `retryable` for 5xx (a POST may have landed). */
  readonly idempotent: boolean;
  /** Removes every occurrence of secrets from text that came from the network. */
  readonly scrub: (text: string) => string;
}

/** Front's error body as core reads it (its one reader), every text scrubbed; empty details left out. */
const readFrontError = (body: unknown, scrub: (s: string) => string): { readonly title?: string; readonly message?: string; readonly details?: ReadonlyArray<string> } => {
  const said = readFrontErrorBody(body);
  if (said === undefined) return {};
  return {
    ...(said.title === undefined ? {} : { title: scrub(said.title) }),
    ...(said.message === undefined ? {} : { message: scrub(said.message) }),
    ...(said.details.length === 0 ? {} : { details: said.details.map(scrub) }),
  };
};

const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Front's own explanation, quoted after our sentence when it says something. */
const because = (parts: { readonly title?: string; readonly message?: string }): string => {
  const said = parts.message ?? parts.title;
  return said === undefined || said === "" ? "" : ` Front said: ${sentence(said)}`;
};

/** Maps a non-2xx response to its typed error. */
export const errorFromResponse = (ctx: ResponseContext): FrontToolError => {
  const parts = readFrontError(ctx.body, ctx.scrub);
  const base = {
    status: ctx.status,
    operation: ctx.operation,
    ...(parts.title === undefined ? {} : { title: parts.title }),
    ...(parts.details === undefined ? {} : { details: [...parts.details] }),
    ...(ctx.requestId === undefined ? {} : { requestId: ctx.scrub(ctx.requestId) }),
  };
  const op = ctx.operation;
  const s = ctx.status;
  if (s === 400 || s === 422) {
    return new Validation({
      ...base,
      retryable: false,
      message: `Front rejected the ${op} request (HTTP ${s}).${because(parts)}`,
    });
  }
  if (s === 401) {
    return new Unauthorized({
      ...base,
      retryable: false,
      setting: "token",
      message: `Front did not accept the API token (HTTP 401) for ${op}: it is invalid, revoked or expired.${because(parts)}`,
    });
  }
  if (s === 403) {
    return new Forbidden({
      ...base,
      retryable: false,
      setting: "token",
      message: `The API token is not allowed to perform ${op} (HTTP 403).${because(parts)}`,
    });
  }
  if (s === 404) {
    return new NotFound({
      ...base,
      retryable: false,
      message: `Front found nothing for ${op} (HTTP 404), or the token cannot see it.${because(parts)}`,
    });
  }
  if (s === 409) {
    return new Conflict({
      ...base,
      retryable: false,
      message: `Front reported a conflict for ${op} (HTTP 409): the resource changed or already exists.${because(parts)}`,
    });
  }
  if (s === 429) {
    const rl = ctx.rateLimit;
    const wait = rl.retryAfterMs === undefined ? "" : ` Retry after ${Math.ceil(rl.retryAfterMs / 1000)} s.`;
    return new RateLimited({
      ...base,
      retryable: true,
      message: `Front's rate limit was exceeded for ${op} (HTTP 429${rl.tier === undefined ? "" : `, ${rl.tier} limit`}).${wait}`,
      ...(rl.retryAfterMs === undefined ? {} : { retryAfterMs: Math.round(rl.retryAfterMs) }),
      ...(rl.limit === undefined ? {} : { limit: rl.limit }),
      ...(rl.remaining === undefined ? {} : { remaining: rl.remaining }),
      ...(rl.resetAt === undefined ? {} : { resetAt: Math.round(rl.resetAt) }),
      ...(rl.tier === undefined ? {} : { tier: ctx.scrub(rl.tier) }),
    });
  }
  if (s >= 500 && s <= 599) {
    return new ServerError({
      ...base,
      retryable: ctx.idempotent,
      message: `Front failed to process ${op} (HTTP ${s}${s === 503 ? ", service unavailable" : ""}); the fault is on Front's side.${because(parts)}`,
    });
  }
  return new UnexpectedResponse({
    ...base,
    retryable: false,
    setting: "baseUrl",
    message: `Front answered ${op} with an unexpected HTTP ${s}.${because(parts)}`,
  });
};

/** Maps a 2xx response whose body could not be used (non-JSON, wrong shape). */
export const unexpectedBody = (
  operation: string,
  status: number | undefined,
  why: string,
  requestId?: string,
): UnexpectedResponse =>
  new UnexpectedResponse({
    retryable: false,
    operation,
    ...(status === undefined ? {} : { status }),
    ...(requestId === undefined ? {} : { requestId }),
    setting: "baseUrl",
    message: `Front's answer to ${operation} could not be read (${why}).`,
  });

const codeOf = (u: unknown): string | undefined => {
  let cur: unknown = u;
  // undici wraps the socket error in `cause`, sometimes twice.
  for (let i = 0; i < 4 && typeof cur === "object" && cur !== null; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string") return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
};

const nameOf = (u: unknown): string | undefined =>
  typeof u === "object" && u !== null && typeof (u as { name?: unknown }).name === "string"
    ? (u as { name: string }).name
    : undefined;

/** Classifies a thrown fetch failure. */
export const transportReason = (cause: unknown): TransportReason => {
  if (frontErrorKind(cause) === "FrontTimeoutError") return "timeout";
  // The platform's own: AbortSignal.timeout() and abort() reject with DOMExceptions of these names.
  const name = nameOf(cause);
  if (name === "TimeoutError") return "timeout";
  if (name === "AbortError") return "aborted";
  const code = codeOf(cause);
  if (code === undefined) return "other";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_FAIL") return "dns";
  if (
    code === "ECONNRESET" ||
    code === "EPIPE" ||
    code === "ECONNREFUSED" ||
    code === "UND_ERR_SOCKET" ||
    code === "UND_ERR_CLOSED"
  ) {
    return "reset";
  }
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT" || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
    return "timeout";
  }
  return "other";
};

const transportFact: Record<TransportReason, string> = {
  reset: "the connection was refused or closed before Front answered",
  dns: "the API host name could not be resolved",
  timeout: "Front did not answer in time",
  aborted: "the request was cancelled by the caller",
  other: "the request could not be sent",
};

/** The setting a transport failure points at: the host named by the base URL, or the timeout. */
const transportSetting: Partial<Record<TransportReason, ConfigSetting>> = { dns: "baseUrl", timeout: "timeoutMs", other: "baseUrl" };

/** Maps a failure thrown by fetch/openapi-fetch (no response) to Transport, or a JSON parse failure to UnexpectedResponse. */
export const errorFromThrown = (
  operation: string,
  cause: unknown,
  idempotent: boolean,
  scrub: (text: string) => string = (t) => t,
): FrontToolError => {
  // openapi-fetch parses the body itself: a SyntaxError means Front answered, but not with JSON.
  if (nameOf(cause) === "SyntaxError") return unexpectedBody(operation, undefined, "the body is not valid JSON");
  // core's check of 2xx bodies: Front answered, with something that is not JSON (an HTML page, a proxy).
  if (isFrontError(cause, "FrontResponseError")) {
    return new UnexpectedResponse({
      retryable: false,
      operation,
      status: cause.status,
      ...(cause.requestId === undefined ? {} : { requestId: scrub(cause.requestId) }),
      setting: "baseUrl",
      message: `Front's answer to ${operation} could not be read: ${scrub(cause.message)}.`,
    });
  }
  const reason = transportReason(cause);
  return new Transport({
    reason,
    operation,
    // Whether it is safe to repeat is decided by the request, not by the failure: a POST may have landed.
    retryable: reason !== "aborted" && idempotent,
    ...(transportSetting[reason] === undefined ? {} : { setting: transportSetting[reason] }),
    message: `No answer from Front for ${operation}: ${transportFact[reason]}.`,
  });
};
