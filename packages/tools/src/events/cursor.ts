/**
 * Where an events feed stands, as a small value the caller persists between runs.
 *
 * `after` is a time in unix seconds and `seen` the ids of events already delivered whose `emitted_at` is
 * within the overlap window below it. The next poll asks Front for events after `after − overlap`
 * (oldest first) and skips the ids in `seen`: events that became visible late, and several events sharing
 * one `emitted_at`, are neither missed nor repeated. The compact string form (`evc1:<after>:<ids>`) is what
 * to store where only text fits (n8n static data, a key-value store).
 */
import { Effect, Result, Schema } from "effect";
import { type InvalidInput, invalidInput } from "../errors.js";
import { issuesOf } from "../definition.js";
import { UnixSeconds } from "../schemas/time.js";

/** Most ids a cursor remembers (about 20 kB as a string); more events than this within one overlap window may repeat. */
export const MAX_SEEN_IDS = 2_000;

/** Prefix of the compact string form; the digit is the cursor version. */
export const EVENT_CURSOR_PREFIX = "evc1:";

/** A persisted position in the events feed. */
export interface EventCursor {
  /** Cursor format version. */
  readonly v: 1;
  /** Unix seconds: the next poll asks for events after `after − overlapSeconds`. */
  readonly after: number;
  /** Ids of delivered events with `emitted_at ≥ after − overlapSeconds` (at most {@link MAX_SEEN_IDS}). */
  readonly seen: ReadonlyArray<string>;
}

const EventId = Schema.String.check(
  Schema.isMinLength(1, { message: "must not be empty" }),
  Schema.isPattern(/^\S+$/u, { message: "must be an event id like evt_123 (no spaces)" }),
);

/** Schema of {@link EventCursor} (the object form). */
export const EventCursorSchema = Schema.Struct({
  v: Schema.Literal(1).annotate({ message: "must be 1 (the cursor version); this cursor is not from this version of frontkit" }),
  after: UnixSeconds,
  seen: Schema.Array(EventId).check(Schema.isMaxLength(MAX_SEEN_IDS, { message: `must hold at most ${MAX_SEEN_IDS} ids` })),
});

const decodeObject = Schema.decodeUnknownResult(EventCursorSchema, { errors: "all", onExcessProperty: "error" });

/** The compact string form of a cursor: `evc1:<after>:<id>,<id>,…` (ids URI-encoded). */
export const encodeEventCursor = (cursor: EventCursor): string =>
  `${EVENT_CURSOR_PREFIX}${cursor.after}:${cursor.seen.map(encodeURIComponent).join(",")}`;

const bad = (path: string, message: string): InvalidInput =>
  invalidInput([{ path, message }], { summary: "Invalid events cursor", operation: "events-feed" });

const parseString = (text: string, path: string): Result.Result<unknown, InvalidInput> => {
  if (!text.startsWith(EVENT_CURSOR_PREFIX)) {
    return Result.fail(bad(path, `not an events cursor: expected a string starting with "${EVENT_CURSOR_PREFIX}" as returned in cursorString`));
  }
  const body = text.slice(EVENT_CURSOR_PREFIX.length);
  const colon = body.indexOf(":");
  if (colon < 0) return Result.fail(bad(path, `damaged events cursor: expected "${EVENT_CURSOR_PREFIX}<after>:<ids>"`));
  const afterText = body.slice(0, colon);
  const after = /^\d+(?:\.\d+)?$/.test(afterText) ? Number(afterText) : Number.NaN;
  let seen: string[];
  try {
    seen = body.slice(colon + 1) === "" ? [] : body.slice(colon + 1).split(",").map(decodeURIComponent);
  } catch {
    return Result.fail(bad(path, "damaged events cursor: an id is not URI-encoded"));
  }
  return Result.succeed({ v: 1, after: Number.isNaN(after) ? afterText : after, seen });
};

/**
 * Validates a cursor given back by a caller (object or string form) without sending anything; a bad one is
 * InvalidInput naming what is wrong (`path` prefixes the issue paths, e.g. `cursor.after`).
 */
export const decodeEventCursorResult = (input: unknown, path = "cursor"): Result.Result<EventCursor, InvalidInput> => {
  if (typeof input !== "string" && (typeof input !== "object" || input === null || Array.isArray(input))) {
    return Result.fail(bad(path, "must be the cursor or cursorString of an earlier poll; leave it out to start from since"));
  }
  const parsed = typeof input === "string" ? parseString(input, path) : Result.succeed(input);
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure);
  const decoded = decodeObject(parsed.success);
  if (Result.isSuccess(decoded)) return Result.succeed(decoded.success);
  const issues = issuesOf(decoded.failure.issue).map((i) => ({
    path: i.path === "" ? path : `${path}${i.path.startsWith("[") ? "" : "."}${i.path}`,
    message: i.message,
  }));
  return Result.fail(invalidInput(issues, { summary: "Invalid events cursor", operation: "events-feed" }));
};

/** Validates a cursor given back by a caller (object or `cursorString`); a bad one fails with InvalidInput. */
export const decodeEventCursor = (input: unknown): Effect.Effect<EventCursor, InvalidInput> =>
  Effect.suspend(() => Effect.fromResult(decodeEventCursorResult(input)));
