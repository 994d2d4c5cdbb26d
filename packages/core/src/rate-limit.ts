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

/** Largest request count believed from `x-ratelimit-limit` / `-remaining`: Front's plans allow a few hundred a minute. */
export const MAX_RATE_LIMIT_COUNT = 1_000_000;
/** Longest `retry-after` believed (1 hour): anything longer is clamped to it. */
export const MAX_RATE_LIMIT_WAIT_MS = 3_600_000;

const parseNonNegative = (value: string | null): number | undefined => {
  if (value === null) return undefined;
  const trimmed = value.trim();
  // Longer than any count or date Front sends: not worth converting (and "1" followed by 300 zeros is not a count).
  if (trimmed.length > 64 || !NON_NEGATIVE_NUMBER.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.MAX_VALUE;
};

/**
 * A request count: whole (a fractional `remaining` of 0.5 is no request left, not "half a request" that would
 * stretch the pacing past the window) and within `MAX_RATE_LIMIT_COUNT`.
 */
const parseCount = (value: string | null): number | undefined => {
  const n = parseNonNegative(value);
  return n === undefined ? undefined : Math.min(Math.floor(n), MAX_RATE_LIMIT_COUNT);
};

// The longest tier name kept: Front's values are short words; a longer header is cut, not carried into errors.
const MAX_TIER_LENGTH = 64;

// An HTTP-date always names a weekday and a GMT zone (RFC 9110 §5.6.7); Date.parse alone would accept "5".
const HTTP_DATE = /^[A-Za-z]{3},\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}:\d{2}\s+GMT$/;

/** Parses a `retry-after` value (seconds, fractional seconds, or an HTTP date) into milliseconds from `now`; garbage gives undefined. */
export const parseRetryAfter = (value: string | null | undefined, now: number = Date.now()): number | undefined => {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  const seconds = parseNonNegative(trimmed);
  // Clamped so that every wait it causes is bounded and every error carrying it holds a safe integer.
  if (seconds !== undefined) return Math.min(Math.ceil(seconds * 1000), MAX_RATE_LIMIT_WAIT_MS);
  if (!HTTP_DATE.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  // A date in the past means "retry now", not a negative wait.
  return Math.min(Math.max(0, at - now), MAX_RATE_LIMIT_WAIT_MS);
};

/**
 * Reads Front's `x-ratelimit-*`, `retry-after` and `x-front-tier` headers — the one place they are sanitised:
 * counts are whole numbers up to `MAX_RATE_LIMIT_COUNT` (`remaining` never above `limit`), the retry-after at
 * most `MAX_RATE_LIMIT_WAIT_MS`, the reset a safe integer of milliseconds (or absent), so nothing downstream
 * meets NaN, a fraction or an unsafe integer.
 */
export const parseRateLimit = (headers: Headers, now: number = Date.now()): RateLimitInfo => {
  const info: {
    limit?: number;
    remaining?: number;
    resetAt?: number;
    retryAfterMs?: number;
    tier?: string;
  } = {};
  const limit = parseCount(headers.get("x-ratelimit-limit"));
  // A limit of 0 would make every request "over budget" forever; it is not a limit Front sends.
  if (limit !== undefined && limit > 0) info.limit = limit;
  const remaining = parseCount(headers.get("x-ratelimit-remaining"));
  if (remaining !== undefined) info.remaining = info.limit === undefined ? remaining : Math.min(remaining, info.limit);
  const reset = parseNonNegative(headers.get("x-ratelimit-reset"));
  // Front sends unix seconds; the rest of frontkit works in milliseconds like Date.now().
  // A reset far away is kept as said (the limiter believes at most one window of it); one past any date a
  // clock can hold is unreadable, like garbage.
  const resetAt = reset === undefined ? undefined : Math.round(reset * 1000);
  if (resetAt !== undefined && Number.isSafeInteger(resetAt)) info.resetAt = resetAt;
  const retryAfterMs = parseRetryAfter(headers.get("retry-after"), now);
  if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
  const tier = headers.get("x-front-tier")?.trim();
  if (tier) info.tier = tier.slice(0, MAX_TIER_LENGTH);
  return info;
};
