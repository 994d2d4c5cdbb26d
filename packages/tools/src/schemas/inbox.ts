/** A Front inbox as the tools return it (lenient; unknown fields dropped). */
import { Schema } from "effect";

/** An inbox (`inb_…`). Send messages through one of its channels, not the inbox id. */
export const Inbox = Schema.Struct({
  id: Schema.String,
  name: Schema.optionalKey(Schema.NullOr(Schema.String)),
  is_private: Schema.optionalKey(Schema.Boolean),
  is_public: Schema.optionalKey(Schema.Boolean),
  custom_fields: Schema.optionalKey(Schema.NullOr(Schema.Record(Schema.String, Schema.Unknown))),
}).annotate({ title: "Inbox" });
/** An inbox (`inb_…`). */
export type Inbox = typeof Inbox.Type;
