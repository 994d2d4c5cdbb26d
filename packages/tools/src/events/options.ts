/**
 * Options of the events feed, validated before anything is sent: a bad option or cursor is InvalidInput
 * naming every problem, and no request leaves.
 */
import { Duration, Effect, Option, Result, Schema } from "effect";
import { issuesOf } from "../definition.js";
import { type InputIssue, type InvalidInput, invalidInput } from "../errors.js";
import { Timestamp, toUnixSeconds } from "../schemas/time.js";
import { decodeEventCursorResult, type EventCursor } from "./cursor.js";

/** Default seconds re-read below the cursor, for events Front lists a little after their emitted_at. */
export const DEFAULT_OVERLAP_SECONDS = 5;
/** Most seconds of overlap accepted. */
export const MAX_OVERLAP_SECONDS = 300;
/** Default bound on events one poll delivers. */
export const DEFAULT_MAX_EVENTS_PER_POLL = 1_000;
/** Most events one poll may be asked to deliver. */
export const MAX_EVENTS_PER_POLL = 10_000;
/** Default wait between polls of `eventsStream`. */
export const DEFAULT_POLL_INTERVAL_MS = 30_000;
/** Shortest wait between polls: Front's rate limit is per minute (50–200 requests by plan). */
export const MIN_POLL_INTERVAL_MS = 1_000;

/** Options of `pollEventsOnce` and `eventsStream`. */
export interface EventsFeedOptions {
  /** Only these event types (`inbound`, `tag`, …; any `[a-z_]+`, since Front adds types). Default: all. */
  readonly types?: ReadonlyArray<string>;
  /** Only events of these inboxes (`inb_…`). Default: all the token can see. */
  readonly inboxIds?: ReadonlyArray<string>;
  /** Where to continue: a cursor (or `cursorString`) from an earlier poll. Wins over `since`. */
  readonly cursor?: EventCursor | string;
  /** Without a cursor: deliver events emitted after this time (ISO 8601 or unix seconds). Default: now. */
  readonly since?: Timestamp;
  /** Seconds re-read below the cursor and held back before delivery (default 5, at most 300). */
  readonly overlapSeconds?: number;
  /** Most events one poll delivers (default 1000); the rest come with the next poll. */
  readonly maxEventsPerPoll?: number;
}

/** Options of `eventsStream`. */
export interface EventsStreamOptions extends EventsFeedOptions {
  /** Wait between polls that found nothing more to read (default 30 s, at least 1 s). */
  readonly pollInterval?: Duration.Input;
}

/** Validated options. */
export interface FeedConfig {
  readonly types: ReadonlyArray<string>;
  readonly inboxIds: ReadonlyArray<string>;
  readonly cursor: EventCursor | undefined;
  /** Unix seconds; used only without a cursor (undefined = now at the first poll). */
  readonly since: number | undefined;
  readonly overlapSeconds: number;
  readonly maxEventsPerPoll: number;
  readonly pollIntervalMs: number;
}

const EventType = Schema.String.check(
  Schema.isPattern(/^[a-z_]+$/u, { message: "must be a Front event type such as inbound, tag or assign (lowercase letters and _)" }),
);
const InboxId = Schema.String.check(Schema.isPattern(/^inb_[A-Za-z0-9]+$/u, { message: "must be an inbox id like inb_123" }));

const fields = {
  types: Schema.optionalKey(Schema.Array(EventType).check(Schema.isMaxLength(100, { message: "at most 100 types" }))),
  inboxIds: Schema.optionalKey(Schema.Array(InboxId).check(Schema.isMaxLength(100, { message: "at most 100 inboxes" }))),
  // Checked by decodeEventCursorResult, which says precisely what is wrong with a cursor.
  cursor: Schema.optionalKey(Schema.Unknown),
  since: Schema.optionalKey(Timestamp),
  overlapSeconds: Schema.optionalKey(
    Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: MAX_OVERLAP_SECONDS }, { message: `must be between 0 and ${MAX_OVERLAP_SECONDS} seconds` })),
  ),
  maxEventsPerPoll: Schema.optionalKey(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: MAX_EVENTS_PER_POLL }, { message: `must be an integer between 1 and ${MAX_EVENTS_PER_POLL}` })),
  ),
};
const FeedOptionsSchema = Schema.Struct(fields);
const StreamOptionsSchema = Schema.Struct({ ...fields, pollInterval: Schema.optionalKey(Schema.Unknown) });

const decodeOptions = { errors: "all", onExcessProperty: "error" } as const;
const decodeFeed = Schema.decodeUnknownResult(FeedOptionsSchema, decodeOptions);
const decodeStream = Schema.decodeUnknownResult(StreamOptionsSchema, decodeOptions);

const pollIntervalMs = (input: unknown, issues: InputIssue[]): number => {
  if (input === undefined) return DEFAULT_POLL_INTERVAL_MS;
  const duration = Duration.isDuration(input) ? Option.some(input) : Duration.fromInput(input as Duration.Input);
  const ms = Option.isSome(duration) ? Duration.toMillis(duration.value) : Number.NaN;
  if (!Number.isFinite(ms) || ms < MIN_POLL_INTERVAL_MS) {
    issues.push({ path: "pollInterval", message: `must be a duration of at least ${MIN_POLL_INTERVAL_MS / 1000} second, e.g. "30 seconds" or 30000 (ms)` });
  }
  return ms;
};

/** Validates feed options (`stream` allows `pollInterval`); every problem becomes one issue of one InvalidInput. */
export const decodeFeedOptions = (input: unknown, stream: boolean): Effect.Effect<FeedConfig, InvalidInput> =>
  Effect.suspend(() => {
    const decoded = (stream ? decodeStream : decodeFeed)(input ?? {});
    const issues: InputIssue[] = Result.isFailure(decoded) ? [...issuesOf(decoded.failure.issue)] : [];
    // The cursor and the interval are checked even when another field is wrong, so one answer names every problem.
    const raw = typeof input === "object" && input !== null ? (input as { readonly cursor?: unknown; readonly pollInterval?: unknown }) : {};
    let cursor: EventCursor | undefined;
    if (raw.cursor !== undefined) {
      const result = decodeEventCursorResult(raw.cursor);
      if (Result.isFailure(result)) issues.push(...result.failure.issues);
      else cursor = result.success;
    }
    const interval = stream ? pollIntervalMs(raw.pollInterval, issues) : DEFAULT_POLL_INTERVAL_MS;
    if (Result.isFailure(decoded) || issues.length > 0) {
      return Effect.fail(invalidInput(issues, { summary: "Invalid events feed options", operation: "events-feed" }));
    }
    const options = decoded.success;
    return Effect.succeed({
      types: [...new Set(options.types ?? [])],
      inboxIds: [...new Set(options.inboxIds ?? [])],
      cursor,
      since: options.since === undefined ? undefined : toUnixSeconds(options.since),
      overlapSeconds: options.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS,
      maxEventsPerPoll: options.maxEventsPerPoll ?? DEFAULT_MAX_EVENTS_PER_POLL,
      pollIntervalMs: interval,
    });
  });
