/**
 * Auto-acknowledge inbound messages, from Front's events feed (Promise facade).
 *
 * Reads `inbound` events with `front.events()` (or one `front.pollEvents()` per run) from a cursor
 * kept in a state file, and replies once to each conversation that nobody has picked up. The reply
 * sets `options: { archive: false }`: Front archives a conversation on send unless told otherwise,
 * and an acknowledgement must leave the customer's conversation open for the team.
 *
 * Never twice, across restarts: the state file holds the feed's cursor and the ids of the
 * conversations acknowledged. An id is written there *before* the reply is sent, and taken out
 * again only when Front refused the reply outright (so the next run tries again). After a crash
 * mid-send, or a server error or timeout (the reply may have gone out), the conversation stays
 * acknowledged: a missed acknowledgement is better than a second one.
 *
 * Run: npx tsx examples/auto-acknowledge.ts [state-file]   (Ctrl-C stops; default ./auto-acknowledge.state.json)
 */
import { readFile, rename, writeFile } from "node:fs/promises";
import { createFrontTools, type EventCursor, type FrontEvent, type FrontTools } from "@frontkit/tools/promise";
import { isMain, reportFailure, withFrontTarget } from "./lib/target.js";

/** The reply sent when no body is given. */
export const DEFAULT_ACKNOWLEDGEMENT =
  "<p>Thanks for your message — we have received it and will get back to you shortly.</p>";

/** Conversation ids kept in the state file; the oldest are dropped beyond it, long after their last message. */
export const MAX_REMEMBERED_CONVERSATIONS = 10_000;

/** What the state file holds between runs. */
export interface AcknowledgeState {
  readonly version: 1;
  /** The events feed's cursor, absent before the first poll (the feed checks it when it is read back). */
  readonly cursor?: EventCursor;
  /** Conversations acknowledged (or being acknowledged when a run stopped), oldest first. */
  readonly acknowledged: ReadonlyArray<string>;
}

/** Options of the auto-acknowledger. */
export interface AutoAcknowledgeOptions {
  readonly baseUrl: string;
  readonly token: string;
  /** Where the cursor and the acknowledged conversations are kept between runs. */
  readonly stateFile: string;
  /** Reply body (HTML or text). */
  readonly body?: string | undefined;
  /** Only messages arriving in these inboxes (inb_…). */
  readonly inboxIds?: ReadonlyArray<string> | undefined;
  /** Without a state file yet: events after this time (unix seconds or ISO 8601); default now. */
  readonly since?: number | string | undefined;
  /** Wait between polls that found nothing (ms, default 30 000, at least 1 000). */
  readonly pollIntervalMs?: number | undefined;
  /** Ends `run` (the feed stops at once, mid-wait or mid-request). */
  readonly signal?: AbortSignal | undefined;
  /** Told about each conversation replied to or skipped, as it happens. */
  readonly onOutcome?: ((outcome: AcknowledgeOutcome) => void) | undefined;
}

/** What happened to one inbound event. */
export type AcknowledgeOutcome =
  | { readonly kind: "replied"; readonly conversationId: string; readonly eventId: string }
  | { readonly kind: "skipped"; readonly conversationId: string | undefined; readonly eventId: string; readonly reason: string };

/** What a run did. */
export interface AutoAcknowledgeResult {
  /** Conversations replied to in this run, in order. */
  readonly replied: ReadonlyArray<string>;
  readonly skipped: ReadonlyArray<Extract<AcknowledgeOutcome, { kind: "skipped" }>>;
  /** The state as saved at the end. */
  readonly state: AcknowledgeState;
}

const EMPTY_STATE: AcknowledgeState = { version: 1, acknowledged: [] };

/** Reads the state file; a missing file is a first run. A corrupt one is an error, never silently a fresh start. */
export const readState = async (file: string): Promise<AcknowledgeState> => {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return EMPTY_STATE;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<AcknowledgeState> | null;
  if (parsed?.version !== 1 || !Array.isArray(parsed.acknowledged) || (parsed.cursor !== undefined && (parsed.cursor === null || typeof parsed.cursor !== "object"))) {
    throw new Error(`${file} is not an auto-acknowledge state file; move it away to start afresh (conversations may then be acknowledged again).`);
  }
  return { version: 1, acknowledged: parsed.acknowledged.filter((id): id is string => typeof id === "string"), ...(parsed.cursor === undefined ? {} : { cursor: parsed.cursor }) };
};

// Written beside the file and renamed over it: a crash mid-write leaves the old state, never half a file.
const writeState = async (file: string, state: AcknowledgeState): Promise<void> => {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state)}\n`);
  await rename(temporary, file);
};

// Statuses in which nobody should be acknowledged any more.
const CLOSED_STATUSES = new Set(["archived", "deleted", "trashed", "spam"]);

/** Errors after which Front cannot have sent the reply (it refused the request); anything else may have sent it. */
const REFUSED_TAGS = new Set(["InvalidInput", "Unauthorized", "Forbidden", "NotFound", "Conflict", "Validation", "RateLimited"]);

/** One acknowledger over one state file: handles events one by one, persisting after each. */
const acknowledger = (front: FrontTools, options: AutoAcknowledgeOptions, initial: AcknowledgeState) => {
  let state = initial;
  const acknowledged = new Set(initial.acknowledged);
  const replied: string[] = [];
  const skipped: Array<Extract<AcknowledgeOutcome, { kind: "skipped" }>> = [];

  const save = async (patch: { cursor?: EventCursor }): Promise<void> => {
    const ids = [...acknowledged].slice(-MAX_REMEMBERED_CONVERSATIONS);
    state = { version: 1, acknowledged: ids, ...(patch.cursor === undefined ? (state.cursor === undefined ? {} : { cursor: state.cursor }) : { cursor: patch.cursor }) };
    await writeState(options.stateFile, state);
  };

  const skip = (eventId: string, conversationId: string | undefined, reason: string): void => {
    const outcome = { kind: "skipped", conversationId, eventId, reason } as const;
    skipped.push(outcome);
    options.onOutcome?.(outcome);
  };

  /** Handles one inbound event, then saves `cursor` (the position after it) when there is one. */
  const handle = async (event: FrontEvent, cursor: EventCursor | undefined): Promise<void> => {
    const requested = event.conversation?.id;
    if (requested === undefined) {
      skip(event.id, undefined, "the event names no conversation");
    } else if (acknowledged.has(requested)) {
      skip(event.id, requested, "already acknowledged");
    } else {
      // The event is a snapshot; a teammate may have taken the conversation since. Ask Front now.
      const { conversation, merged_into: mergedInto } = await front.getConversation({ conversation_id: requested, include_messages: false });
      const id = mergedInto ?? conversation.id;
      if (acknowledged.has(id)) {
        skip(event.id, id, "already acknowledged (merged)");
      } else if (conversation.assignee != null || CLOSED_STATUSES.has(conversation.status ?? "")) {
        skip(event.id, id, conversation.assignee != null ? "already assigned" : `conversation is ${conversation.status}`);
      } else {
        acknowledged.add(id);
        await save({});
        try {
          // archive: false — Front's default (true) would archive the customer's conversation on send.
          await front.sendMessage({ conversation_id: id, body: options.body ?? DEFAULT_ACKNOWLEDGEMENT, options: { archive: false } });
        } catch (error) {
          if (REFUSED_TAGS.has((error as { _tag?: string })._tag ?? "")) {
            acknowledged.delete(id);
            await save({});
          }
          throw error;
        }
        replied.push(id);
        options.onOutcome?.({ kind: "replied", conversationId: id, eventId: event.id });
      }
    }
    await save(cursor === undefined ? {} : { cursor });
  };

  return { handle, save, result: (): AutoAcknowledgeResult => ({ replied, skipped, state }) };
};

const feedOptions = (options: AutoAcknowledgeOptions, state: AcknowledgeState) => ({
  types: ["inbound"],
  ...(options.inboxIds === undefined ? {} : { inboxIds: options.inboxIds }),
  ...(state.cursor !== undefined ? { cursor: state.cursor } : options.since === undefined ? {} : { since: options.since }),
});

/** One poll: acknowledges what arrived since the saved cursor, saves the new cursor, and returns. */
export const acknowledgeOnce = async (options: AutoAcknowledgeOptions): Promise<AutoAcknowledgeResult> => {
  const initial = await readState(options.stateFile);
  const front = createFrontTools({ token: options.token, baseUrl: options.baseUrl });
  try {
    const poll = await front.pollEvents(feedOptions(options, initial));
    const run = acknowledger(front, options, initial);
    // A poll has one cursor, for after its last event: saved only then, so a failure mid-way re-reads the
    // poll next time (the conversations already handled are in the state, and skipped).
    for (const [i, event] of poll.events.entries()) await run.handle(event, i === poll.events.length - 1 ? poll.cursor : undefined);
    if (poll.events.length === 0) await run.save({ cursor: poll.cursor });
    return run.result();
  } finally {
    await front.dispose();
  }
};

/** Acknowledges inbound messages as they arrive until `signal` aborts (a failure ends it with that error). */
export const run = async (options: AutoAcknowledgeOptions): Promise<AutoAcknowledgeResult> => {
  const initial = await readState(options.stateFile);
  const front = createFrontTools({ token: options.token, baseUrl: options.baseUrl });
  try {
    const acknowledge = acknowledger(front, options, initial);
    const feed = front.events({
      ...feedOptions(options, initial),
      ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    for await (const { event, cursor } of feed) await acknowledge.handle(event, cursor);
    return acknowledge.result();
  } finally {
    await front.dispose();
  }
};

if (isMain(import.meta.url)) {
  const stateFile = process.argv[2] ?? "auto-acknowledge.state.json";
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  process.once("SIGTERM", () => controller.abort());
  withFrontTarget((target) =>
    run({
      ...target,
      stateFile,
      signal: controller.signal,
      onOutcome: (o) => console.log(o.kind === "replied" ? `acknowledged ${o.conversationId}` : `skipped ${o.conversationId ?? o.eventId}: ${o.reason}`),
    }),
  )
    .then((result) => console.log(`acknowledged ${result.replied.length} conversation(s); state in ${stateFile}`))
    .catch(reportFailure);
}
