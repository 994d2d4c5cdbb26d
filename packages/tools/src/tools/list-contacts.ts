/**
 * list-contacts: the company's contacts, filtered by update time and sorted,
 * one page at a time or auto-paged up to a bound.
 */
import type { RequestControl } from "../front.js";
import { type FrontClient, request as coreRequest } from "@frontkit/core";
import { Effect, Schema } from "effect";
import { collectPages } from "../collect-pages.js";
import { defineTool } from "../definition.js";
import { MAX_PAGE_SIZE } from "../pagination.js";
import { NonEmptyTrimmed } from "../schemas/common.js";
import { Contact } from "../schemas/contact.js";
import { Timestamp, toUnixSeconds } from "../schemas/time.js";

/** Default page size (one request). */
export const DEFAULT_CONTACTS_LIMIT = 50;
/** Default bound of auto-paging. */
export const DEFAULT_CONTACTS_MAX_RESULTS = 500;
/** Hard cap of auto-paging: 50 requests at Front's page size ceiling. */
export const MAX_CONTACTS_RESULTS = 5_000;

const OPERATION = "GET /contacts";

/** Input of list-contacts. */
export const ListContactsInput = Schema.Struct({
  updated_after: Schema.optionalKey(Timestamp).annotate({ description: "Only contacts updated after this time (ISO 8601 or unix seconds)." }),
  updated_before: Schema.optionalKey(Timestamp).annotate({ description: "Only contacts updated before this time (ISO 8601 or unix seconds)." }),
  sort_by: Schema.optionalKey(Schema.Literals(["created_at", "updated_at"])).annotate({ description: "Sort field." }),
  sort_order: Schema.optionalKey(Schema.Literals(["asc", "desc"])).annotate({ description: "Sort order (with sort_by)." }),
  limit: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: MAX_PAGE_SIZE }))).annotate({
    description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_CONTACTS_LIMIT}).`,
  }),
  page_token: Schema.optionalKey(NonEmptyTrimmed).annotate({ description: "Continue from a previous call's next_page_token." }),
  auto_paginate: Schema.optionalKey(Schema.Boolean).annotate({ description: "Follow pages until max_results or the end of the list." }),
  max_results: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: MAX_CONTACTS_RESULTS }))).annotate({
    description: `With auto_paginate: most contacts to return (default ${DEFAULT_CONTACTS_MAX_RESULTS}, at most ${MAX_CONTACTS_RESULTS}).`,
  }),
}).check(
  Schema.makeFilter((input) => {
    if (input.updated_after !== undefined && input.updated_before !== undefined && toUnixSeconds(input.updated_after) >= toUnixSeconds(input.updated_before))
      return { path: ["updated_before"], issue: "updated_before must be later than updated_after" };
    if (input.sort_order !== undefined && input.sort_by === undefined) return { path: ["sort_by"], issue: "sort_by is required with sort_order" };
    if (input.max_results !== undefined && input.auto_paginate !== true) return { path: ["max_results"], issue: "max_results needs auto_paginate: true (use limit for one page)" };
    return undefined;
  }),
);
/** Input of list-contacts. */
export type ListContactsInput = typeof ListContactsInput.Type;

/** Output of list-contacts. */
export const ListContactsOutput = Schema.Struct({
  contacts: Schema.Array(Contact),
  count: Schema.Int,
  next_page_token: Schema.optionalKey(Schema.String),
});
/** Output of list-contacts. */
export type ListContactsOutput = typeof ListContactsOutput.Type;

/** Front's `q` for this input (unix seconds), or undefined when there is no filter. */
export const contactsQuery = (input: ListContactsInput) => {
  const q: { updated_after?: number; updated_before?: number } = {};
  if (input.updated_after !== undefined) q.updated_after = toUnixSeconds(input.updated_after);
  if (input.updated_before !== undefined) q.updated_before = toUnixSeconds(input.updated_before);
  return Object.keys(q).length === 0 ? undefined : q;
};

/** list-contacts tool definition. */
export const listContacts = defineTool<ListContactsInput, ListContactsOutput>({
  name: "list-contacts",
  title: "List contacts",
  description:
    "Use this to list Front contacts (crd_…), e.g. the ones changed since a date for a sync. " +
    "Filters: updated_after / updated_before (ISO 8601 or unix seconds); sort_by created_at|updated_at with sort_order asc|desc. " +
    `By default returns one page (limit, default ${DEFAULT_CONTACTS_LIMIT}, max ${MAX_PAGE_SIZE}) and a next_page_token to pass back as page_token for more. ` +
    `With auto_paginate: true it follows pages up to max_results (default ${DEFAULT_CONTACTS_MAX_RESULTS}, hard cap ${MAX_CONTACTS_RESULTS}). ` +
    "Returns { contacts, count, next_page_token? } with name, handles, groups, links and custom fields. To find one contact by email or phone use get-contact. Read-only.",
  input: ListContactsInput,
  output: ListContactsOutput,
  annotations: { readOnly: true, destructive: false, idempotent: true, openWorld: true },
  menu: { resource: "contact", operation: "getAll", label: "Get Many" },
  paging: {
    mode: "cursor",
    items: "contacts",
    limit: "limit",
    cursor: "page_token",
    next: "next_page_token",
    autoPaginate: { flag: "auto_paginate", maxResults: "max_results" },
  },
  examples: [
    { title: "First page of contacts", input: { limit: 25 } },
    {
      title: "Contacts changed since a date, every page up to 200",
      input: { updated_after: "2026-01-01T00:00:00Z", sort_by: "updated_at", sort_order: "desc", auto_paginate: true, max_results: 200 },
    },
  ],
  run: (input) =>
    Effect.gen(function* () {
      const q = contactsQuery(input);
      const auto = input.auto_paginate === true;
      const pageSize = input.limit ?? (auto ? MAX_PAGE_SIZE : DEFAULT_CONTACTS_LIMIT);
      const result = yield* collectPages({
        operation: OPERATION,
        call: (pageToken, limit) => (client: FrontClient, control: RequestControl) =>
          coreRequest(client, "get", "/contacts", {
            params: {
              query: {
                limit,
                ...(q === undefined ? {} : { q }),
                ...(input.sort_by === undefined ? {} : { sort_by: input.sort_by }),
                ...(input.sort_order === undefined ? {} : { sort_order: input.sort_order }),
                ...(pageToken === undefined ? {} : { page_token: pageToken }),
              },
            },
            ...control,
          }),
        item: Contact,
        pageToken: input.page_token,
        pageSize,
        maxResults: auto ? (input.max_results ?? DEFAULT_CONTACTS_MAX_RESULTS) : pageSize,
        maxPages: auto ? undefined : 1,
      });
      return {
        contacts: [...result.items],
        count: result.items.length,
        ...(result.nextPageToken === undefined ? {} : { next_page_token: result.nextPageToken }),
      };
    }),
});
