/**
 * Front conversations and the messages received in them, as the read tools
 * return them. Lenient like the other response schemas: Front and Prism's
 * examples leave out or null fields the spec calls required; unknown fields are
 * dropped. (Outbound message input lives with send-message.)
 */
import { Schema } from "effect";
import { Tag } from "./tag.js";
import { Teammate } from "./teammate.js";

/** Statuses Front filters conversation lists by (`q[statuses]`). */
export const ConversationStatusFilter = Schema.Literals(["assigned", "unassigned", "archived", "trashed"]);
/** Statuses Front filters conversation lists by. */
export type ConversationStatusFilter = typeof ConversationStatusFilter.Type;

/** Ticket status categories (companies with ticketing, `q[status_categories]`). */
export const StatusCategory = Schema.Literals(["open", "waiting", "resolved"]);
/** Ticket status categories. */
export type StatusCategory = typeof StatusCategory.Type;

/** A recipient: a handle on a conversation or message, with its role (from, to, cc, bcc, …). */
export const Recipient = Schema.Struct({
  name: Schema.optionalKey(Schema.NullOr(Schema.String)),
  handle: Schema.optionalKey(Schema.NullOr(Schema.String)),
  role: Schema.optionalKey(Schema.NullOr(Schema.String)),
}).annotate({ title: "Recipient" });
/** A recipient. */
export type Recipient = typeof Recipient.Type;

/** A conversation (`cnv_…`). `inbox_ids` is ours: the inboxes it was listed from, when known. */
export const Conversation = Schema.Struct({
  id: Schema.String,
  subject: Schema.optionalKey(Schema.NullOr(Schema.String)),
  // Front adds statuses (e.g. deleted, ticket states); a closed enum here would break on the next one.
  status: Schema.optionalKey(Schema.NullOr(Schema.String)),
  status_id: Schema.optionalKey(Schema.NullOr(Schema.String)),
  status_category: Schema.optionalKey(Schema.NullOr(Schema.String)),
  assignee: Schema.optionalKey(Schema.NullOr(Teammate)),
  recipient: Schema.optionalKey(Schema.NullOr(Recipient)),
  tags: Schema.optionalKey(Schema.NullOr(Schema.Array(Tag))),
  inbox_ids: Schema.optionalKey(Schema.Array(Schema.String)),
  is_private: Schema.optionalKey(Schema.NullOr(Schema.Boolean)),
  created_at: Schema.optionalKey(Schema.NullOr(Schema.Finite)),
  updated_at: Schema.optionalKey(Schema.NullOr(Schema.Finite)),
  waiting_since: Schema.optionalKey(Schema.NullOr(Schema.Finite)),
}).annotate({ title: "Conversation" });
/** A conversation (`cnv_…`). */
export type Conversation = typeof Conversation.Type;

/** A message attachment's metadata (the file itself is fetched by its url with the token). */
export const Attachment = Schema.Struct({
  id: Schema.optionalKey(Schema.NullOr(Schema.String)),
  filename: Schema.optionalKey(Schema.NullOr(Schema.String)),
  url: Schema.optionalKey(Schema.NullOr(Schema.String)),
  content_type: Schema.optionalKey(Schema.NullOr(Schema.String)),
  size: Schema.optionalKey(Schema.NullOr(Schema.Finite)),
  is_inline: Schema.optionalKey(Schema.NullOr(Schema.Boolean)),
}).annotate({ title: "Attachment" });

/** A message of a conversation (`msg_…`), inbound or outbound. */
export const ConversationMessage = Schema.Struct({
  id: Schema.String,
  type: Schema.optionalKey(Schema.NullOr(Schema.String)),
  is_inbound: Schema.optionalKey(Schema.NullOr(Schema.Boolean)),
  draft_mode: Schema.optionalKey(Schema.NullOr(Schema.String)),
  created_at: Schema.optionalKey(Schema.NullOr(Schema.Finite)),
  subject: Schema.optionalKey(Schema.NullOr(Schema.String)),
  blurb: Schema.optionalKey(Schema.NullOr(Schema.String)),
  author: Schema.optionalKey(Schema.NullOr(Teammate)),
  recipients: Schema.optionalKey(Schema.NullOr(Schema.Array(Recipient))),
  body: Schema.optionalKey(Schema.NullOr(Schema.String)),
  text: Schema.optionalKey(Schema.NullOr(Schema.String)),
  attachments: Schema.optionalKey(Schema.NullOr(Schema.Array(Attachment))),
}).annotate({ title: "ConversationMessage" });
/** A message of a conversation. */
export type ConversationMessage = typeof ConversationMessage.Type;
