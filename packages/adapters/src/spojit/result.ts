/**
 * Stable error codes of the Spojit executor. Workflow authors branch on these, so they never
 * change meaning; new codes may be added.
 */
export const SPOJIT_ERROR_CODES = [
  "INVALID_INPUT",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "VALIDATION",
  "RATE_LIMITED",
  "SERVER_ERROR",
  "TRANSPORT",
  "UNEXPECTED_RESPONSE",
  "UNKNOWN_TOOL",
  "UNKNOWN_TRIGGER",
  "INVALID_SIGNATURE",
  "INVALID_CONNECTION",
  "CANCELLED",
  "DISPOSED",
  "INTERNAL",
] as const;

/** One of {@link SPOJIT_ERROR_CODES}. */
export type SpojitErrorCode = (typeof SPOJIT_ERROR_CODES)[number];

/** Front's rate-limit state after a call (all optional: Front or a proxy may omit headers). */
export interface SpojitRateLimit {
  /** Requests per minute allowed for the company. */
  readonly limit?: number;
  /** Requests left in the current window. */
  readonly remaining?: number;
  /** When the window resets, unix milliseconds. */
  readonly resetAt?: number;
  /** How long Front asked us to wait, milliseconds. */
  readonly retryAfterMs?: number;
  /** Set when a burst (per-resource) limit rather than the company limit was hit. */
  readonly tier?: string;
}

/** One problem with the input, pointing at the offending field. */
export interface SpojitIssue {
  /** The field as users write it: `tag_ids[0]`, `handles[1].source`; empty for the whole input. */
  readonly path: string;
  readonly message: string;
}

/** A failed execution, as a workflow author sees it. */
export interface SpojitError {
  readonly code: SpojitErrorCode;
  /** One sentence saying what went wrong and what to do next. */
  readonly message: string;
  /** The HTTP status Front answered with, when there was an answer. */
  readonly status?: number;
  /** Whether running the same step again, unchanged, can succeed. */
  readonly retryable: boolean;
  /** How long to wait before retrying, when Front said so. */
  readonly retryAfterMs?: number;
  /** Front's `_error.details`: what exactly it rejected. */
  readonly details?: ReadonlyArray<string>;
  /** Field-level problems, for INVALID_INPUT. */
  readonly issues?: ReadonlyArray<SpojitIssue>;
  /** Front's request id, for support tickets. */
  readonly requestId?: string;
  /** Front's error title (e.g. "Not found"), when Front sent one. */
  readonly title?: string;
  /** For NOT_FOUND from name lookups (add-tag): the closest existing names. */
  readonly suggestions?: ReadonlyArray<string>;
  /** For RATE_LIMITED: Front's limit state when it gave up. */
  readonly rateLimit?: SpojitRateLimit;
  /** For TRANSPORT: why no response arrived. */
  readonly reason?: "reset" | "dns" | "timeout" | "aborted" | "other";
}

/** Metadata about a successful execution. */
export interface SpojitExecuteMeta {
  readonly tool: string;
  /** HTTP attempts made, retries included. */
  readonly attempts: number;
  readonly rateLimit: SpojitRateLimit;
  readonly durationMs: number;
}

/** A successful execution. */
export interface SpojitSuccess<T = unknown> {
  readonly ok: true;
  readonly data: T;
  readonly meta: SpojitExecuteMeta;
}

/** A failed execution. */
export interface SpojitFailure {
  readonly ok: false;
  readonly error: SpojitError;
}

/** What `execute` resolves to: it never throws or rejects. */
export type SpojitExecuteResult<T = unknown> = SpojitSuccess<T> | SpojitFailure;
