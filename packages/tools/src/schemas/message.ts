/**
 * Outbound messages (send-message's input and output) and the channels an
 * inbox sends through. Field names are Front's own snake_case.
 */
import { MAX_ATTACHMENTS_BYTES } from "@frontkit/core";
import { Schema } from "effect";
import { Base64Attachment, base64DecodedSize } from "../attachments.js";
import { frontId, NonEmptyTrimmed } from "./common.js";

/** Where a new message is sent from: a channel id, a channel alias (`alt:address:…`), or an inbox id to resolve. */
export const ChannelRef = Schema.String.check(
  Schema.isPattern(/^(?:cha_[A-Za-z0-9]+|inb_[A-Za-z0-9]+|alt:[a-z_]+:\S.*)$/u, {
    message: "must be a channel id like cha_123, a channel alias like alt:address:support@example.com, or an inbox id like inb_123",
  }),
);

/** Message options Front applies to the conversation. */
export const MessageOptions = Schema.Struct({
  tag_ids: Schema.optionalKey(Schema.Array(frontId("tag", "tag"))).annotate({ description: "Tags (tag_…) to add to the conversation." }),
  archive: Schema.optionalKey(Schema.Boolean).annotate({
    description:
      "Archive the conversation when sending. Front's default is true: omitted, the conversation is archived. Pass false for acknowledgements and replies that expect an answer.",
  }),
});

const recipients = (description: string) => Schema.optionalKey(Schema.Array(NonEmptyTrimmed)).annotate({ description });

/** Input of send-message. */
export const SendMessageInput = Schema.Struct({
  conversation_id: Schema.optionalKey(frontId("cnv", "conversation")).annotate({
    description: "Reply in this conversation (cnv_…). Omit to start a new conversation from channel_id.",
  }),
  channel_id: Schema.optionalKey(ChannelRef).annotate({
    description:
      "Channel to send from (cha_… or alt:address:…). Required for a new message; optional for a reply. An inbox id (inb_…) is resolved to its only channel.",
  }),
  to: recipients("Recipient handles (email addresses, phone numbers, …). Required for a new message."),
  cc: recipients("Copied recipient handles."),
  bcc: recipients("Blind-copied recipient handles."),
  subject: Schema.optionalKey(Schema.String).annotate({ description: "Subject (email channels)." }),
  body: Schema.String.check(Schema.isMinLength(1, { message: "must not be empty" })).annotate({ description: "Message body (HTML or plain text)." }),
  text: Schema.optionalKey(Schema.String).annotate({ description: "Plain-text version of the body (email channels)." }),
  quote_body: Schema.optionalKey(Schema.String).annotate({ description: "Quoted body of the message replied to (replies on email channels only)." }),
  sender_name: Schema.optionalKey(Schema.String).annotate({ description: "Sender name shown to recipients." }),
  author_id: Schema.optionalKey(frontId("tea", "teammate")).annotate({
    description: "Teammate (tea_… or alt:email:…) on whose behalf the message is sent.",
  }),
  options: Schema.optionalKey(MessageOptions),
  signature_id: Schema.optionalKey(frontId("sig", "signature")).annotate({ description: "Signature (sig_…) to append (email channels)." }),
  should_add_default_signature: Schema.optionalKey(Schema.Boolean).annotate({
    description: "Let Front add the author's default signature (email channels, with author_id).",
  }),
  attachments: Schema.optionalKey(Schema.Array(Base64Attachment)).annotate({
    description: "Files to attach: [{ filename, content_type, data_base64 }], 25 MB in total. Sent as multipart, as Front requires.",
  }),
}).check(
  Schema.makeFilter((input) => {
    if (input.conversation_id === undefined && input.channel_id === undefined) {
      return { path: ["conversation_id"], issue: "give conversation_id to reply, or channel_id to start a new conversation" };
    }
    if (input.conversation_id === undefined && (input.to?.length ?? 0) === 0) {
      return { path: ["to"], issue: "a new message needs at least one recipient in to" };
    }
    if (input.conversation_id === undefined && input.quote_body !== undefined) {
      return { path: ["quote_body"], issue: "quote_body is only for replies (with conversation_id)" };
    }
    const total = (input.attachments ?? []).reduce((sum, a) => sum + base64DecodedSize(a.data_base64), 0);
    if (total > MAX_ATTACHMENTS_BYTES) {
      return {
        path: ["attachments"],
        issue: `attachments total ${(total / (1024 * 1024)).toFixed(1)} MB (${total} bytes) but Front accepts at most 25 MB per message; send fewer or smaller files`,
      };
    }
    return undefined;
  }),
);
/** Input of send-message. */
export type SendMessageInput = typeof SendMessageInput.Type;

/** A channel of an inbox, as named in errors and outputs. */
export const ChannelSummary = Schema.Struct({
  id: Schema.String,
  type: Schema.optionalKey(Schema.NullOr(Schema.String)),
  address: Schema.optionalKey(Schema.NullOr(Schema.String)),
  name: Schema.optionalKey(Schema.NullOr(Schema.String)),
}).annotate({ title: "Channel" });
/** A channel of an inbox. */
export type ChannelSummary = typeof ChannelSummary.Type;

/** Front's 202 answer to a message. */
export const AcceptedMessage = Schema.Struct({
  status: Schema.optionalKey(Schema.NullOr(Schema.String)),
  message_uid: Schema.optionalKey(Schema.NullOr(Schema.String)),
});

/** Output of send-message. */
export const SendMessageOutput = Schema.Struct({
  status: Schema.String.annotate({ description: "Front's status for the message, normally accepted (it is sent asynchronously)." }),
  message_uid: Schema.optionalKey(Schema.String).annotate({
    description: "Use as alias alt:uid:<message_uid> to check the message was created.",
  }),
  kind: Schema.Literals(["reply", "new"]),
  conversation_id: Schema.optionalKey(Schema.String).annotate({ description: "The conversation replied in (after a merge, the surviving one)." }),
  requested_id: Schema.optionalKey(Schema.String).annotate({ description: "Set after a merge: the conversation asked for (as in get-conversation and add-tag)." }),
  requested_conversation_id: Schema.optionalKey(Schema.String).annotate({ description: "Deprecated: the same as requested_id, kept for existing callers." }),
  merged_into: Schema.optionalKey(Schema.String).annotate({ description: "Set when the requested conversation had been merged into conversation_id." }),
  channel_id: Schema.optionalKey(Schema.String).annotate({ description: "The channel used (for replies, only when one was given)." }),
  resolved_from_inbox_id: Schema.optionalKey(Schema.String).annotate({ description: "Set when an inbox id was given and its only channel was used." }),
  attachment_count: Schema.Int,
  note: Schema.optionalKey(Schema.String),
});
/** Output of send-message. */
export type SendMessageOutput = typeof SendMessageOutput.Type;
