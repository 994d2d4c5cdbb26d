/**
 * Poll inboxes cheaply with the date filter (Promise facade).
 *
 * The inbox list rarely changes, so it is fetched once and kept. Each poll then asks
 * list-conversations for those inboxes with `updated_after` = the newest `updated_at`
 * of the previous poll: Front lists newest first, so paging stops at the first
 * conversation that is not newer — a quiet poll costs one request per inbox.
 *
 * Run: npx tsx examples/poll-inboxes.ts
 */
import { createFrontTools, type FrontTools } from "@frontkit/tools/promise";
import { isMain, reportFailure, withFrontTarget } from "./lib/target.js";

/** list-conversations names at most 20 inboxes per call. */
const MAX_INBOXES_PER_CALL = 20;

/** Options of the inbox poller. */
export interface PollInboxesOptions {
  readonly baseUrl: string;
  readonly token: string;
  /** Start of the first poll (unix seconds or ISO 8601); later polls continue from the newest conversation seen. */
  readonly since: number | string;
  /** Polls to run (default 2). */
  readonly polls?: number | undefined;
  /** Most conversations one poll returns (default 200). */
  readonly maxResults?: number | undefined;
}

/** What one poll found. */
export interface PollResult {
  readonly conversationIds: ReadonlyArray<string>;
  /** True when paging ended because it reached conversations older than the cursor. */
  readonly stoppedByDateFilter: boolean;
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

/** Creates a poller over every inbox the token can see, on an existing FrontTools. */
export const createInboxPoller = (front: FrontTools, since: number | string, maxResults = 200): InboxPoller => {
  let inboxIds: ReadonlyArray<string> | undefined;
  let inboxListings = 0;
  let cursor = since;
  return {
    get inboxListings() {
      return inboxListings;
    },
    get cursor() {
      return cursor;
    },
    poll: async () => {
      if (inboxIds === undefined) {
        inboxListings++;
        const listed = await front.listInboxes();
        inboxIds = listed.inboxes.map((inbox) => inbox.id).slice(0, MAX_INBOXES_PER_CALL);
      }
      const used = cursor;
      if (inboxIds.length === 0) return { conversationIds: [], stoppedByDateFilter: false, since: used };
      const result = await front.listConversations({ inbox_ids: [...inboxIds], updated_after: used, auto_paginate: true, max_results: maxResults });
      for (const c of result.conversations) {
        const updated = c.updated_at ?? undefined;
        if (updated !== undefined && (typeof cursor !== "number" || updated > cursor)) cursor = updated;
      }
      return { conversationIds: result.conversations.map((c) => c.id), stoppedByDateFilter: result.stopped_by_date_filter, since: used };
    },
  };
};

/** Runs `polls` polls in a row and returns what each found. */
export const run = async (options: PollInboxesOptions): Promise<{ polls: ReadonlyArray<PollResult>; inboxListings: number }> => {
  const front = createFrontTools({ token: options.token, baseUrl: options.baseUrl });
  try {
    const poller = createInboxPoller(front, options.since, options.maxResults);
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
      polls.forEach((p, i) => console.log(`poll ${i + 1}: ${p.conversationIds.length} conversation(s) since ${String(p.since)}, stopped by date filter: ${p.stoppedByDateFilter}`)),
    )
    .catch(reportFailure);
}
