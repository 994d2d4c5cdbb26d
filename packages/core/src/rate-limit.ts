/** What Front's rate-limit headers said about one response. Absent or unreadable headers stay undefined. */
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

// A header like "12abc" or "1e3" is not a count Front would send; refuse it rather than guess.
const NON_NEGATIVE_NUMBER = /^\d+(?:\.\d+)?$/;

const parseNonNegative = (value: string | null): number | undefined => {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (!NON_NEGATIVE_NUMBER.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
};

// An HTTP-date always names a weekday and a GMT zone (RFC 9110 §5.6.7); Date.parse alone would accept "5".
const HTTP_DATE = /^[A-Za-z]{3},\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}:\d{2}\s+GMT$/;

/** Parses a `retry-after` value (seconds, fractional seconds, or an HTTP date) into milliseconds from `now`; garbage gives undefined. */
export const parseRetryAfter = (value: string | null | undefined, now: number = Date.now()): number | undefined => {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  const seconds = parseNonNegative(trimmed);
  if (seconds !== undefined) return Math.ceil(seconds * 1000);
  if (!HTTP_DATE.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  // A date in the past means "retry now", not a negative wait.
  return Math.max(0, at - now);
};

/** Reads Front's `x-ratelimit-*`, `retry-after` and `x-front-tier` headers. */
export const parseRateLimit = (headers: Headers, now: number = Date.now()): RateLimitInfo => {
  const info: {
    limit?: number;
    remaining?: number;
    resetAt?: number;
    retryAfterMs?: number;
    tier?: string;
  } = {};
  const limit = parseNonNegative(headers.get("x-ratelimit-limit"));
  if (limit !== undefined) info.limit = limit;
  const remaining = parseNonNegative(headers.get("x-ratelimit-remaining"));
  if (remaining !== undefined) info.remaining = remaining;
  const reset = parseNonNegative(headers.get("x-ratelimit-reset"));
  // Front sends unix seconds; the rest of frontkit works in milliseconds like Date.now().
  if (reset !== undefined) info.resetAt = Math.round(reset * 1000);
  const retryAfterMs = parseRetryAfter(headers.get("retry-after"), now);
  if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
  const tier = headers.get("x-front-tier")?.trim();
  if (tier) info.tier = tier;
  return info;
};
