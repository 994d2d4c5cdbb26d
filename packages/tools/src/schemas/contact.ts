/** Front contacts and their handles as the tools take and return them. */
import { Schema } from "effect";

/** The sources Front accepts for a contact handle. */
export const ContactHandleSource = Schema.Literals(["email", "phone", "twitter", "facebook", "intercom", "front_chat", "custom"]);
/** The sources Front accepts for a contact handle. */
export type ContactHandleSource = typeof ContactHandleSource.Type;

/** A contact handle: where the contact can be reached (`source`) and the address there (`handle`). */
export const ContactHandle = Schema.Struct({
  handle: Schema.String,
  source: Schema.String,
}).annotate({ title: "ContactHandle" });
/** A contact handle. */
export type ContactHandle = typeof ContactHandle.Type;

/** A contact group / list as nested in a contact. */
export const ContactGroup = Schema.Struct({
  id: Schema.optionalKey(Schema.String),
  name: Schema.optionalKey(Schema.NullOr(Schema.String)),
  is_private: Schema.optionalKey(Schema.Boolean),
});

/** A contact (`crd_…`), lenient; unknown fields dropped. */
export const Contact = Schema.Struct({
  id: Schema.String,
  name: Schema.optionalKey(Schema.NullOr(Schema.String)),
  description: Schema.optionalKey(Schema.NullOr(Schema.String)),
  avatar_url: Schema.optionalKey(Schema.NullOr(Schema.String)),
  // Front documents links as URLs, but its own examples return objects; keep whatever comes.
  links: Schema.optionalKey(Schema.NullOr(Schema.Array(Schema.Unknown))),
  groups: Schema.optionalKey(Schema.NullOr(Schema.Array(ContactGroup))),
  lists: Schema.optionalKey(Schema.NullOr(Schema.Array(ContactGroup))),
  handles: Schema.optionalKey(Schema.NullOr(Schema.Array(ContactHandle))),
  custom_fields: Schema.optionalKey(Schema.NullOr(Schema.Record(Schema.String, Schema.Unknown))),
  is_private: Schema.optionalKey(Schema.Boolean),
  updated_at: Schema.optionalKey(Schema.NullOr(Schema.Finite)),
}).annotate({ title: "Contact" });
/** A contact (`crd_…`). */
export type Contact = typeof Contact.Type;
