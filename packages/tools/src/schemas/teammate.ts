/** A Front teammate as the tools return it (lenient; unknown fields dropped). */
import { Schema } from "effect";

/** A teammate (`tea_…`). */
export const Teammate = Schema.Struct({
  id: Schema.String,
  email: Schema.optionalKey(Schema.NullOr(Schema.String)),
  username: Schema.optionalKey(Schema.NullOr(Schema.String)),
  first_name: Schema.optionalKey(Schema.NullOr(Schema.String)),
  last_name: Schema.optionalKey(Schema.NullOr(Schema.String)),
  is_admin: Schema.optionalKey(Schema.Boolean),
  is_available: Schema.optionalKey(Schema.Boolean),
  is_blocked: Schema.optionalKey(Schema.Boolean),
  // Front adds teammate types over time (ai, rule, …); a closed enum would break on the next one.
  type: Schema.optionalKey(Schema.NullOr(Schema.String)),
  custom_fields: Schema.optionalKey(Schema.NullOr(Schema.Record(Schema.String, Schema.Unknown))),
}).annotate({ title: "Teammate" });
/** A teammate (`tea_…`). */
export type Teammate = typeof Teammate.Type;
