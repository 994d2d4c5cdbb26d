/**
 * list-conversations: company-wide or per inbox, filtered by status, with an
 * `updated_after` filter applied while reading the list.
 *
 * Order: Front lists `/conversations` "most recently updated first" *as the
 * company's bump settings decide* (bump on replies, comments, or never), so a
 * conversation tagged, assigned or commented gets a new `updated_at` without
 * moving up; `/inboxes/{id}/conversations` documents no order at all. Nothing
 * here assumes an order: `updated_after` reads the list (bounded by
 * max_results and max_pages) and keeps what matches, and says `complete: false`
 * when a bound stopped it before the end. Several inboxes are fetched
 * separately (at most 3 at once); a conversation found in several appears once
 * with all of their ids, and the result is sorted by `updated_at`, newest first.
 */
import type { RequestControl } from "../front.js";
import { type FrontClient, request as coreRequest } from "@frontkit/core";
import { Effect, Schema } from "effect";
import { type CollectedPages, collectPages } from "../collect-pages.js";
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
/** Default page budget of auto-paging, per list (raised to fit max_results in full pages). */
export const DEFAULT_CONVERSATIONS_MAX_PAGES = 50;
/** Hard cap of the page budget, per list. */
export const MAX_CONVERSATIONS_PAGES = 500;

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
    description:
      "Only conversations updated after this time (ISO 8601 or unix seconds). Front's lists are not in updated_at order, " +
      "so this reads the list and filters it: about one request per page of the list, up to max_pages.",
  }),
  limit: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: MAX_PAGE_SIZE }))).annotate({
    description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_CONVERSATIONS_LIMIT}); without auto_paginate also the most returned.`,
  }),
  page_token: Schema.optionalKey(NonEmptyTrimmed).annotate({
    description: "Continue from a previous call's next_page_token (company-wide or one inbox only).",
  }),
  auto_paginate: Schema.optionalKey(Schema.Boolean).annotate({ description: "Follow pages until max_results, max_pages or the end of the list." }),
  max_results: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: MAX_CONVERSATIONS_RESULTS }))).annotate({
    description: `With auto_paginate: most conversations to return (default ${DEFAULT_CONVERSATIONS_MAX_RESULTS}, at most ${MAX_CONVERSATIONS_RESULTS}).`,
  }),
  max_pages: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: MAX_CONVERSATIONS_PAGES }))).annotate({
    description:
      `With auto_paginate: most pages (requests) read per list, empty pages included, plus one to end exactly at max_results ` +
      `(default ${DEFAULT_CONVERSATIONS_MAX_PAGES}, or enough for max_results in full pages; at most ${MAX_CONVERSATIONS_PAGES}).`,
  }),
}).check(
  Schema.makeFilter((input) => {
    if (input.statuses !== undefined && input.status_categories !== undefined)
      return { path: ["status_categories"], issue: "give statuses or status_categories, not both (Front accepts one of them)" };
    if (input.page_token !== undefined && (input.inbox_ids?.length ?? 0) > 1)
      return { path: ["page_token"], issue: "page_token continues one list: give at most one inbox id with it" };
    if (input.max_results !== undefined && input.auto_paginate !== true)
      return { path: ["max_results"], issue: "max_results needs auto_paginate: true (use limit for one page)" };
    if (input.max_pages !== undefined && input.auto_paginate !== true)
      return { path: ["max_pages"], issue: "max_pages needs auto_paginate: true (without it one page is read)" };
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
  complete: Schema.Boolean.annotate({
    description:
      "True when every list was read to its end, so no conversation matching the filters was left out; false when " +
      "limit, max_results or max_pages stopped first (continue with next_page_token when there is one).",
  }),
  stopped_by_date_filter: Schema.Boolean.annotate({
    description: "Deprecated, always false: paging never stops at a date any more (Front's lists are not in updated_at order). Use complete.",
  }),
});
/** Output of list-conversations. */
export type ListConversationsOutput = typeof ListConversationsOutput.Type;

/** Sort key of the merged result: `updated_at`, else `created_at`; conversations without either go last. */
const updatedKey = (c: Conversation): number => c.updated_at ?? c.created_at ?? Number.NEGATIVE_INFINITY;

/** Front's `q` for this input, or undefined when there is no filter. */
export const conversationsQuery = (input: ListConversationsInput) =>
  input.statuses !== undefined
    ? { statuses: [...input.statuses] }
    : input.status_categories !== undefined
      ? { status_categories: [...input.status_categories] }
      : undefined;

/**
 * True unless Front says the conversation was last updated at or before `after`. A conversation without
 * `updated_at` is kept: nothing proves it older, and leaving out a changed conversation is the worse mistake.
 */
export const updatedAfter =
  (after: number) =>
  (c: Conversation): boolean =>
    c.updated_at === undefined || c.updated_at === null || c.updated_at > after;

/**
 * Joins per-inbox lists into one: a conversation in several inboxes appears once with all their ids, and the
 * result is sorted by `updated_at` (else `created_at`), newest first. No list is assumed to be in any order
 * (Front documents none for inbox lists); ties keep the order they were found in.
 */
export const mergeNewestFirst = (lists: ReadonlyArray<ReadonlyArray<Conversation>>): Array<Conversation> => {
  const out: Array<Conversation> = [];
  const byId = new Map<string, number>();
  for (const list of lists) {
    for (const item of list) {
      const at = byId.get(item.id);
      if (at === undefined) {
        byId.set(item.id, out.length);
        out.push(item);
        continue;
      }
      const prev = out[at]!;
      out[at] = { ...prev, inbox_ids: [...new Set([...(prev.inbox_ids ?? []), ...(item.inbox_ids ?? [])])] };
    }
  }
  // Array.prototype.sort is stable: equal keys keep the order above.
  return out.sort((x, y) => updatedKey(y) - updatedKey(x) || 0);
};

/** list-conversations tool definition. */
export const listConversations = defineTool<ListConversationsInput, ListConversationsOutput>({
  name: "list-conversations",
  title: "List conversations",
  description:
    "Use this to list Front conversations (cnv_…) company-wide or in given inboxes (inbox_ids, inb_… from list-inboxes), filtered by status or by last update. " +
    "Filters: statuses (assigned, unassigned, archived, trashed) or, with ticketing, status_categories (open, waiting, resolved); " +
    "updated_after (ISO 8601 or unix seconds) keeps conversations updated after that time. Front does not list conversations in updated_at order " +
    "(company-wide it follows the company's bump settings, so a tagged or assigned conversation keeps its place; inbox lists have no documented order), " +
    "so updated_after reads the whole list: about (conversations in the list ÷ page size) requests per list, up to max_pages. " +
    "For \"what changed since\" the events feed is cheaper and exact (GET /events with q[after] through raw-api-request, or frontkit's events feed). " +
    `By default one page (limit, default ${DEFAULT_CONVERSATIONS_LIMIT}, max ${MAX_PAGE_SIZE}) with next_page_token to pass back as page_token (company-wide or one inbox). ` +
    `With auto_paginate: true follows pages up to max_results (default ${DEFAULT_CONVERSATIONS_MAX_RESULTS}, hard cap ${MAX_CONVERSATIONS_RESULTS}) ` +
    `and max_pages per list (default ${DEFAULT_CONVERSATIONS_MAX_PAGES}, hard cap ${MAX_CONVERSATIONS_PAGES}). ` +
    "complete: false means a bound stopped before the end of a list, so matching conversations may be missing: continue with next_page_token, or raise the bounds. " +
    "One list keeps Front's order; several inboxes are fetched separately and sorted newest first by updated_at (no next_page_token then). " +
    "Returns { conversations, count, next_page_token?, complete, stopped_by_date_filter (deprecated, always false) } with id, subject, status, assignee, recipient, tags, " +
    "inbox_ids (when listed by inbox), created_at/updated_at/waiting_since (unix seconds). " +
    "For a conversation's messages use get-conversation. Read-only.",
  input: ListConversationsInput,
  output: ListConversationsOutput,
  annotations: { readOnly: true, destructive: false, idempotent: true, openWorld: true },
  menu: { resource: "conversation", operation: "getAll", label: "Get Many" },
  paging: {
    mode: "cursor",
    items: "conversations",
    limit: "limit",
    cursor: "page_token",
    next: "next_page_token",
    autoPaginate: { flag: "auto_paginate", maxResults: "max_results" },
  },
  examples: [
    { title: "Unassigned conversations of one inbox", input: { inbox_ids: ["inb_55c8c149"], statuses: ["unassigned"], limit: 25 } },
    {
      title: "Updated since a time: reads the list (at most 20 pages), complete says whether it reached the end",
      input: { updated_after: 1767225600, auto_paginate: true, max_results: 100, max_pages: 20 },
    },
  ],
  run: (input) =>
    Effect.gen(function* () {
      const q = conversationsQuery(input);
      const auto = input.auto_paginate === true;
      const pageSize = input.limit ?? (auto ? MAX_PAGE_SIZE : DEFAULT_CONVERSATIONS_LIMIT);
      const maxResults = auto ? (input.max_results ?? DEFAULT_CONVERSATIONS_MAX_RESULTS) : pageSize;
      const maxPages = auto ? (input.max_pages ?? Math.max(DEFAULT_CONVERSATIONS_MAX_PAGES, Math.ceil(maxResults / pageSize))) : 1;
      // No order is assumed (see module comment): the filter drops older conversations wherever they sit.
      const keep = input.updated_after === undefined ? undefined : updatedAfter(toUnixSeconds(input.updated_after));
      const query = (pageToken: string | undefined, limit: number) => ({
        limit,
        ...(q === undefined ? {} : { q }),
        ...(pageToken === undefined ? {} : { page_token: pageToken }),
      });
      const common = { item: Conversation, pageSize, maxResults, maxPages, keep, pageToken: input.page_token };

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
      const merged = mergeNewestFirst(perInbox.map((p) => p.items));
      const kept = merged.slice(0, maxResults);
      return {
        conversations: kept,
        count: kept.length,
        // One token cannot continue several lists: an incomplete merge says so and leaves narrowing the call to the caller.
        complete: merged.length <= maxResults && perInbox.every((p) => !p.result.hasMore),
        stopped_by_date_filter: false,
      };
    }),
});

const output = (items: ReadonlyArray<Conversation>, result: CollectedPages<Conversation>): ListConversationsOutput => ({
  conversations: [...items],
  count: items.length,
  ...(result.nextPageToken === undefined ? {} : { next_page_token: result.nextPageToken }),
  complete: !result.hasMore,
  stopped_by_date_filter: false,
});
