/**
 * send-message: a reply in a conversation, or a new message from a channel.
 *
 * Sending is not idempotent: the boundary is told so, and retries only a 429
 * (Front did not process it), never a 5xx or a timeout, which may have sent the
 * message already. With attachments the body goes as multipart, because Front
 * silently drops attachments sent as JSON.
 */
import { type FrontClient, type NewMessageBody, type ReplyBody, sendNewMessage, sendReply, request as coreRequest } from "@frontkit/core";
import { Effect, Schema } from "effect";
import { attachmentIssues, type MessageAttachment, toCoreAttachment } from "../attachments.js";
import { decodeToolInput, defineTool } from "../definition.js";
import { type FrontToolError, invalidInput } from "../errors.js";
import { Front, type RequestControl } from "../front.js";
import { unexpectedBody } from "../http-errors.js";
import { followMerges, mergeReport } from "../merges.js";
import { decodeBody } from "../pagination.js";
import { AcceptedMessage, ChannelSummary, SendMessageInput, SendMessageOutput } from "../schemas/message.js";

const NEW_OPERATION = "POST /channels/{channel_id}/messages";
const REPLY_OPERATION = "POST /conversations/{conversation_id}/messages";
const CHANNELS_OPERATION = "GET /inboxes/{inbox_id}/channels";

/** Front's answer to a queued message (202), as the tool reports it: its status and, when given, the message uid. */
const acceptedOf = (operation: string, response: { readonly status: number; readonly data?: unknown }) =>
  Effect.map(decodeBody(AcceptedMessage, operation, response.status)(response.data ?? {}), (accepted) => ({
    status: accepted.status ?? "accepted",
    ...(typeof accepted.message_uid === "string" ? { message_uid: accepted.message_uid } : {}),
  }));

/** A send-message request whose attachments may also be bytes (library users). */
export type SendMessageRequest = Omit<SendMessageInput, "attachments"> & { readonly attachments?: ReadonlyArray<MessageAttachment> };

const ChannelList = Schema.Struct({ _results: Schema.Array(ChannelSummary) });

const describeChannel = (c: ChannelSummary) => [c.id, c.type, c.address].filter((v) => typeof v === "string" && v.length > 0).join(" ");

/** An inbox id where a channel id belongs: Front would answer 404, so use the inbox's only channel or say which to pick. */
export const channelOfInbox = Effect.fn("channelOfInbox")(function* (
  inboxId: string,
): Effect.fn.Return<ChannelSummary, FrontToolError, Front> {
  const front = yield* Front;
  const response = yield* front.request(
    CHANNELS_OPERATION,
    (client: FrontClient, control: RequestControl) => coreRequest(client, "get", "/inboxes/{inbox_id}/channels", { params: { path: { inbox_id: inboxId } }, ...control }),
    { idempotent: true },
  );
  const { _results: channels } = yield* decodeBody(ChannelList, CHANNELS_OPERATION, response.status)(response.data);
  if (channels.length === 1) return channels[0]!;
  const message =
    channels.length === 0
      ? `${inboxId} is an inbox id and the inbox has no channel to send from; pass a channel id (cha_…)`
      : `${inboxId} is an inbox id, not a channel id, and the inbox has ${channels.length} channels; pass one of them as channel_id: ${channels.map(describeChannel).join("; ")}`;
  return yield* invalidInput([{ path: "channel_id", message }], { operation: "send-message", summary: "An inbox id is not a channel id" });
});

/** The JSON fields Front takes for this message (attachments go separately). */
// The generated type marks `options.archive` required (it has a default); Front treats it as optional.
const messageFields = (input: SendMessageRequest, channelId: string | undefined): ReplyBody =>
  ({
  body: input.body,
  ...(input.to === undefined ? {} : { to: [...input.to] }),
  ...(input.cc === undefined ? {} : { cc: [...input.cc] }),
  ...(input.bcc === undefined ? {} : { bcc: [...input.bcc] }),
  ...(input.subject === undefined ? {} : { subject: input.subject }),
  ...(input.text === undefined ? {} : { text: input.text }),
  ...(input.quote_body === undefined ? {} : { quote_body: input.quote_body }),
  ...(input.sender_name === undefined ? {} : { sender_name: input.sender_name }),
  ...(input.author_id === undefined ? {} : { author_id: input.author_id }),
  ...(input.signature_id === undefined ? {} : { signature_id: input.signature_id }),
  ...(input.should_add_default_signature === undefined ? {} : { should_add_default_signature: input.should_add_default_signature }),
  ...(input.options === undefined
    ? {}
    : {
        options: {
          ...(input.options.tag_ids === undefined ? {} : { tag_ids: [...input.options.tag_ids] }),
          ...(input.options.archive === undefined ? {} : { archive: input.options.archive }),
        },
      }),
  ...(channelId === undefined ? {} : { channel_id: channelId }),
  }) as ReplyBody;

/**
 * Sends a message (the program behind the tool; library users may pass attachments as bytes).
 * The input is assumed decoded by SendMessageInput, except byte attachments, which are checked here.
 */
export const sendMessageProgram = Effect.fn("sendMessage")(function* (
  input: SendMessageRequest,
): Effect.fn.Return<SendMessageOutput, FrontToolError, Front> {
  const attachments = input.attachments ?? [];
  const problems = attachmentIssues(attachments);
  if (problems.length > 0) return yield* invalidInput(problems, { operation: "send-message", summary: "Invalid attachments" });
  const front = yield* Front;

  let channelId = input.channel_id;
  let fromInbox: string | undefined;
  if (channelId?.startsWith("inb_") === true) {
    fromInbox = channelId;
    channelId = (yield* channelOfInbox(channelId)).id;
  }
  const send = { attachments: attachments.map(toCoreAttachment) };
  const base = {
    attachment_count: attachments.length,
    ...(fromInbox === undefined
      ? {}
      : { resolved_from_inbox_id: fromInbox, note: `${fromInbox} is an inbox; sent through its only channel ${channelId}.` }),
  };

  if (input.conversation_id === undefined) {
    const target = channelId;
    // The schema requires one of the two; checked again for library callers who skip decoding.
    if (target === undefined) {
      return yield* invalidInput([{ path: "channel_id", message: "give conversation_id to reply, or channel_id to start a new conversation" }], {
        operation: "send-message",
      });
    }
    const response = yield* front.request(
      NEW_OPERATION,
      (client: FrontClient, control: RequestControl) =>
        sendNewMessage(client, target, messageFields(input, undefined) as NewMessageBody, { ...send, ...control }),
      { idempotent: false },
    );
    return {
      ...(yield* acceptedOf(NEW_OPERATION, response)),
      kind: "new" as const,
      channel_id: target,
      ...base,
    };
  }

  const fields = messageFields(input, channelId);
  // A merged conversation answers 301 without posting anything, so sending again to the survivor cannot duplicate.
  const { response, conversationId } = yield* followMerges({
    operation: REPLY_OPERATION,
    conversationId: input.conversation_id,
    call: (id) => (client: FrontClient, control: RequestControl) => sendReply(client, id, fields, { ...send, ...control }),
    idempotent: false,
  });
  return {
    ...(yield* acceptedOf(REPLY_OPERATION, response)),
    kind: "reply" as const,
    conversation_id: conversationId,
    // After a merge only, so a plain reply's answer is unchanged; requested_conversation_id is the deprecated alias.
    ...(conversationId === input.conversation_id ? {} : { ...mergeReport(input.conversation_id, conversationId), requested_conversation_id: input.conversation_id }),
    ...(channelId === undefined ? {} : { channel_id: channelId }),
    ...base,
  };
});

/** Sends a message with attachments given as bytes: the rest of the input is decoded like the tool's; nothing is sent if anything is invalid. */
export const sendMessageWithBytes = (
  input: Omit<SendMessageInput, "attachments">,
  attachments: ReadonlyArray<MessageAttachment>,
): Effect.Effect<SendMessageOutput, FrontToolError, Front> =>
  Effect.flatMap(decodeToolInput(sendMessage, input), (decoded) =>
    sendMessageProgram({ ...decoded, attachments: [...(decoded.attachments ?? []), ...attachments] }),
  );

/** send-message tool definition. */
export const sendMessage = defineTool({
  name: "send-message",
  title: "Send message",
  description:
    "Warning: Front archives the conversation when a message is sent unless options.archive is false (Front's default is true), so the customer's conversation leaves the team's open view. " +
    "Pass options: { archive: false } for acknowledgements and any reply that expects an answer; leave it out only when the message closes the conversation. " +
    "Use this to send a message through Front: with conversation_id (cnv_…) it replies in that conversation; otherwise it starts a new conversation from channel_id " +
    "(cha_… or a channel alias alt:address:support@example.com; an inbox id inb_… is resolved to its channel when it has exactly one, else the error lists the channels to choose from). " +
    "A new message needs at least one recipient in to. Fields are Front's: to, cc, bcc, subject, body (HTML or text), text, sender_name, author_id, options { tag_ids, archive }, signature_id, should_add_default_signature, quote_body (replies). " +
    "Attachments: [{ filename, content_type, data_base64 }], at most 25 MB in total. Front queues the message: the result is { status: accepted, message_uid, kind, conversation_id or channel_id used, … }. " +
    "Not idempotent: it is retried only when Front says it is rate-limited, never after a server error or timeout (check with the message_uid before re-sending).",
  input: SendMessageInput,
  output: SendMessageOutput,
  annotations: { readOnly: false, destructive: false, idempotent: false, openWorld: true },
  menu: { resource: "message", operation: "send", label: "Send" },
  attachments: { field: "attachments", filename: "filename", contentType: "content_type", data: "data_base64" },
  examples: [
    {
      title: "Start a new conversation from a channel",
      input: { channel_id: "cha_55c8c149", to: ["jane@example.com"], subject: "Your order", body: "<p>Hi Jane, your order has shipped.</p>" },
    },
    { title: "Reply in a conversation", input: { conversation_id: "cnv_55c8c149", body: "Thanks, we are on it." } },
    {
      title: "Send with an attachment (base64)",
      input: {
        channel_id: "cha_55c8c149",
        to: ["jane@example.com"],
        subject: "Invoice",
        body: "Please find the invoice attached.",
        attachments: [{ filename: "invoice.txt", content_type: "text/plain", data_base64: "SW52b2ljZSAjMTAwMQ==" }],
      },
    },
  ],
  run: (input) => sendMessageProgram(input),
});
