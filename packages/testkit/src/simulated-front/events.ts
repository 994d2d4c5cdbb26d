/**
 * The simulated Front's event log and its `GET /events`.
 *
 * A seeded history (generated once, like the dataset) plus events tests append with `emit`. Listing
 * follows Front's documented behaviour: `q[after]` / `q[before]` (unix seconds, decimals allowed),
 * `q[types]` and `q[inboxes]` (bracket `[]`, repeated-key and indexed `[0]` forms), `limit` ≤ 15,
 * `sort_by=created_at`, `sort_order=asc|desc` (newest first by default), `_pagination.next` on the
 * company host. Whether Front's `q[after]` is strict is undocumented; here it is (`>`), which is the
 * case a poller must not rely on either way.
 *
 * An event may become listable only some time after its `emitted_at` (Front indexes asynchronously):
 * `visibilityDelaySeconds` delays every event, `emit({ visibleAt })` one event, so tests can prove a
 * poller's overlap window catches late events.
 */
import { type Dataset, hash, SIMULATED_COMPANY_HOST } from "./dataset.js";

/** Front's ceiling (and default) page size of `GET /events`. */
export const MAX_EVENTS_PAGE_SIZE = 15;

/** Event types the generated history uses (a subset of Front's; `emit` accepts any `[a-z_]+`). */
export const SIMULATED_EVENT_TYPES = [
  "inbound",
  "outbound",
  "out_reply",
  "comment",
  "mention",
  "assign",
  "unassign",
  "archive",
  "reopen",
  "tag",
  "untag",
  "move",
] as const;

/** What a test passes to append one event to the log. */
export interface EmitEventInput {
  /** Front event type, e.g. `inbound`, `tag` (any `[a-z_]+`). */
  readonly type: string;
  /** The conversation it happened on (`cnv_…` of the dataset; default: conversation 0). */
  readonly conversationId?: string;
  /** Inboxes the event belongs to, for `q[inboxes]` (default: the conversation's inbox). */
  readonly inboxIds?: ReadonlyArray<string>;
  /** Unix seconds (decimals kept to 3 places); default the simulator's now. */
  readonly emittedAt?: number;
  /** Unix seconds from which `GET /events` lists it (default emittedAt + the log's visibility delay). */
  readonly visibleAt?: number;
}

/** An event as `GET /events` renders it (Front's event resource). */
export interface SimulatedEventJson {
  readonly _links: { readonly self: string };
  readonly id: string;
  readonly type: string;
  readonly emitted_at: number;
  readonly source: { readonly _meta: { readonly type: string }; readonly data: unknown } | null;
  readonly target: { readonly _meta: { readonly type: string }; readonly data: unknown } | null;
  readonly conversation: unknown;
}

/** One entry of the log: the event, the inboxes it is filed under and when it becomes listable. */
export interface SimulatedEventRecord {
  readonly event: SimulatedEventJson;
  readonly inboxIds: ReadonlyArray<string>;
  /** Unix seconds from which `GET /events` lists it. */
  readonly visibleAt: number;
}

/** A request `GET /events` refuses (answered 400 with Front's error body). */
export class EventsQueryError extends Error {
  readonly status = 400;
}

const TYPE = /^[a-z_]+$/;
// Fixed start of the generated history: one day before the dataset's epoch (2026-01-01T00:00:00Z).
const HISTORY_START = 1_767_225_600 - 86_400;

const round3 = (seconds: number): number => Math.round(seconds * 1000) / 1000;


/** Orders like Front's `sort_by=created_at&sort_order=asc`: emitted_at, then id. */
export const compareEvents = (a: SimulatedEventJson, b: SimulatedEventJson): number =>
  a.emitted_at - b.emitted_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const encodeToken = (last: SimulatedEventJson): string => Buffer.from(`evt:${last.emitted_at}:${last.id}`).toString("base64url");
const decodeToken = (token: string): { readonly emitted_at: number; readonly id: string } => {
  const match = /^evt:([0-9.]+):(evt_[0-9a-z]+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (match === null) throw new EventsQueryError("The page_token is invalid.");
  return { emitted_at: Number(match[1]), id: match[2]! };
};

// Front's `q` arrays arrive as q[types][]=a, q[types]=a (repeated) or q[types][0]=a.
const queryArray = (query: URLSearchParams, name: string): string[] => {
  const values: string[] = [];
  const indexed = new RegExp(`^q\\[${name}\\]\\[\\d+\\]$`);
  for (const [key, value] of query) if (key === `q[${name}]` || key === `q[${name}][]` || indexed.test(key)) values.push(value);
  return values;
};

const queryTime = (query: URLSearchParams, name: string): number | undefined => {
  const raw = query.get(`q[${name}]`);
  if (raw === null) return undefined;
  if (!/^\d+(?:\.\d{1,3})?$/.test(raw)) throw new EventsQueryError(`q[${name}] must be a unix timestamp in seconds with up to 3 decimals; got "${raw}".`);
  return Number(raw);
};

/** The log behind the simulated `GET /events`. */
export class EventLog {
  private readonly generated: SimulatedEventRecord[];
  private emitted: SimulatedEventRecord[] = [];
  private nextIndex: number;

  constructor(
    private readonly dataset: Dataset,
    private readonly seed: number,
    historySize: number,
    private readonly visibilityDelaySeconds: number,
    private readonly nowSeconds: () => number,
  ) {
    this.generated = Array.from({ length: historySize }, (_, i) => this.generate(i));
    this.nextIndex = historySize;
  }

  /** Every event, visible or not, in Front's ascending order (emitted_at, then id). */
  all = (): ReadonlyArray<SimulatedEventRecord> => [...this.generated, ...this.emitted].sort((a, b) => compareEvents(a.event, b.event));

  /** Appends one event; returns its record. */
  emit = (input: EmitEventInput): SimulatedEventRecord => {
    if (!TYPE.test(input.type)) throw new TypeError(`emitEvent: type must match [a-z_]+; got ${JSON.stringify(input.type)}.`);
    const conversation = input.conversationId ?? this.dataset.conversationId(0);
    const index = /^cnv_([0-9a-z]+)$/.exec(conversation);
    const c = index === null ? 0 : parseInt(index[1]!, 36);
    const emittedAt = round3(input.emittedAt ?? this.nowSeconds());
    if (!Number.isFinite(emittedAt) || emittedAt < 0) throw new TypeError("emitEvent: emittedAt must be unix seconds ≥ 0.");
    const record = this.render(this.nextIndex++, input.type, c, conversation, emittedAt, input.inboxIds, input.visibleAt);
    this.emitted.push(record);
    return record;
  };

  /** Forgets the emitted events (the generated history stays). */
  reset = (): void => {
    this.emitted = [];
    this.nextIndex = this.generated.length;
  };

  /** Answers `GET /events` for this query. */
  list = (query: URLSearchParams) => {
    const rawLimit = query.get("limit");
    const limit = rawLimit === null ? MAX_EVENTS_PAGE_SIZE : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EVENTS_PAGE_SIZE) {
      throw new EventsQueryError(`limit must be an integer between 1 and ${MAX_EVENTS_PAGE_SIZE}.`);
    }
    const sortBy = query.get("sort_by");
    if (sortBy !== null && sortBy !== "created_at") throw new EventsQueryError(`sort_by only supports created_at; got "${sortBy}".`);
    const sortOrder = query.get("sort_order") ?? "desc";
    if (sortOrder !== "asc" && sortOrder !== "desc") throw new EventsQueryError(`sort_order must be asc or desc; got "${sortOrder}".`);
    const after = queryTime(query, "after");
    const before = queryTime(query, "before");
    const types = queryArray(query, "types");
    for (const t of types) if (!TYPE.test(t)) throw new EventsQueryError(`q[types] must be event types such as inbound or tag; got "${t}".`);
    const inboxes = queryArray(query, "inboxes");
    const token = query.get("page_token");
    const from = token === null ? undefined : decodeToken(token);

    const now = this.nowSeconds();
    const asc = sortOrder === "asc";
    const matching = this.all().filter(
      (r) =>
        r.visibleAt <= now &&
        (after === undefined || r.event.emitted_at > after) &&
        (before === undefined || r.event.emitted_at < before) &&
        (types.length === 0 || types.includes(r.event.type)) &&
        (inboxes.length === 0 || r.inboxIds.some((i) => inboxes.includes(i))),
    );
    if (!asc) matching.reverse();
    // Keyset paging: the token names the last event returned, so events appearing meanwhile are neither skipped nor repeated.
    const start =
      from === undefined
        ? 0
        : matching.findIndex((r) => {
            const order = compareEvents(r.event, from as SimulatedEventJson);
            return asc ? order > 0 : order < 0;
          });
    const pageRecords = start === -1 ? [] : matching.slice(start, start + limit);
    const more = start !== -1 && start + limit < matching.length;
    let next: string | null = null;
    if (more) {
      const nextQuery = new URLSearchParams(query);
      nextQuery.set("page_token", encodeToken(pageRecords.at(-1)!.event));
      next = `${SIMULATED_COMPANY_HOST}/events?${nextQuery.toString()}`;
    }
    const self = query.toString();
    return {
      _pagination: { next },
      _links: { self: `${SIMULATED_COMPANY_HOST}/events${self === "" ? "" : `?${self}`}` },
      _results: pageRecords.map((r) => r.event),
    };
  };

  private generate(i: number): SimulatedEventRecord {
    const size = this.dataset.size;
    const type = SIMULATED_EVENT_TYPES[hash(this.seed, 10, i) % SIMULATED_EVENT_TYPES.length]!;
    const c = size.conversations > 0 ? hash(this.seed, 11, i) % size.conversations : 0;
    return this.render(i, type, c, this.dataset.conversationId(c), this.generatedTime(i), undefined, undefined);
  }

  private generatedTime(i: number): number {
    // About one event in six shares the previous one's emitted_at: ties are what a cursor gets wrong.
    if (i > 0 && hash(this.seed, 12, i) % 6 === 0) return this.generatedTime(i - 1);
    return round3(HISTORY_START + i * 60 + (hash(this.seed, 13, i) % 59_000) / 1000);
  }

  private render(
    index: number,
    type: string,
    c: number,
    conversationId: string,
    emittedAt: number,
    inboxIds: ReadonlyArray<string> | undefined,
    visibleAt: number | undefined,
  ): SimulatedEventRecord {
    const d = this.dataset;
    const id = `evt_${index.toString(36).padStart(6, "0")}`;
    const known = c >= 0 && c < d.size.conversations && conversationId === d.conversationId(c);
    const inboxes = inboxIds ?? (known && d.size.inboxes > 0 ? [d.inboxId(d.conversationInbox(c))] : []);
    const conversation = known
      ? d.conversation(c)
      : { _links: { self: `${SIMULATED_COMPANY_HOST}/conversations/${conversationId}`, related: {} }, id: conversationId };
    const teammate = d.size.teammates > 0 ? d.teammate(index % d.size.teammates) : { id: "tea_0000" };
    const inboxData = inboxes.map((inboxId) => {
      const match = /^inb_([0-9a-z]+)$/.exec(inboxId);
      const i = match === null ? -1 : parseInt(match[1]!, 36);
      return i >= 0 && i < d.size.inboxes ? d.inbox(i) : { id: inboxId };
    });
    const messageIndex = Math.max(0, Math.min(d.messageCount(Math.max(0, c)) - 1, index % 4));
    const message = known ? d.message(c, messageIndex) : { id: `msg_${index.toString(36)}` };
    const tag = d.size.tags > 0 ? d.tag(index % d.size.tags) : { id: "tag_0000" };
    const comment = { _links: { self: `${SIMULATED_COMPANY_HOST}/comments/com_${index.toString(36)}` }, id: `com_${index.toString(36)}`, body: `Comment ${index}`, author: teammate, posted_at: emittedAt };
    const part = (kind: string, data: unknown) => ({ _meta: { type: kind }, data });
    const bySource = (): SimulatedEventJson["source"] => {
      if (type === "inbound" || type === "outbound" || type === "out_reply") return part("inboxes", inboxData);
      if (type === "sending_error" || type === "message_bounce_error") return part("recipient", { handle: "customer@customer.example", role: "to" });
      if (type === "reminder") return part("reminder", {});
      return part("teammate", teammate);
    };
    const byTarget = (): SimulatedEventJson["target"] => {
      switch (type) {
        case "inbound":
        case "outbound":
        case "out_reply":
        case "forward":
        case "sending_error":
        case "message_bounce_error":
          return part("message", message);
        case "comment":
        case "mention":
          return part("comment", comment);
        case "assign":
          return part("teammate", teammate);
        case "tag":
        case "untag":
          return part("tag", tag);
        case "move":
          return part("inboxes", inboxData);
        default:
          return null;
      }
    };
    const event: SimulatedEventJson = {
      _links: { self: `${SIMULATED_COMPANY_HOST}/events/${id}` },
      id,
      type,
      emitted_at: emittedAt,
      source: bySource(),
      target: byTarget(),
      conversation,
    };
    return { event, inboxIds: inboxes, visibleAt: visibleAt ?? round3(emittedAt + this.visibilityDelaySeconds) };
  }
}
