/** list-tags: every tag of the company (all pages, cached). */
import { Effect, Schema } from "effect";
import { defineTool } from "../definition.js";
import { Tag } from "../schemas/tag.js";
import { allTags } from "../tags.js";

/** Input of list-tags. */
export const ListTagsInput = Schema.Struct({
  refresh: Schema.optionalKey(Schema.Boolean).annotate({
    description: "true to bypass the cached list and fetch the tags again (default false).",
  }),
});

/** Output of list-tags. */
export const ListTagsOutput = Schema.Struct({
  tags: Schema.Array(Tag),
  count: Schema.Int,
});

/** list-tags tool definition. */
export const listTags = defineTool({
  name: "list-tags",
  title: "List tags",
  description:
    "Use this to see which tags exist in Front (ids, names, descriptions), for example before tagging a conversation or to map a tag name to its id. " +
    "Returns every tag of the company (all pages) as { tags, count }. The list is cached for a few minutes per connection; pass refresh: true right after tags were created or renamed. " +
    "Read-only; does not create tags.",
  input: ListTagsInput,
  output: ListTagsOutput,
  annotations: { readOnly: true, destructive: false, idempotent: true, openWorld: true },
  menu: { resource: "tag", operation: "getAll", label: "Get Many" },
  paging: { mode: "all", items: "tags" },
  examples: [
    { title: "Tags (cached per connection)", input: {} },
    { title: "Right after tags were created or renamed", input: { refresh: true } },
  ],
  run: (input) =>
    Effect.map(allTags({ refresh: input.refresh === true }), (tags) => ({ tags: [...tags], count: tags.length })),
});
