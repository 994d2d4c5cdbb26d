/**
 * A complete change feed from polling Front's `GET /events`: every event exactly once, oldest first,
 * resumable from a persisted cursor — for users without a public URL for webhooks and for polling triggers.
 *
 * One poll asks Front for events after `cursor.after − overlap`, oldest first (`sort_by=created_at`,
 * `sort_order=asc`), and before `now − overlap`, following `_pagination.next` through the request
 * boundary like every list. Two Front behaviours shape it:
 *  - an event can become listable a little after its `emitted_at` (indexing). Events younger than
 *    `overlap` are held back until the next poll, so anything listed later than that still arrives in
 *    order; and the window re-read below the cursor catches one later still (delivered then, out of order,
 *    rather than lost);
 *  - whether `q[after]` is strict is undocumented, and several events can share one `emitted_at`. Ids of
 *    delivered events inside the window are kept in the cursor's `seen` and skipped when listed again.
 * The cursor advances with each event delivered, so a consumer that persists the cursor of the last event
 * it handled neither repeats nor misses one after a crash. A poll that finds nothing costs one request.
 */
import { type FrontClient, request as coreRequest } from "@frontkit/core";
import { Clock, Effect, Option, Stream } from "effect";
import { collectPages } from "../collect-pages.js";
import type { FrontToolError } from "../errors.js";
import type { Front, RequestControl } from "../front.js";
import { type EventCursor, encodeEventCursor, MAX_SEEN_IDS } from "./cursor.js";
import { compareEvents, type FrontEvent, FrontEventSchema } from "./event.js";
import { decodeFeedOptions, type EventsFeedOptions, type EventsStreamOptions, type FeedConfig } from "./options.js";

/** Front's page size ceiling (and default) for `GET /events`. */
export const MAX_EVENTS_PAGE_SIZE = 15;

/** Result of one poll. */
export interface EventsPoll {
  /** New events, oldest first (emitted_at, then id). */
  readonly events: ReadonlyArray<FrontEvent>;
  /** Where the next poll continues; persist it. */
  readonly cursor: EventCursor;
  /** The same cursor in its compact string form. */
  readonly cursorString: string;
}

/** One event of the stream, with the cursor to persist once it is handled. */
export interface EventsFeedItem {
  readonly event: FrontEvent;
  readonly cursor: EventCursor;
}

/** The feed's position while it runs: `seen` maps ids to emitted_at (undefined when read from a cursor). */
interface FeedState {
  readonly after: number;
  readonly seen: ReadonlyMap<string, number | undefined>;
}

interface PollOutcome {
  readonly items: ReadonlyArray<EventsFeedItem>;
  readonly events: ReadonlyArray<FrontEvent>;
  readonly state: FeedState;
  /** False when `maxEventsPerPoll` (or the page bound) cut the poll short: more can be read at once. */
  readonly complete: boolean;
}

// Front's timestamps carry at most 3 decimals; so do ours, or `q[after]` would be refused or rounded by Front.
const round3 = (seconds: number): number => Math.round(seconds * 1000) / 1000;
const floor3 = (seconds: number): number => Math.floor(seconds * 1000) / 1000;

/** Drops ids below the window, then the oldest-inserted ones beyond the bound (Map order is delivery order). */
const prune = (seen: Map<string, number | undefined>, after: number, overlap: number): void => {
  const floor = after - overlap;
  for (const [id, at] of seen) if (at !== undefined && at < floor) seen.delete(id);
  if (seen.size > MAX_SEEN_IDS) {
    let excess = seen.size - MAX_SEEN_IDS;
    for (const id of seen.keys()) {
      if (excess-- <= 0) break;
      seen.delete(id);
    }
  }
};

const toCursor = (state: FeedState): EventCursor => ({ v: 1, after: state.after, seen: [...state.seen.keys()] });

const startState = (config: FeedConfig, nowSeconds: number): FeedState => {
  if (config.cursor !== undefined) {
    return { after: config.cursor.after, seen: new Map(config.cursor.seen.map((id) => [id, undefined] as const)) };
  }
  // A fresh feed's window must start at `since`: the first poll reads after `after − overlap`.
  return { after: round3((config.since ?? nowSeconds) + config.overlapSeconds), seen: new Map() };
};

const eventsQuery = (config: FeedConfig, after: number, before: number) => ({
  after,
  before,
  ...(config.types.length === 0 ? {} : { types: [...config.types] }),
  ...(config.inboxIds.length === 0 ? {} : { inboxes: [...config.inboxIds] }),
});

/** One poll from `state` (or the options' cursor / since); `perEvent` also computes each event's cursor. */
const poll = (config: FeedConfig, from: FeedState | undefined, perEvent: boolean): Effect.Effect<PollOutcome, FrontToolError, Front> =>
  Effect.gen(function* () {
    const nowSeconds = (yield* Clock.currentTimeMillis) / 1000;
    const overlap = config.overlapSeconds;
    const start = from ?? startState(config, nowSeconds);
    // Events younger than the overlap may still have older siblings Front has not listed yet: they wait.
    const horizon = floor3(nowSeconds - overlap);
    const windowStart = round3(start.after - overlap);
    if (windowStart >= horizon) return { items: [], events: [], state: start, complete: true };

    const seen = new Map(start.seen);
    // Pure but for learning the time of a remembered id: collectPages may test one page twice.
    const keep = (event: FrontEvent): boolean => {
      // Past the horizon: Front was asked for `before` it, so this only guards against a server ignoring it.
      if (event.emitted_at > horizon) return false;
      // Below the window (a non-strict `after`): delivered earlier or too late to deliver without risking a repeat.
      if (event.emitted_at < windowStart) return false;
      if (seen.has(event.id)) {
        seen.set(event.id, event.emitted_at);
        return false;
      }
      return true;
    };
    const query = eventsQuery(config, windowStart, horizon);
    const result = yield* collectPages({
      operation: "GET /events",
      call: (pageToken: string | undefined, limit: number) => (client: FrontClient, control: RequestControl) =>
        coreRequest(client, "get", "/events", {
          params: {
            query: { q: query, limit, sort_by: "created_at", sort_order: "asc", ...(pageToken === undefined ? {} : { page_token: pageToken }) },
          },
          ...control,
        }),
      item: FrontEventSchema,
      pageSize: MAX_EVENTS_PAGE_SIZE,
      maxResults: config.maxEventsPerPoll,
      // Skipped (already seen) events cost pages too; this bounds a poll even if Front kept answering.
      maxPages: Math.ceil((config.maxEventsPerPoll + MAX_SEEN_IDS) / MAX_EVENTS_PAGE_SIZE) + 1,
      keep,
    });

    // Front's order within one emitted_at is undocumented: (emitted_at, id) makes it deterministic. An event
    // listed on two pages (the list moved between requests) is delivered once.
    const unique = new Map(result.items.map((event) => [event.id, event] as const));
    const events = [...unique.values()].sort(compareEvents);
    const items: EventsFeedItem[] = [];
    let after = start.after;
    for (const event of events) {
      after = Math.max(after, event.emitted_at);
      seen.set(event.id, event.emitted_at);
      if (perEvent) {
        prune(seen, after, overlap);
        items.push({ event, cursor: toCursor({ after, seen }) });
      }
    }
    const complete = !result.hasMore;
    if (complete) {
      // The whole window up to the old cursor was read: a remembered id Front did not list again is below it.
      if (horizon > start.after) for (const [id, at] of seen) if (at === undefined) seen.delete(id);
      // Everything up to the horizon has been listed and delivered: the next window starts just below it.
      after = Math.max(after, horizon);
    }
    prune(seen, after, overlap);
    return { items, events, state: { after, seen }, complete };
  });

/**
 * Polls Front's events once: the events since the cursor (or `since`, default now), oldest first, at most
 * `maxEventsPerPoll`, and the cursor to pass next time. Options are validated before any request.
 */
export const pollEventsOnce = (options: EventsFeedOptions = {}): Effect.Effect<EventsPoll, FrontToolError, Front> =>
  Effect.withSpan(
    Effect.flatMap(decodeFeedOptions(options, false), (config) =>
      Effect.map(poll(config, undefined, false), (outcome) => {
        const cursor = toCursor(outcome.state);
        return { events: outcome.events, cursor, cursorString: encodeEventCursor(cursor) };
      }),
    ),
    "pollEventsOnce",
    { captureStackTrace: false },
  );

/**
 * Every event from the cursor (or `since`, default now) on, oldest first, each with the cursor to persist
 * once it is handled. Polls at once while a poll was cut short by `maxEventsPerPoll`, otherwise every
 * `pollInterval` (default 30 s). Never ends by itself; interrupting it interrupts the wait or the request.
 */
export const eventsStream = (options: EventsStreamOptions = {}): Stream.Stream<EventsFeedItem, FrontToolError, Front> =>
  Stream.unwrap(
    Effect.map(decodeFeedOptions(options, true), (config) => {
      interface Step {
        readonly state: FeedState | undefined;
        readonly wait: boolean;
      }
      return Stream.paginate({ state: undefined, wait: false } as Step, (step: Step) =>
        Effect.gen(function* () {
          if (step.wait) yield* Effect.sleep(config.pollIntervalMs);
          const outcome = yield* poll(config, step.state, true);
          return [outcome.items, Option.some({ state: outcome.state, wait: outcome.complete })] as const;
        }),
      );
    }),
  );
