/**
 * add-tag: adds tags to a conversation by id or by name, through
 * POST /conversations/{id}/tags — which adds, unlike PATCH's `tag_ids`, which
 * replaces every tag. Names are resolved through the cached tag list; a tag is
 * never created, so a typo cannot litter the company's tags.
 */
import { type FrontClient, request as coreRequest } from "@frontkit/core";
import { Effect, Schema } from "effect";
import { defineTool } from "../definition.js";
import { type FrontToolError, invalidInput, NotFound } from "../errors.js";
import type { Front, RequestControl } from "../front.js";
import { followMerges, mergeReport } from "../merges.js";
import { closestMatches } from "../near-matches.js";
import { frontId, NonEmptyTrimmed } from "../schemas/common.js";
import type { Tag } from "../schemas/tag.js";
import { allTags } from "../tags.js";

const OPERATION = "POST /conversations/{conversation_id}/tags";

/** Input of add-tag: a conversation and at least one tag id or name. */
export const AddTagInput = Schema.Struct({
  conversation_id: frontId("cnv", "conversation").annotate({ description: "The conversation to tag (cnv_…)." }),
  tag_ids: Schema.optionalKey(Schema.Array(frontId("tag", "tag"))).annotate({ description: "Tag ids (tag_…) to add." }),
  tag_names: Schema.optionalKey(Schema.Array(NonEmptyTrimmed)).annotate({
    description: "Tag names to add, matched case-insensitively against existing tags (never created).",
  }),
}).check(
  Schema.makeFilter((input) =>
    (input.tag_ids?.length ?? 0) + (input.tag_names?.length ?? 0) === 0
      ? { path: ["tag_ids"], issue: "give at least one tag in tag_ids or tag_names" }
      : undefined,
  ),
);
/** Input of add-tag. */
export type AddTagInput = typeof AddTagInput.Type;

/** One tag that was applied. */
export const AppliedTag = Schema.Struct({
  id: Schema.String,
  name: Schema.optionalKey(Schema.String).annotate({ description: "Known when the tag was given by name (or found in the cached list)." }),
});

/** Output of add-tag. */
export const AddTagOutput = Schema.Struct({
  conversation_id: Schema.String.annotate({ description: "The conversation actually tagged (differs from requested_id after a merge)." }),
  requested_id: Schema.String,
  merged_into: Schema.optionalKey(Schema.String).annotate({ description: "Set when the requested conversation had been merged into this one." }),
  tag_ids: Schema.Array(Schema.String),
  tags: Schema.Array(AppliedTag),
});
/** Output of add-tag. */
export type AddTagOutput = typeof AddTagOutput.Type;

const describeTag = (t: Tag) => `"${t.name}" (${t.id})`;

/** Tags named `name`, case-insensitively; an exact-case match wins when several differ only in case. */
const tagsNamed = (tags: ReadonlyArray<Tag>, name: string): ReadonlyArray<Tag> => {
  const lower = name.toLowerCase();
  const matches = tags.filter((t) => t.name.toLowerCase() === lower);
  const exact = matches.filter((t) => t.name === name);
  return exact.length > 0 ? exact : matches;
};

const unknownTag = (name: string, tags: ReadonlyArray<Tag>): NotFound => {
  const near = closestMatches(name, tags, (t) => t.name);
  return new NotFound({
    retryable: false,
    operation: "add-tag",
    message:
      `No tag is named "${name}" and add-tag never creates tags; ` +
      (near.length > 0 ? `closest existing tags: ${near.map(describeTag).join(", ")}.` : "use list-tags to see the existing tags."),
    suggestions: near.map((t) => t.name),
  });
};

/** Resolves tag names to tags; the cached list is refreshed once when a name is missing (it may be newer than the cache). */
export const resolveTagNames = Effect.fn("resolveTagNames")(function* (
  names: ReadonlyArray<string>,
): Effect.fn.Return<ReadonlyArray<Tag>, FrontToolError, Front> {
  if (names.length === 0) return [];
  let tags = yield* allTags();
  if (names.some((n) => tagsNamed(tags, n).length === 0)) tags = yield* allTags({ refresh: true });
  const resolved: Tag[] = [];
  for (const [i, name] of names.entries()) {
    const found = tagsNamed(tags, name);
    if (found.length === 0) return yield* unknownTag(name, tags);
    if (found.length > 1) {
      // Private tags of different teammates may share a name: guessing would tag with someone else's tag.
      return yield* invalidInput(
        [{ path: `tag_names[${i}]`, message: `several tags are named "${name}": ${found.map(describeTag).join(", ")}; pass the one you mean in tag_ids` }],
        { operation: "add-tag", summary: "Ambiguous tag name" },
      );
    }
    resolved.push(found[0]!);
  }
  return resolved;
});

const postTags = (conversationId: string, tagIds: ReadonlyArray<string>) => (client: FrontClient, control: RequestControl) =>
  coreRequest(client, "post", "/conversations/{conversation_id}/tags", {
    params: { path: { conversation_id: conversationId } },
    body: { tag_ids: [...tagIds] },
    ...control,
  });

/** Adds the tags, following merge redirects (Front answers 301 without tagging when the conversation was merged). */
const addTags = (conversationId: string, tagIds: ReadonlyArray<string>): Effect.Effect<string, FrontToolError, Front> =>
  Effect.map(
    // Adding a tag twice leaves one tag: safe to repeat after a 5xx or timeout.
    followMerges({ operation: OPERATION, conversationId, call: (id) => postTags(id, tagIds), idempotent: true }),
    (followed) => followed.conversationId,
  );

/** add-tag tool definition. */
export const addTag = defineTool({
  name: "add-tag",
  title: "Add tag",
  description:
    "Use this to add one or more tags to a Front conversation (cnv_…), keeping the tags it already has. " +
    "Give tag_ids (tag_…) and/or tag_names; names are matched case-insensitively against the existing tags (cached list; see list-tags). " +
    "It never creates a tag: an unknown name fails with NotFound naming the closest existing tags. " +
    "If the conversation was merged into another, the surviving conversation is tagged and merged_into names it. " +
    "Returns { conversation_id, requested_id, merged_into?, tag_ids, tags: [{ id, name? }] }. Safe to repeat.",
  input: AddTagInput,
  output: AddTagOutput,
  annotations: { readOnly: false, destructive: false, idempotent: true, openWorld: true },
  menu: { resource: "conversation", operation: "addTag", label: "Add Tag" },
  examples: [
    { title: "Tag by name (the tag must exist)", input: { conversation_id: "cnv_55c8c149", tag_names: ["Warehouse task"] } },
    { title: "Tag by id", input: { conversation_id: "cnv_55c8c149", tag_ids: ["tag_2oxhvy"] } },
  ],
  run: (input) =>
    Effect.gen(function* () {
      const named = yield* resolveTagNames(input.tag_names ?? []);
      const applied = new Map<string, string | undefined>();
      for (const id of input.tag_ids ?? []) applied.set(id, undefined);
      for (const tag of named) applied.set(tag.id, tag.name);
      const tagIds = [...applied.keys()];
      const tagged = yield* addTags(input.conversation_id, tagIds);
      return {
        conversation_id: tagged,
        ...mergeReport(input.conversation_id, tagged),
        tag_ids: tagIds,
        tags: tagIds.map((id) => {
          const name = applied.get(id);
          return name === undefined ? { id } : { id, name };
        }),
      };
    }),
});
