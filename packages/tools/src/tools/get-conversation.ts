/**
 * get-conversation: one conversation with its newest messages.
 * A merged conversation is followed to the one that holds it (merges.ts).
 */
import { type FrontClient, request as coreRequest } from "@frontkit/core";
import { Effect, Schema } from "effect";
import { collectPages } from "../collect-pages.js";
import { defineTool } from "../definition.js";
import type { FrontToolError } from "../errors.js";
import type { Front, RequestControl } from "../front.js";
import { followMerges, mergeReport } from "../merges.js";
import { decodeBody, MAX_PAGE_SIZE } from "../pagination.js";
import { frontId } from "../schemas/common.js";
import { Conversation, ConversationMessage } from "../schemas/conversation.js";

/** Default number of messages returned. */
export const DEFAULT_MAX_MESSAGES = 25;
/** Most messages one call returns. */
export const MAX_MESSAGES = 500;

const OPERATION = "GET /conversations/{conversation_id}";
const MESSAGES_OPERATION = "GET /conversations/{conversation_id}/messages";

/** Input of get-conversation. */
export const GetConversationInput = Schema.Struct({
  conversation_id: frontId("cnv", "conversation").annotate({ description: "Front conversation id (cnv_…)." }),
  include_messages: Schema.optionalKey(Schema.Boolean).annotate({ description: "Also return the newest messages (default true)." }),
  max_messages: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: MAX_MESSAGES }))).annotate({
    description: `Most messages to return, newest first (default ${DEFAULT_MAX_MESSAGES}, at most ${MAX_MESSAGES}).`,
  }),
}).check(
  Schema.makeFilter((input) =>
    input.include_messages === false && input.max_messages !== undefined
      ? { path: ["max_messages"], issue: "max_messages needs include_messages (not false)" }
      : undefined,
  ),
);
/** Input of get-conversation. */
export type GetConversationInput = typeof GetConversationInput.Type;

/** Output of get-conversation. */
export const GetConversationOutput = Schema.Struct({
  conversation: Conversation,
  requested_id: Schema.String,
  merged_into: Schema.optionalKey(Schema.String),
  messages: Schema.optionalKey(Schema.Array(ConversationMessage)),
  message_count: Schema.optionalKey(Schema.Int),
  more_messages: Schema.optionalKey(Schema.Boolean),
});
/** Output of get-conversation. */
export type GetConversationOutput = typeof GetConversationOutput.Type;

/** Fetches a conversation, following merge redirects; returns it with the id that answered. */
const fetchConversation = Effect.fn("fetchConversation")(function* (
  requestedId: string,
): Effect.fn.Return<{ readonly conversation: Conversation; readonly id: string }, FrontToolError, Front> {
  const { response, conversationId } = yield* followMerges({
    operation: OPERATION,
    conversationId: requestedId,
    call: (id) => (client: FrontClient, control: RequestControl) =>
      coreRequest(client, "get", "/conversations/{conversation_id}", { params: { path: { conversation_id: id } }, ...control }),
    idempotent: true,
  });
  const conversation = yield* decodeBody(Conversation, OPERATION, response.status)(response.data);
  return { conversation, id: conversationId };
});

/** get-conversation tool definition. */
export const getConversation = defineTool<GetConversationInput, GetConversationOutput>({
  name: "get-conversation",
  title: "Get conversation",
  description:
    "Use this to read one Front conversation (cnv_…): its subject, status, assignee, recipient, tags and timestamps, plus its newest messages " +
    `(newest first; max_messages, default ${DEFAULT_MAX_MESSAGES}, at most ${MAX_MESSAGES}; include_messages: false for metadata only). ` +
    "If the conversation was merged into another, Front's redirect is followed and merged_into names the conversation actually returned. " +
    "Returns { conversation, requested_id, merged_into?, messages?, message_count?, more_messages? } — more_messages says older messages exist beyond max_messages. " +
    "Messages carry author, recipients, subject, blurb, body (HTML), text and attachment metadata. An unknown id is a NotFound error. Read-only.",
  input: GetConversationInput,
  output: GetConversationOutput,
  annotations: { readOnly: true, destructive: false, idempotent: true, openWorld: true },
  menu: { resource: "conversation", operation: "get", label: "Get" },
  examples: [
    { title: "A conversation with its 25 newest messages", input: { conversation_id: "cnv_55c8c149" } },
    { title: "Only the last 5 messages", input: { conversation_id: "cnv_55c8c149", max_messages: 5 } },
    { title: "Metadata only (status, assignee, tags)", input: { conversation_id: "cnv_55c8c149", include_messages: false } },
  ],
  run: (input) =>
    Effect.gen(function* () {
      const { conversation, id } = yield* fetchConversation(input.conversation_id);
      const base = { conversation, ...mergeReport(input.conversation_id, id) };
      if (input.include_messages === false) return base;
      const maxMessages = input.max_messages ?? DEFAULT_MAX_MESSAGES;
      const result = yield* collectPages({
        operation: MESSAGES_OPERATION,
        call: (pageToken, limit) => (client: FrontClient, control: RequestControl) =>
          coreRequest(client, "get", "/conversations/{conversation_id}/messages", {
            params: { path: { conversation_id: id }, query: { limit, ...(pageToken === undefined ? {} : { page_token: pageToken }) } },
            ...control,
          }),
        item: ConversationMessage,
        pageSize: Math.min(maxMessages, MAX_PAGE_SIZE),
        maxResults: maxMessages,
      });
      return { ...base, messages: [...result.items], message_count: result.items.length, more_messages: result.hasMore };
    }),
});
