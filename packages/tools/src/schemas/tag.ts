/**
 * A Front tag as the tools return it. Lenient on purpose: Front (and Prism's
 * examples) omit or null fields the spec calls required, and a tool must not
 * fail because a cosmetic field is missing. Unknown fields are dropped.
 */
import { Schema } from "effect";

/** A tag (`tag_…`). */
export const Tag = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  description: Schema.optionalKey(Schema.NullOr(Schema.String)),
  highlight: Schema.optionalKey(Schema.NullOr(Schema.String)),
  is_private: Schema.optionalKey(Schema.Boolean),
  is_visible_in_conversation_lists: Schema.optionalKey(Schema.Boolean),
  created_at: Schema.optionalKey(Schema.Finite),
  updated_at: Schema.optionalKey(Schema.Finite),
}).annotate({ title: "Tag" });
/** A tag (`tag_…`). */
export type Tag = typeof Tag.Type;
