/**
 * Points in time as tools take them: an ISO 8601 date or date-time, or unix
 * seconds, because LLMs and workflow tools produce both. Front's `q` filters
 * want unix seconds.
 */
import { Schema } from "effect";

// A date-time must carry its zone: "2026-01-01T09:00" would silently mean the server's local time.
const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/u;

/** An ISO 8601 date (`2026-01-31`, UTC midnight) or date-time with zone (`2026-01-31T09:00:00Z`). */
export const IsoDateTime = Schema.String.check(
  Schema.isPattern(ISO, { message: "must be an ISO 8601 date (2026-01-31) or date-time with a zone (2026-01-31T09:00:00Z)" }),
  Schema.makeFilter((s: string) => (Number.isNaN(Date.parse(s)) ? "is not a real calendar date/time" : undefined)),
);

// Above this, a "seconds" value is almost surely milliseconds (year 5138+): refuse rather than ask Front about the far future.
const MAX_UNIX_SECONDS = 99_999_999_999;

/** Unix time in seconds (fractions allowed, as Front's own timestamps). */
export const UnixSeconds = Schema.Finite.check(
  Schema.isGreaterThanOrEqualTo(0, { message: "must be unix seconds ≥ 0" }),
  Schema.isLessThanOrEqualTo(MAX_UNIX_SECONDS, { message: "must be unix seconds, not milliseconds (divide by 1000)" }),
);

/** A point in time: ISO 8601 string or unix seconds. */
export const Timestamp = Schema.Union([UnixSeconds, IsoDateTime]).annotate({
  description: "ISO 8601 date/date-time with zone (e.g. 2026-01-31T09:00:00Z) or unix seconds (e.g. 1767225600).",
});
/** A point in time: ISO 8601 string or unix seconds. */
export type Timestamp = typeof Timestamp.Type;

/** Unix seconds of a decoded timestamp (Front's `q[updated_after]` unit), at most 3 decimals as Front accepts. */
export const toUnixSeconds = (t: Timestamp): number =>
  typeof t === "number" ? Math.round(t * 1000) / 1000 : Date.parse(t) / 1000;
