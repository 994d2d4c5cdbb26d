/**
 * The events feed (pollEventsOnce, eventsStream) against the simulated Front on a virtual clock: every
 * event exactly once and in order across random histories, page boundaries, restarts from a persisted
 * cursor string and events listed late; what one poll costs; filters; validation before any request.
 */
import { Cause, Effect, Exit, Stream } from "effect";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  decodeEventCursor,
  encodeEventCursor,
  type EventCursor,
  eventsStream,
  type FrontToolError,
  InvalidInput,
  pollEventsOnce,
} from "../../src/index.js";
import { MAX_SEEN_IDS } from "../../src/events/cursor.js";
import { type FeedHarness, startFeedHarness } from "./support.js";

// 2027-01-15T08:00:00Z: after the simulator's generated history, so only emitted events are in play.
const T0 = 1_800_000_000;
let h: FeedHarness;

beforeAll(async () => {
  h = await startFeedHarness(T0);
});
afterAll(async () => {
  await h?.sim.stop();
});
beforeEach(() => h.rewind(T0));

const toArray = <A>(items: Iterable<A>): ReadonlyArray<A> => [...items];
const ids = (events: ReadonlyArray<{ readonly id: string }>) => events.map((e) => e.id);
const logIds = () => h.sim.events().map((r) => r.event.id);
const advance = (seconds: number) => void (h.time.ms += seconds * 1000);
const requests = () => h.sim.stats().byPath["GET /events"] ?? 0;

const failure = async (effect: Effect.Effect<unknown, FrontToolError, never> | Effect.Effect<unknown, FrontToolError, import("../../src/index.js").Front>) => {
  const exit = await h.runExit(effect as Effect.Effect<unknown, FrontToolError, import("../../src/index.js").Front>);
  if (Exit.isSuccess(exit)) throw new Error("expected a failure");
  const error = Cause.findErrorOption(exit.cause);
  if (error._tag === "None") throw new Error(`expected a typed failure, got ${Cause.pretty(exit.cause)}`);
  return error.value;
};

describe("events feed: exactly once, in order", () => {
  const scenario = fc.record({
    events: fc.array(
      fc.record({
        offsetMs: fc.integer({ min: 0, max: 90_000 }),
        tieWithPrevious: fc.boolean(),
        // Listed up to just under the overlap (5 s) after being emitted.
        delayMs: fc.integer({ min: 0, max: 4_900 }),
        type: fc.constantFrom("inbound", "tag", "assign", "comment"),
      }),
      { maxLength: 45 },
    ),
    steps: fc.array(
      fc.record({
        kind: fc.constantFrom("poll", "stream"),
        take: fc.integer({ min: 1, max: 12 }),
        maxEventsPerPoll: fc.integer({ min: 1, max: 25 }),
        pollIntervalSeconds: fc.integer({ min: 1, max: 40 }),
        advanceMs: fc.integer({ min: 0, max: 25_000 }),
        asString: fc.boolean(),
      }),
      { minLength: 1, maxLength: 25 },
    ),
  });

  it("random histories, page boundaries, crashes after k events and late listing: each event once, by (emitted_at, id)", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ events, steps }) => {
        h.rewind(T0);
        h.time.limitMs = (T0 + 50_000) * 1000;
        let previous = T0 + 1;
        let last = T0;
        for (const e of events) {
          const emittedAt = e.tieWithPrevious ? previous : T0 + 1 + e.offsetMs / 1000;
          previous = emittedAt;
          last = Math.max(last, emittedAt + e.delayMs / 1000);
          h.sim.emitEvent({ type: e.type, emittedAt, visibleAt: emittedAt + e.delayMs / 1000 });
        }
        const expected = logIds();
        const delivered: string[] = [];
        let cursor: EventCursor | string | undefined;
        const options = () => ({ since: T0, ...(cursor === undefined ? {} : { cursor }) });

        for (const step of steps) {
          if (step.kind === "poll") {
            advance(step.advanceMs / 1000);
            const out = await h.run(pollEventsOnce({ ...options(), maxEventsPerPoll: step.maxEventsPerPoll }));
            delivered.push(...ids(out.events));
            cursor = step.asString ? out.cursorString : out.cursor;
            continue;
          }
          const remaining = expected.length - delivered.length;
          if (remaining <= 0) continue;
          // The consumer handles k events, persists the last one's cursor, and crashes.
          const k = Math.min(step.take, remaining);
          const items = toArray(
            await h.run(
              eventsStream({ ...options(), maxEventsPerPoll: step.maxEventsPerPoll, pollInterval: step.pollIntervalSeconds * 1000 }).pipe(
                Stream.take(k),
                Stream.runCollect,
              ),
            ),
          );
          delivered.push(...items.map((i) => i.event.id));
          const persisted = items.at(-1)!.cursor;
          cursor = step.asString ? encodeEventCursor(persisted) : persisted;
        }
        // Then poll until everything has settled past the overlap, and once more: a step's poll may have been
        // cut short by its maxEventsPerPoll at any time.
        do {
          advance(7);
          const out = await h.run(pollEventsOnce({ ...options(), maxEventsPerPoll: 1000 }));
          delivered.push(...ids(out.events));
          cursor = out.cursorString;
        } while (h.time.ms / 1000 < last + 12);
        expect(delivered).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it("an event listed late within the overlap still comes in order", async () => {
    const early = h.sim.emitEvent({ type: "inbound", emittedAt: T0 + 100, visibleAt: T0 + 104 });
    const later = h.sim.emitEvent({ type: "tag", emittedAt: T0 + 101 });
    h.time.ms = (T0 + 103) * 1000;
    const first = await h.run(pollEventsOnce({ since: T0 }));
    // 103 − 5 = 98: both are still held back, though only `later` is listed yet.
    expect(first.events).toEqual([]);
    h.time.ms = (T0 + 107) * 1000;
    const second = await h.run(pollEventsOnce({ cursor: first.cursorString }));
    expect(ids(second.events)).toEqual([early.event.id, later.event.id]);
  });

  it("an event listed later than the overlap is still delivered once (out of order rather than lost)", async () => {
    const tardy = h.sim.emitEvent({ type: "inbound", emittedAt: T0 + 100, visibleAt: T0 + 108 });
    const prompt = h.sim.emitEvent({ type: "tag", emittedAt: T0 + 101 });
    h.time.ms = (T0 + 106.5) * 1000;
    const first = await h.run(pollEventsOnce({ since: T0 }));
    expect(ids(first.events)).toEqual([prompt.event.id]);
    h.time.ms = (T0 + 110) * 1000;
    const second = await h.run(pollEventsOnce({ cursor: first.cursor }));
    expect(ids(second.events)).toEqual([tardy.event.id]);
    h.time.ms = (T0 + 140) * 1000;
    const third = await h.run(pollEventsOnce({ cursor: second.cursor }));
    expect(third.events).toEqual([]);
  });

  it("many events sharing one emitted_at, cut by maxEventsPerPoll mid-tie, each come once", async () => {
    for (let i = 0; i < 40; i++) h.sim.emitEvent({ type: "archive", emittedAt: T0 + 10 });
    h.time.ms = (T0 + 30) * 1000;
    const delivered: string[] = [];
    let cursor: string | undefined;
    for (let poll = 0; poll < 6; poll++) {
      const out = await h.run(pollEventsOnce({ since: T0, ...(cursor === undefined ? {} : { cursor }), maxEventsPerPoll: 7 }));
      delivered.push(...ids(out.events));
      cursor = out.cursorString;
    }
    expect(delivered).toEqual(logIds());
  });

  it("starting without a cursor delivers only what happens after now", async () => {
    h.sim.emitEvent({ type: "inbound", emittedAt: T0 - 1 });
    const first = await h.run(pollEventsOnce());
    expect(first.events).toEqual([]);
    // Nothing can be delivered yet (events of the last overlap seconds wait), so nothing was asked.
    expect(requests()).toBe(0);
    const fresh = h.sim.emitEvent({ type: "tag", emittedAt: T0 + 2 });
    advance(30);
    const second = await h.run(pollEventsOnce({ cursor: first.cursorString }));
    expect(ids(second.events)).toEqual([fresh.event.id]);
  });

  it("since accepts ISO 8601", async () => {
    const before = h.sim.emitEvent({ type: "inbound", emittedAt: T0 + 5 });
    const after = h.sim.emitEvent({ type: "inbound", emittedAt: T0 + 15 });
    advance(60);
    const out = await h.run(pollEventsOnce({ since: new Date((T0 + 10) * 1000).toISOString() }));
    expect(ids(out.events)).toEqual([after.event.id]);
    expect(ids(out.events)).not.toContain(before.event.id);
  });
});

describe("events feed: cost", () => {
  it("a quiet poll costs exactly one request", async () => {
    h.sim.emitEvent({ type: "inbound", emittedAt: T0 + 1 });
    advance(30);
    const first = await h.run(pollEventsOnce({ since: T0 }));
    expect(first.events).toHaveLength(1);
    h.sim.reset();
    let cursor = first.cursorString;
    for (let minute = 0; minute < 5; minute++) {
      advance(60);
      const out = await h.run(pollEventsOnce({ cursor }));
      expect(out.events).toEqual([]);
      cursor = out.cursorString;
    }
    expect(h.sim.stats().requests).toBe(5);
    // The cursor stays small and its window follows the clock.
    expect(decodeCursor(cursor).seen).toEqual([]);
    expect(decodeCursor(cursor).after).toBeCloseTo(h.time.ms / 1000 - 5, 3);
  });

  it("a backlog longer than maxEventsPerPoll: the stream polls again at once, without waiting", async () => {
    for (let i = 0; i < 40; i++) h.sim.emitEvent({ type: "inbound", emittedAt: T0 + 1 + i / 10 });
    advance(60);
    const clockBefore = h.time.ms;
    const items = toArray(
      await h.run(eventsStream({ since: T0, maxEventsPerPoll: 10, pollInterval: "1 hour" }).pipe(Stream.take(40), Stream.runCollect)),
    );
    expect(items.map((i) => i.event.id)).toEqual(logIds());
    expect(h.time.ms).toBe(clockBefore);
    // Each event's cursor moves forward.
    const afters = items.map((i) => i.cursor.after);
    expect(afters).toEqual([...afters].sort((a, b) => a - b));
  });

  it("the stream waits pollInterval between quiet polls", async () => {
    h.time.limitMs = (T0 + 10_000) * 1000;
    const late = h.sim.emitEvent({ type: "inbound", emittedAt: T0 + 600 });
    const items = toArray(await h.run(eventsStream({ since: T0, pollInterval: "2 minutes" }).pipe(Stream.take(1), Stream.runCollect)));
    expect(items.map((i) => i.event.id)).toEqual([late.event.id]);
    // Polls at 0, 120, …, 600 (held back: younger than 5 s), 720: the event is delivered at the first poll after 605.
    expect(h.time.ms / 1000 - T0).toBe(720);
    expect(requests()).toBe(6);
  });

  it("a 429 on /events is retried by the Front service like every tool", async () => {
    const e = h.sim.emitEvent({ type: "inbound", emittedAt: T0 + 1 });
    advance(30);
    h.sim.failNext(429, { retryAfterSeconds: 1 });
    const out = await h.run(pollEventsOnce({ since: T0 }));
    expect(ids(out.events)).toEqual([e.event.id]);
    expect(h.sim.stats().rateLimited).toBe(1);
    expect(requests()).toBe(2);
  });
});

const decodeCursor = (text: string): EventCursor => Effect.runSync(decodeEventCursor(text));

describe("events feed: filters", () => {
  it("types and inboxIds reach Front, and only matching events come back", async () => {
    const a = h.sim.emitEvent({ type: "inbound", emittedAt: T0 + 1, inboxIds: ["inb_1"] });
    h.sim.emitEvent({ type: "tag", emittedAt: T0 + 2, inboxIds: ["inb_1"] });
    const c = h.sim.emitEvent({ type: "inbound", emittedAt: T0 + 3, inboxIds: ["inb_2"] });
    const d = h.sim.emitEvent({ type: "assign", emittedAt: T0 + 4, inboxIds: ["inb_2"] });
    h.sim.emitEvent({ type: "inbound", emittedAt: T0 + 5, inboxIds: ["inb_3"] });
    advance(60);
    const byType = await h.run(pollEventsOnce({ since: T0, types: ["inbound", "assign"] }));
    expect(ids(byType.events)).toEqual([a.event.id, c.event.id, d.event.id, logIds()[4]]);
    const byInbox = await h.run(pollEventsOnce({ since: T0, inboxIds: ["inb_2"] }));
    expect(ids(byInbox.events)).toEqual([c.event.id, d.event.id]);
    const both = await h.run(pollEventsOnce({ since: T0, types: ["inbound"], inboxIds: ["inb_1", "inb_2"] }));
    expect(ids(both.events)).toEqual([a.event.id, c.event.id]);
    // A type Front added after this release is a filter like any other.
    const future = h.sim.emitEvent({ type: "brand_new_type", emittedAt: T0 + 6 });
    advance(10);
    expect(ids((await h.run(pollEventsOnce({ since: T0, types: ["brand_new_type"] }))).events)).toEqual([future.event.id]);
  });

  it("events keep Front's fields, unknown types included", async () => {
    const e = h.sim.emitEvent({ type: "call_transferred_somewhere", emittedAt: T0 + 1, conversationId: "cnv_0003" });
    advance(30);
    const [event] = (await h.run(pollEventsOnce({ since: T0 }))).events;
    expect(event).toMatchObject({ id: e.event.id, type: "call_transferred_somewhere", emitted_at: T0 + 1, conversation: { id: "cnv_0003" } });
    expect(event!._links?.self).toBe(e.event._links.self);
    // Front's event resource has no target for this type: left out rather than null.
    expect(event).not.toHaveProperty("target");
    expect(event!.source?._meta.type).toBe("teammate");
  });
});

describe("events feed: validation before any request", () => {
  const bad: ReadonlyArray<readonly [name: string, options: unknown, path: string]> = [
    ["cursor: garbage", { cursor: "garbage" }, "cursor"],
    ["cursor: damaged string", { cursor: "evc1:yesterday:" }, "cursor.after"],
    ["cursor: wrong version", { cursor: { v: 2, after: 1, seen: [] } }, "cursor.v"],
    ["cursor: negative after", { cursor: { v: 1, after: -1, seen: [] } }, "cursor.after"],
    ["cursor: milliseconds", { cursor: { v: 1, after: Date.now(), seen: [] } }, "cursor.after"],
    ["cursor: seen not ids", { cursor: { v: 1, after: 1, seen: ["evt_1", ""] } }, "cursor.seen[1]"],
    ["cursor: too many ids", { cursor: { v: 1, after: 1, seen: Array.from({ length: MAX_SEEN_IDS + 1 }, (_, i) => `evt_${i}`) } }, "cursor.seen"],
    ["cursor: extra field", { cursor: { v: 1, after: 1, seen: [], extra: true } }, "cursor.extra"],
    ["cursor: a number", { cursor: 42 }, "cursor"],
    ["types: capitals", { types: ["Inbound"] }, "types[0]"],
    ["types: empty string", { types: [""] }, "types[0]"],
    ["inboxIds: not an inbox", { inboxIds: ["cnv_1"] }, "inboxIds[0]"],
    ["since: words", { since: "yesterday" }, "since"],
    ["overlapSeconds: negative", { overlapSeconds: -1 }, "overlapSeconds"],
    ["overlapSeconds: too large", { overlapSeconds: 301 }, "overlapSeconds"],
    ["maxEventsPerPoll: zero", { maxEventsPerPoll: 0 }, "maxEventsPerPoll"],
    ["maxEventsPerPoll: fraction", { maxEventsPerPoll: 1.5 }, "maxEventsPerPoll"],
    ["unknown option", { inboxes: ["inb_1"] }, "inboxes"],
  ];

  it.each(bad.map(([name, options, path]) => ({ name, options, path })))("$name → InvalidInput naming $path, nothing sent", async ({ options, path }) => {
    const error = await failure(pollEventsOnce(options as never));
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).issues.map((i) => i.path)).toContain(path);
    expect(error.message).toMatch(/Invalid events/);
    expect(h.sim.stats().requests).toBe(0);
  });

  it("the stream validates too, pollInterval included, before any request", async () => {
    for (const pollInterval of [0, 999, "soon", -5]) {
      const error = await failure(eventsStream({ pollInterval: pollInterval as never }).pipe(Stream.runCollect));
      expect((error as InvalidInput).issues.map((i) => i.path)).toEqual(["pollInterval"]);
    }
    const error = await failure(eventsStream({ cursor: "nope", types: ["BAD"] }).pipe(Stream.runCollect));
    expect((error as InvalidInput).issues.map((i) => i.path).sort()).toEqual(["cursor", "types[0]"]);
    expect(h.sim.stats().requests).toBe(0);
  });
});

describe("event cursor", () => {
  it("string and object forms round-trip", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 99_999_999_999, noNaN: true }).map((x) => Math.round(x * 1000) / 1000),
        fc.array(fc.string({ minLength: 1 }).filter((s) => /^\S+$/u.test(s)), { maxLength: 20 }),
        (after, seen) => {
          const cursor: EventCursor = { v: 1, after, seen };
          const text = encodeEventCursor(cursor);
          expect(text.startsWith("evc1:")).toBe(true);
          expect(decodeCursor(text)).toEqual(cursor);
          expect(Effect.runSync(decodeEventCursor(cursor))).toEqual(cursor);
        },
      ),
    );
  });

  it("is small: a busy minute's cursor is a few hundred bytes", async () => {
    for (let i = 0; i < 20; i++) h.sim.emitEvent({ type: "inbound", emittedAt: T0 + 1 + i * 3 });
    advance(64);
    const out = await h.run(pollEventsOnce({ since: T0 }));
    expect(out.events).toHaveLength(20);
    expect(out.cursorString.length).toBeLessThan(200);
    expect(JSON.parse(JSON.stringify(out.cursor))).toEqual(out.cursor);
  });
});
