/**
 * list-conversations: company-wide or per inbox, filtered by status, with a
 * date filter that stops paging as soon as Front's list reaches older
 * conversations — the cheap way to poll "what changed since".
 *
 * Order: Front lists conversations "most recently updated first" (respecting
 * the company's bump settings). Several inboxes are fetched separately (at
 * most 3 at once) and merged by `updated_at`, newest first (`created_at` when
 * `updated_at` is missing); each inbox keeps Front's own order within the
 * merge, and a conversation found in several inboxes appears once with all of
 * their ids.
 */
import type { RequestControl } from "../front.js";
import { type FrontClient, request as coreRequest } from "@frontkit/core";
import { Effect, Schema } from "effect";
import { type CollectedPages, collectPages, type KeepDecision } from "../collect-pages.js";
import { defineTool } from "../definition.js";
import { MAX_PAGE_SIZE } from "../pagination.js";
import { frontId, NonEmptyTrimmed } from "../schemas/common.js";
import { forEachWithProgress } from "../progress.js";
import { Conversation, ConversationStatusFilter, StatusCategory } from "../schemas/conversation.js";
import { Timestamp, toUnixSeconds } from "../schemas/time.js";

/** Default page size (one request per inbox). */
export const DEFAULT_CONVERSATIONS_LIMIT = 25;
/** Default bound of auto-paging. */
export const DEFAULT_CONVERSATIONS_MAX_RESULTS = 200;
/** Hard cap of auto-paging (per inbox, and of the merged result). */
export const MAX_CONVERSATIONS_RESULTS = 2_000;
/** Most inboxes one call may name. */
export const MAX_INBOX_IDS = 20;
/** Inboxes fetched at once: leaves room under Front's ~5 req/s burst limit for other work. */
export const INBOX_CONCURRENCY = 3;

/** Input of list-conversations. */
export const ListConversationsInput = Schema.Struct({
  inbox_ids: Schema.optionalKey(
    Schema.Array(frontId("inb", "inbox")).check(
      Schema.isMaxLength(MAX_INBOX_IDS, { message: `at most ${MAX_INBOX_IDS} inboxes per call` }),
      Schema.isUnique({ message: "must not repeat an inbox id" }),
    ),
  ).annotate({ description: "Inboxes (inb_…) to list; none = every conversation the token can see." }),
  statuses: Schema.optionalKey(Schema.Array(ConversationStatusFilter).check(Schema.isUnique({ message: "must not repeat a status" }))).annotate({
    description: "Only these statuses: assigned, unassigned, archived, trashed (default: no status filter, Front decides).",
  }),
  status_categories: Schema.optionalKey(Schema.Array(StatusCategory).check(Schema.isUnique({ message: "must not repeat a category" }))).annotate({
    description: "Companies with ticketing: only these ticket status categories (open, waiting, resolved). Not together with statuses.",
  }),
  updated_after: Schema.optionalKey(Timestamp).annotate({
    description: "Only conversations updated after this time (ISO 8601 or unix seconds); paging stops at the first older one.",
  }),
  limit: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: MAX_PAGE_SIZE }))).annotate({
    description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_CONVERSATIONS_LIMIT}); without auto_paginate also the most returned.`,
  }),
  page_token: Schema.optionalKey(NonEmptyTrimmed).annotate({
    description: "Continue from a previous call's next_page_token (company-wide or one inbox only).",
  }),
  auto_paginate: Schema.optionalKey(Schema.Boolean).annotate({ description: "Follow pages until max_results, the date filter or the end of the list." }),
  max_results: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: MAX_CONVERSATIONS_RESULTS }))).annotate({
    description: `With auto_paginate: most conversations to return (default ${DEFAULT_CONVERSATIONS_MAX_RESULTS}, at most ${MAX_CONVERSATIONS_RESULTS}).`,
  }),
}).check(
  Schema.makeFilter((input) => {
    if (input.statuses !== undefined && input.status_categories !== undefined)
      return { path: ["status_categories"], issue: "give statuses or status_categories, not both (Front accepts one of them)" };
    if (input.page_token !== undefined && (input.inbox_ids?.length ?? 0) > 1)
      return { path: ["page_token"], issue: "page_token continues one list: give at most one inbox id with it" };
    if (input.max_results !== undefined && input.auto_paginate !== true)
      return { path: ["max_results"], issue: "max_results needs auto_paginate: true (use limit for one page)" };
    return undefined;
  }),
);
/** Input of list-conversations. */
export type ListConversationsInput = typeof ListConversationsInput.Type;

/** Output of list-conversations. */
export const ListConversationsOutput = Schema.Struct({
  conversations: Schema.Array(Conversation),
  count: Schema.Int,
  next_page_token: Schema.optionalKey(Schema.String),
  stopped_by_date_filter: Schema.Boolean,
});
/** Output of list-conversations. */
export type ListConversationsOutput = typeof ListConversationsOutput.Type;

/** The time Front orders its lists by. */
const orderKey = (c: Conversation): number => c.updated_at ?? c.created_at ?? Number.NEGATIVE_INFINITY;

/** Front's `q` for this input, or undefined when there is no filter. */
export const conversationsQuery = (input: ListConversationsInput) =>
  input.statuses !== undefined
    ? { statuses: [...input.statuses] }
    : input.status_categories !== undefined
      ? { status_categories: [...input.status_categories] }
      : undefined;

/**
 * Merges lists that are each newest first into one, newest first; ties and
 * unordered runs keep each list's own order. Duplicates (a conversation in
 * several inboxes) are kept once, with the inbox ids joined.
 */
export const mergeNewestFirst = (lists: ReadonlyArray<ReadonlyArray<Conversation>>): Array<Conversation> => {
  const heads = lists.map(() => 0);
  const out: Array<Conversation> = [];
  const byId = new Map<string, number>();
  while (true) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const item = lists[i]![heads[i]!];
      if (item === undefined) continue;
      if (best === -1 || orderKey(item) > orderKey(lists[best]![heads[best]!]!)) best = i;
    }
    if (best === -1) return out;
    const item = lists[best]![heads[best]!]!;
    heads[best]!++;
    const at = byId.get(item.id);
    if (at === undefined) {
      byId.set(item.id, out.length);
      out.push(item);
    } else {
      const prev = out[at]!;
      out[at] = { ...prev, inbox_ids: [...new Set([...(prev.inbox_ids ?? []), ...(item.inbox_ids ?? [])])] };
    }
  }
};

/** list-conversations tool definition. */
export const listConversations = defineTool<ListConversationsInput, ListConversationsOutput>({
  name: "list-conversations",
  title: "List conversations",
  description:
    "Use this to list Front conversations (cnv_…) company-wide or in given inboxes (inbox_ids, inb_… from list-inboxes), e.g. to poll what changed since a time. " +
    "Filters: statuses (assigned, unassigned, archived, trashed) or, with ticketing, status_categories (open, waiting, resolved); " +
    "updated_after (ISO 8601 or unix seconds) — Front lists most recently updated first, so paging stops at the first older conversation (stopped_by_date_filter: true) and costs few requests. " +
    `By default one page (limit, default ${DEFAULT_CONVERSATIONS_LIMIT}, max ${MAX_PAGE_SIZE}) with next_page_token to pass back as page_token (company-wide or one inbox). ` +
    `With auto_paginate: true follows pages up to max_results (default ${DEFAULT_CONVERSATIONS_MAX_RESULTS}, hard cap ${MAX_CONVERSATIONS_RESULTS}). ` +
    "Several inboxes are fetched separately and merged newest first by updated_at (no next_page_token then). " +
    "Returns { conversations, count, next_page_token?, stopped_by_date_filter } with id, subject, status, assignee, recipient, tags, inbox_ids (when listed by inbox), created_at/updated_at/waiting_since (unix seconds). " +
    "For a conversation's messages use get-conversation. Read-only.",
  input: ListConversationsInput,
  output: ListConversationsOutput,
  annotations: { readOnly: true, destructive: false, idempotent: true, openWorld: true },
  run: (input) =>
    Effect.gen(function* () {
      const q = conversationsQuery(input);
      const auto = input.auto_paginate === true;
      const pageSize = input.limit ?? (auto ? MAX_PAGE_SIZE : DEFAULT_CONVERSATIONS_LIMIT);
      const maxResults = auto ? (input.max_results ?? DEFAULT_CONVERSATIONS_MAX_RESULTS) : pageSize;
      const after = input.updated_after === undefined ? undefined : toUnixSeconds(input.updated_after);
      // Front's order is by update time, newest first: the first conversation not updated after the cut-off ends the list.
      const keep =
        after === undefined
          ? undefined
          : (c: Conversation): KeepDecision => (c.updated_at === undefined || c.updated_at === null || c.updated_at > after ? "keep" : "stop");
      const query = (pageToken: string | undefined, limit: number) => ({
        limit,
        ...(q === undefined ? {} : { q }),
        ...(pageToken === undefined ? {} : { page_token: pageToken }),
      });
      const common = { item: Conversation, pageSize, maxResults, maxPages: auto ? undefined : 1, keep, pageToken: input.page_token };

      const inboxIds = input.inbox_ids ?? [];
      if (inboxIds.length === 0) {
        const result = yield* collectPages({
          ...common,
          operation: "GET /conversations",
          call: (pageToken, limit) => (client: FrontClient, control: RequestControl) =>
            coreRequest(client, "get", "/conversations", { params: { query: query(pageToken, limit) }, ...control }),
        });
        return output(result.items, result);
      }

      // Inboxes page concurrently; their progress is reported as one sum (pages done, pages expected).
      const perInbox = yield* forEachWithProgress(
        inboxIds,
        (inboxId) =>
          collectPages({
            ...common,
            operation: "GET /inboxes/{inbox_id}/conversations",
            call: (pageToken, limit) => (client: FrontClient, control: RequestControl) =>
              coreRequest(client, "get", "/inboxes/{inbox_id}/conversations", {
                params: { path: { inbox_id: inboxId }, query: query(pageToken, limit) },
                ...control,
              }),
          }).pipe(Effect.map((result) => ({ result, items: result.items.map((c) => ({ ...c, inbox_ids: [inboxId] })) }))),
        { concurrency: INBOX_CONCURRENCY },
      );
      if (perInbox.length === 1) return output(perInbox[0]!.items, perInbox[0]!.result);
      const merged = mergeNewestFirst(perInbox.map((p) => p.items)).slice(0, maxResults);
      return {
        conversations: merged,
        count: merged.length,
        stopped_by_date_filter: perInbox.some((p) => p.result.stoppedEarly),
      };
    }),
});

const output = (items: ReadonlyArray<Conversation>, result: CollectedPages<Conversation>): ListConversationsOutput => ({
  conversations: [...items],
  count: items.length,
  ...(result.nextPageToken === undefined ? {} : { next_page_token: result.nextPageToken }),
  stopped_by_date_filter: result.stoppedEarly,
});
