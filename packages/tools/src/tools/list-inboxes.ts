/** list-inboxes: every inbox the token can see (all pages, cached). */
import { Effect, Schema } from "effect";
import { defineTool } from "../definition.js";
import { allInboxes } from "../inboxes.js";
import { Inbox } from "../schemas/inbox.js";

/** Input of list-inboxes. */
export const ListInboxesInput = Schema.Struct({
  refresh: Schema.optionalKey(Schema.Boolean).annotate({
    description: "true to bypass the cached list and fetch the inboxes again (default false).",
  }),
});

/** Output of list-inboxes. */
export const ListInboxesOutput = Schema.Struct({
  inboxes: Schema.Array(Inbox),
  count: Schema.Int,
});

/** list-inboxes tool definition. */
export const listInboxes = defineTool({
  name: "list-inboxes",
  title: "List inboxes",
  description:
    "Use this to find inbox ids (inb_…) and names, e.g. to filter conversations by inbox. " +
    "Returns every inbox the API token can see (all pages) as { inboxes, count }. Cached for a few minutes per connection; pass refresh: true after inboxes changed. " +
    "Note: to send a new message you need a channel id (cha_…), not an inbox id. Read-only.",
  input: ListInboxesInput,
  output: ListInboxesOutput,
  annotations: { readOnly: true, destructive: false, idempotent: true, openWorld: true },
  menu: { resource: "inbox", operation: "getAll", label: "Get Many" },
  paging: { mode: "all", items: "inboxes" },
  examples: [
    { title: "Inboxes (cached per connection)", input: {} },
    { title: "Right after an inbox was added", input: { refresh: true } },
  ],
  run: (input) =>
    Effect.map(allInboxes({ refresh: input.refresh === true }), (inboxes) => ({ inboxes: [...inboxes], count: inboxes.length })),
});
