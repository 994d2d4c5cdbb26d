/**
 * The event a Spojit trigger hands to a workflow: one Effect Schema is the single source of both
 * the TypeScript type the handler builds and the output JSON Schema in the connector definition,
 * so the two cannot disagree (a test validates real handler output against the emitted schema).
 *
 * Every key is always present (null or [] when it does not apply) so a workflow author can map
 * `message.blurb` or `tag.name` without guarding for missing keys; Front's event itself rides
 * along unchanged in `event` for anything the summary leaves out.
 */
import { conversationIdOf, eventIdOf, eventTypeOf, type FrontWebhookDelivery, inboxIdsOf } from "@frontkit/tools";
import { Schema } from "effect";

const NullableString = Schema.NullOr(Schema.String);

/** Where the event came from: an application webhook, a rule webhook, or the events feed (polling). */
export const TriggerDelivery = Schema.Literals(["application", "rule", "poll"]);

/** The conversation the event is about, as far as the event carries it. */
const ConversationSummary = Schema.Struct({
  id: Schema.String.annotate({ description: "Conversation id (cnv_…)." }),
  subject: NullableString,
  status: NullableString.annotate({ description: "Front's status: assigned, unassigned, archived, deleted, …" }),
  assignee_id: NullableString.annotate({ description: "Teammate (tea_…) the conversation is assigned to, or null." }),
  tag_ids: Schema.Array(Schema.String),
});

/** The message of an inbound, outbound or reply event. */
const MessageSummary = Schema.Struct({
  id: Schema.String.annotate({ description: "Message id (msg_…)." }),
  type: NullableString.annotate({ description: "Channel type: email, sms, custom, …" }),
  is_inbound: Schema.NullOr(Schema.Boolean),
  subject: NullableString,
  blurb: NullableString.annotate({ description: "Front's short plain-text preview of the body." }),
  from: NullableString.annotate({ description: "Handle of the sender (email address, phone number, …)." }),
  author_id: NullableString.annotate({ description: "Teammate (tea_…) who wrote an outbound message, or null." }),
});

/** The tag of a tag or untag event. */
const TagSummary = Schema.Struct({ id: Schema.String, name: NullableString });

/** The teammate a conversation was assigned to. */
const TeammateSummary = Schema.Struct({
  id: Schema.String,
  email: NullableString,
  first_name: NullableString,
  last_name: NullableString,
});

/** Who caused the event: a teammate, a rule, the API, an inbox, … (Front's `source._meta.type`). */
const SourceSummary = Schema.Struct({ type: NullableString, id: NullableString });

/**
 * The trigger event's schema with `type` limited to the given Front event types (any non-empty
 * string when none are given: the generic trigger passes on whatever types it was configured for).
 */
export const triggerEventSchema = (types: ReadonlyArray<string> | undefined) =>
  Schema.Struct({
    id: Schema.String.annotate({ description: "Front's event id (evt_…); the same delivery retried by Front carries the same id, so deduplicate on it." }),
    type: (types === undefined || types.length === 0
      ? Schema.String.check(Schema.isMinLength(1))
      : Schema.Literals(types as [string, ...string[]])
    ).annotate({ description: "Front's event type (inbound, outbound, tag, assign, …)." }),
    emitted_at: Schema.NullOr(Schema.Finite).annotate({ description: "When Front emitted the event, unix seconds." }),
    delivery: TriggerDelivery,
    preview: Schema.Boolean.annotate({
      description: "True when a rule webhook sends previews: the conversation and target are trimmed; fetch them with get-conversation.",
    }),
    authorization_id: NullableString.annotate({ description: "Company id (cmp_…) of an application webhook's authorization, else null." }),
    conversation_id: NullableString,
    inbox_ids: Schema.Array(Schema.String).annotate({ description: "Inboxes (inb_…) the event concerns." }),
    conversation: Schema.NullOr(ConversationSummary),
    message: Schema.NullOr(MessageSummary),
    tag: Schema.NullOr(TagSummary),
    assignee: Schema.NullOr(TeammateSummary),
    source: SourceSummary,
    event: Schema.Record(Schema.String, Schema.Unknown).annotate({ description: "Front's event object as delivered." }),
  });

/** The event every Front trigger emits (its `type` narrowed per trigger in the JSON Schema). */
export type SpojitTriggerEvent = ReturnType<typeof triggerEventSchema>["Type"];

/** How an event reached the handler. */
export interface EventOrigin {
  readonly delivery: (typeof TriggerDelivery)["Type"];
  readonly preview: boolean;
  readonly authorizationId: string | null;
}

type Json = Record<string, unknown>;

const record = (value: unknown): Json | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;

const text = (value: unknown): string | null => (typeof value === "string" && value.length > 0 ? value : null);

const idOf = (value: unknown): string | null => text(record(value)?.["id"]);

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap((item) => (typeof item === "string" ? [item] : idOf(item) ?? [])) : [];

const conversationSummary = (value: unknown): (typeof ConversationSummary)["Type"] | null => {
  const conversation = record(value);
  const id = text(conversation?.["id"]);
  if (conversation === undefined || id === null) return null;
  return {
    id,
    subject: text(conversation["subject"]),
    status: text(conversation["status"]),
    assignee_id: idOf(conversation["assignee"]),
    tag_ids: ids(conversation["tags"]),
  };
};

const messageSummary = (value: unknown): (typeof MessageSummary)["Type"] | null => {
  const message = record(value);
  const id = text(message?.["id"]);
  if (message === undefined || id === null) return null;
  const recipients = Array.isArray(message["recipients"]) ? message["recipients"] : [];
  const from = recipients.map(record).find((r) => r?.["role"] === "from");
  return {
    id,
    type: text(message["type"]),
    is_inbound: typeof message["is_inbound"] === "boolean" ? message["is_inbound"] : null,
    subject: text(message["subject"]),
    blurb: text(message["blurb"]),
    from: text(from?.["handle"]),
    author_id: idOf(message["author"]),
  };
};

const teammateSummary = (value: unknown): (typeof TeammateSummary)["Type"] | null => {
  const teammate = record(value);
  const id = text(teammate?.["id"]);
  if (teammate === undefined || id === null) return null;
  return { id, email: text(teammate["email"]), first_name: text(teammate["first_name"]), last_name: text(teammate["last_name"]) };
};

/** What the core helpers already extracted from the event (their one home; never re-derived here). */
export interface EventKeys {
  readonly id: string;
  readonly type: string;
  readonly conversationId: string | null;
  readonly inboxIds: ReadonlyArray<string>;
}

/** The keys of a delivered event, read by core's helpers. */
export const keysOf = (delivery: FrontWebhookDelivery): EventKeys => ({
  id: eventIdOf(delivery) ?? "",
  type: eventTypeOf(delivery) ?? "",
  conversationId: conversationIdOf(delivery) ?? null,
  inboxIds: inboxIdsOf(delivery),
});

/**
 * Summarises one Front event (the object Front documents for /events and webhooks) as a trigger
 * event. Reads defensively: a preview or an event type without a target simply gives nulls.
 */
export const toTriggerEvent = (event: unknown, keys: EventKeys, origin: EventOrigin): SpojitTriggerEvent => {
  const raw = record(event) ?? {};
  const target = record(raw["target"]);
  const targetType = text(record(target?.["_meta"])?.["type"]);
  const targetData = target?.["data"];
  const source = record(raw["source"]);
  const emitted = raw["emitted_at"];
  const conversation = conversationSummary(raw["conversation"]);
  return {
    id: keys.id,
    type: keys.type,
    emitted_at: typeof emitted === "number" && Number.isFinite(emitted) ? emitted : null,
    delivery: origin.delivery,
    preview: origin.preview,
    authorization_id: origin.authorizationId,
    conversation_id: keys.conversationId ?? conversation?.id ?? null,
    inbox_ids: [...keys.inboxIds],
    conversation,
    message: targetType === "message" ? messageSummary(targetData) : null,
    tag: targetType === "tag" && idOf(targetData) !== null ? { id: idOf(targetData)!, name: text(record(targetData)?.["name"]) } : null,
    assignee: targetType === "teammate" ? teammateSummary(targetData) : null,
    source: { type: text(record(source?.["_meta"])?.["type"]), id: idOf(source?.["data"]) },
    event: raw,
  };
};
