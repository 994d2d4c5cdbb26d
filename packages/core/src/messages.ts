import type { FetchResponse } from "openapi-fetch";
import { type FrontClient, senderOf } from "./client.js";
import { FrontInputError } from "./errors/front-input-error.js";
import type { paths } from "./generated/schema.js";
import { toMessageFormData, validateAttachments, type AttachmentInput } from "./multipart.js";

type NewMessageOp = paths["/channels/{channel_id}/messages"]["post"];
type ReplyOp = paths["/conversations/{conversation_id}/messages"]["post"];
type JsonBody<Op> = Op extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;

/** Body of a new message: the spec's JSON body, with files passed separately as `attachments`. */
export type NewMessageBody = Omit<JsonBody<NewMessageOp>, "attachments">;
/** Body of a reply: the spec's JSON body, with files passed separately as `attachments`. */
export type ReplyBody = Omit<JsonBody<ReplyOp>, "attachments">;

/** Options of {@link sendNewMessage} and {@link sendReply}. */
export interface SendMessageOptions {
  /** Files to attach; when present the message is sent as multipart/form-data. */
  readonly attachments?: ReadonlyArray<AttachmentInput> | undefined;
  /** Aborts the request. */
  readonly signal?: AbortSignal | undefined;
  /** Receives the function that cancels the request (see `request`'s `onCancel`). */
  readonly onCancel?: ((cancel: (reason?: unknown) => void) => void) | undefined;
}

/** The openapi-fetch result of `POST /channels/{channel_id}/messages`. */
export type NewMessageResult = FetchResponse<NewMessageOp, {}, "application/json">;
/** The openapi-fetch result of `POST /conversations/{conversation_id}/messages`. */
export type ReplyResult = FetchResponse<ReplyOp, {}, "application/json">;

const checkBody = (body: unknown): void => {
  if (typeof body !== "object" || body === null || typeof (body as { body?: unknown }).body !== "string") {
    throw new FrontInputError("body", "The message needs a `body` string (HTML or text)");
  }
};

type Post = (path: string, init: Record<string, unknown>) => Promise<unknown>;

const send = async (client: FrontClient, path: string, pathParams: Record<string, string>, body: object, options: SendMessageOptions) => {
  checkBody(body);
  const attachments = options.attachments ?? [];
  validateAttachments(attachments);
  const payload = attachments.length > 0 ? toMessageFormData(body, attachments) : body;
  const init = { params: { path: pathParams }, body: payload, ...(options.signal ? { signal: options.signal } : {}) };
  const lean = senderOf(client);
  if (lean !== undefined) return lean("post", path, options.onCancel === undefined ? init : { ...init, onCancel: options.onCancel });
  // openapi-fetch types `body` by one media type at a time; the FormData branch is typed by NewMessageBody + AttachmentInput above.
  return (client.POST as unknown as Post)(path, init);
};

/** Sends a new message from a channel (`cha_…` or a channel alias), as JSON, or as multipart when there are attachments. */
export const sendNewMessage = (
  client: FrontClient,
  channelId: string,
  body: NewMessageBody,
  options: SendMessageOptions = {},
): Promise<NewMessageResult> =>
  send(client, "/channels/{channel_id}/messages", { channel_id: channelId }, body, options) as Promise<NewMessageResult>;

/** Replies in a conversation (`cnv_…`), as JSON, or as multipart when there are attachments. */
export const sendReply = (
  client: FrontClient,
  conversationId: string,
  body: ReplyBody,
  options: SendMessageOptions = {},
): Promise<ReplyResult> =>
  send(client, "/conversations/{conversation_id}/messages", { conversation_id: conversationId }, body, options) as Promise<ReplyResult>;
