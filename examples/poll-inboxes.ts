/**
 * Poll inboxes for changed conversations with list-conversations' date filter (Promise facade).
 *
 * The inbox list rarely changes, so it is fetched once and kept. Each poll asks list-conversations
 * for those inboxes with `updated_after` = when the previous poll *started*, minus a clock-skew
 * margin. Not the newest `updated_at` seen: Front does not list conversations in update order (its
 * bump settings decide; inbox lists have no documented order), so every poll reads each inbox list
 * to its end (about one request per 100 conversations) and a conversation changed while the lists
 * were being read may already have been passed. The margin makes consecutive polls overlap; what the
 * previous poll already returned (same id, same `updated_at`) is not reported again. A poll that a
 * bound stopped before the end (`complete: false`) keeps the cursor, so nothing is skipped (if polls keep
 * coming back incomplete, raise maxResults).
 *
 * For "what changed since" the events feed is cheaper and exact; this example shows the list-based
 * way and what it costs.
 *
 * Run: npx tsx examples/poll-inboxes.ts
 */
import { createFrontTools, type FrontTools } from "@frontkit/tools/promise";
import { isMain, reportFailure, withFrontTarget } from "./lib/target.js";

/** list-conversations names at most 20 inboxes per call. */
const MAX_INBOXES_PER_CALL = 20;
/** Default overlap between polls: covers a clock behind Front's by up to a minute. */
const DEFAULT_CLOCK_SKEW_SECONDS = 60;

/** Options of the inbox poller. */
export interface PollInboxesOptions {
  readonly baseUrl: string;
  readonly token: string;
  /** Start of the first poll (unix seconds or ISO 8601); later polls start from the previous poll's start. */
  readonly since: number | string;
  /** Polls to run (default 2). */
  readonly polls?: number | undefined;
  /** Most conversations one poll returns (default 200). */
  readonly maxResults?: number | undefined;
}

/** Options of {@link createInboxPoller}. */
export interface InboxPollerOptions {
  /** Most conversations one poll returns (default 200). */
  readonly maxResults?: number | undefined;
  /** Seconds each poll reaches back before the previous poll's start (default 60). */
  readonly clockSkewSeconds?: number | undefined;
  /** Clock in unix ms (default Date.now). */
  readonly now?: (() => number) | undefined;
}

/** What one poll found. */
export interface PollResult {
  /** Conversations changed since the cursor and not already reported by the previous poll. */
  readonly conversationIds: ReadonlyArray<string>;
  /** False when a bound stopped the read before the end of a list: the next poll repeats this cursor. */
  readonly complete: boolean;
  /** The cursor this poll used. */
  readonly since: number | string;
}

/** A poller that keeps the inbox list and the cursor between polls. */
export interface InboxPoller {
  poll(): Promise<PollResult>;
  /** Times list-inboxes was called (1 after any number of polls). */
  readonly inboxListings: number;
  readonly cursor: number | string;
}

const seconds = (t: number | string): number => (typeof t === "number" ? t : Date.parse(t) / 1000);

/** Creates a poller over every inbox the token can see, on an existing FrontTools. */
export const createInboxPoller = (front: FrontTools, since: number | string, options: InboxPollerOptions = {}): InboxPoller => {
  const maxResults = options.maxResults ?? 200;
  const skew = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  const now = options.now ?? Date.now;
  let inboxIds: ReadonlyArray<string> | undefined;
  let inboxListings = 0;
  let cursor = since;
  // What the previous poll returned (id → updated_at): the overlap between polls returns it again.
  let previous = new Map<string, number | null | undefined>();
  return {
    get inboxListings() {
      return inboxListings;
    },
    get cursor() {
      return cursor;
    },
    poll: async () => {
      const started = now() / 1000;
      if (inboxIds === undefined) {
        inboxListings++;
        const listed = await front.listInboxes();
        inboxIds = listed.inboxes.map((inbox) => inbox.id).slice(0, MAX_INBOXES_PER_CALL);
      }
      const used = cursor;
      if (inboxIds.length === 0) return { conversationIds: [], complete: true, since: used };
      const result = await front.listConversations({ inbox_ids: [...inboxIds], updated_after: used, auto_paginate: true, max_results: maxResults });
      const fresh = result.conversations.filter((c) => !previous.has(c.id) || previous.get(c.id) !== c.updated_at);
      previous = new Map(result.conversations.map((c) => [c.id, c.updated_at]));
      if (result.complete) cursor = Math.max(seconds(used), Math.floor(started - skew));
      return { conversationIds: fresh.map((c) => c.id), complete: result.complete, since: used };
    },
  };
};

/** Runs `polls` polls in a row and returns what each found. */
export const run = async (options: PollInboxesOptions): Promise<{ polls: ReadonlyArray<PollResult>; inboxListings: number }> => {
  const front = createFrontTools({ token: options.token, baseUrl: options.baseUrl });
  try {
    const poller = createInboxPoller(front, options.since, { maxResults: options.maxResults });
    const polls: PollResult[] = [];
    for (let i = 0; i < (options.polls ?? 2); i++) polls.push(await poller.poll());
    return { polls, inboxListings: poller.inboxListings };
  } finally {
    await front.dispose();
  }
};

if (isMain(import.meta.url)) {
  // The mock's example data is from 2023, so it starts further back there; real Front polls the last day.
  const since = process.env["FRONT_API_TOKEN"] ? Math.floor(Date.now() / 1000) - 86_400 : 1_600_000_000;
  withFrontTarget((target) => run({ ...target, since }))
    .then(({ polls }) =>
      polls.forEach((p, i) => console.log(`poll ${i + 1}: ${p.conversationIds.length} changed conversation(s) since ${String(p.since)}, complete: ${p.complete}`)),
    )
    .catch(reportFailure);
}
