// Front's event resource (the items of `GET /events`) and the two webhook bodies that carry it, as TypeScript
// types plus a structural decoder. Decoding checks only what the helpers below rely on (ids, type, timestamps,
// the `_meta` of source and target) and keeps every other field as Front sent it: Front adds fields over time,
// and refusing a genuine, correctly signed delivery over a field we do not read would lose the event.
import type { Conversation } from "../aliases.js";
import type { WebhookKind } from "./kind.js";

/**
 * Every event type Front documents for the event resource (`GET /events`, rule webhooks, and the `payload` of
 * application webhooks). Taken from the Core API spec's `EventResponse.type` and dev.frontapp.com's events table.
 */
export const FRONT_EVENT_TYPES = [
  "assign",
  "unassign",
  "archive",
  "reopen",
  "trash",
  "restore",
  "reminder",
  "comment",
  "mention",
  "inbound",
  "outbound",
  "out_reply",
  "move",
  "forward",
  "tag",
  "untag",
  "sending_error",
  "message_bounce_error",
  "conversations_merged",
  "link_added",
  "link_removed",
  "custom_field_updated",
  "macro_triggered",
  "topic_identified",
  "ticket_status_update",
  "call_started",
  "call_abandoned",
  "call_queued",
  "call_on_hold",
  "call_parked",
  "call_resumed",
  "call_connected",
  "call_missed",
  "call_hangup",
  "call_transferred",
  "call_transcript_added",
  "call_voicemail_transcript_added",
] as const;

/** A documented Front event type. */
export type FrontEventType = (typeof FRONT_EVENT_TYPES)[number];

/**
 * The event names application webhooks use in their envelope's `type` (they differ from the event resource's
 * types). From Front's app webhook event list as published second-hand (Front's own page could not be read here):
 * the list may lag Front, so any other name still decodes.
 */
export const APPLICATION_WEBHOOK_EVENT_TYPES = [
  "inbound_received",
  "outbound_sent",
  "message_delivery_failed",
  "conversation_moved",
  "conversation_archived",
  "conversation_reopened",
  "conversation_deleted",
  "conversation_restored",
  "conversation_snoozed",
  "conversation_snooze_expired",
  "new_comment_added",
  "assignee_changed",
  "tag_added",
  "tag_removed",
  "link_added",
  "link_removed",
] as const;

/** An application webhook envelope's event name. */
export type ApplicationWebhookEventType = (typeof APPLICATION_WEBHOOK_EVENT_TYPES)[number];

/**
 * The core event type an application webhook name stands for, where it stands for exactly one. The payload's own
 * `type` always wins; this only fills a payload that lacks one. `assignee_changed` (assign or unassign),
 * `message_delivery_failed` (sending error or bounce) and `conversation_snoozed` (no core type) have no entry.
 */
export const APPLICATION_TO_EVENT_TYPE: Readonly<Partial<Record<string, FrontEventType>>> = {
  inbound_received: "inbound",
  outbound_sent: "outbound",
  conversation_moved: "move",
  conversation_archived: "archive",
  conversation_reopened: "reopen",
  conversation_deleted: "trash",
  conversation_restored: "restore",
  conversation_snooze_expired: "reminder",
  new_comment_added: "comment",
  tag_added: "tag",
  tag_removed: "untag",
  link_added: "link_added",
  link_removed: "link_removed",
};

const KNOWN_TYPES: ReadonlySet<string> = new Set(FRONT_EVENT_TYPES);

/** Whether a string is one of {@link FRONT_EVENT_TYPES}. */
export const isFrontEventType = (type: string): type is FrontEventType => KNOWN_TYPES.has(type);

/** The `source` or `target` of an event: what kind of resource (`_meta.type`) and the resource itself (`data`). */
export interface FrontEventParty {
  readonly _meta: { readonly type: string };
  /** A teammate, rule, message, comment, tag, link, an array of inboxes, … as `_meta.type` says; not decoded. */
  readonly data?: unknown;
}

/** The conversation an event happened on; `id` is always there, the rest as Front sent it. */
export type FrontEventConversation = Partial<Conversation> & { readonly id: string };

/** An event resource, as `GET /events` returns it and webhooks deliver it. Unknown types keep their string. */
export interface FrontEvent {
  /** `evt_…` */
  readonly id: string;
  readonly type: FrontEventType | (string & {});
  /** Unix seconds, with a fractional part (e.g. `1703102616.123`). */
  readonly emitted_at: number;
  readonly source?: FrontEventParty;
  readonly target?: FrontEventParty;
  readonly conversation?: FrontEventConversation;
  readonly _links?: { readonly self?: string };
}

/**
 * What a rule webhook sends when the rule is not set to send the full event: the event's id, type and time, and
 * previews (ids and `_links`) of its conversation, source and target, to fetch in full through the API.
 */
export interface FrontEventPreview {
  readonly id: string;
  readonly type: FrontEventType | (string & {});
  readonly emitted_at: number;
  readonly conversation?: {
    readonly id: string;
    readonly _links?: { readonly self?: string; readonly related?: Readonly<Record<string, string>> };
  };
  readonly source?: { readonly _meta?: { readonly type: string }; readonly _links?: { readonly self?: string }; readonly data?: unknown };
  readonly target?: { readonly _meta?: { readonly type: string }; readonly _links?: { readonly self?: string }; readonly data?: unknown };
  readonly _links?: { readonly self?: string };
}

/** The validation request Front sends when an application webhook is saved; answer it by echoing the challenge. */
export interface ApplicationSyncDelivery {
  readonly kind: "application";
  readonly type: "sync";
  /** The company (`cmp_…`) that authorized the app. */
  readonly authorizationId: string;
  readonly event?: undefined;
}

/** An application webhook event: the envelope's `type` (e.g. `inbound_received`) and the event in its payload. */
export interface ApplicationEventDelivery {
  readonly kind: "application";
  /** The envelope's event name, e.g. `inbound_received`, `tag_added`; the core type is `event.type`. */
  readonly type: string;
  readonly authorizationId: string;
  readonly event: FrontEvent;
}

/** A rule webhook that sends the full event. */
export interface RuleEventDelivery {
  readonly kind: "rule";
  readonly preview: false;
  readonly event: FrontEvent;
}

/** A rule webhook that sends an event preview (the rule's "send full event data" is off). */
export interface RulePreviewDelivery {
  readonly kind: "rule";
  readonly preview: true;
  readonly event: FrontEventPreview;
}

/** One verified webhook request from Front. */
export type FrontWebhookDelivery = ApplicationSyncDelivery | ApplicationEventDelivery | RuleEventDelivery | RulePreviewDelivery;

type JsonObject = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

const describe = (value: unknown): string =>
  value === undefined ? "missing" : value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;

const checkParty = (event: JsonObject, field: "source" | "target", where: string, metaRequired: boolean): string | undefined => {
  const party = event[field];
  if (party === undefined || party === null) return undefined;
  if (!isObject(party)) return `${where}.${field} is ${describe(party)}, expected an object`;
  const meta = party["_meta"];
  if (meta === undefined && !metaRequired) return undefined;
  if (!isObject(meta) || typeof meta["type"] !== "string") return `${where}.${field}._meta.type is missing`;
  return undefined;
};

// The checks a full event and a preview share: id, type and emitted_at, and a conversation with an id.
const checkEventCore = (event: JsonObject, where: string): string | undefined => {
  if (typeof event["id"] !== "string" || event["id"].length === 0) return `${where}.id is missing (expected "evt_…")`;
  if (typeof event["type"] !== "string" || event["type"].length === 0) return `${where}.type is missing`;
  const emitted = event["emitted_at"];
  if (typeof emitted !== "number" || !Number.isFinite(emitted)) return `${where}.emitted_at is missing (expected unix seconds)`;
  const conversation = event["conversation"];
  if (conversation !== undefined && conversation !== null) {
    if (!isObject(conversation)) return `${where}.conversation is ${describe(conversation)}, expected an object`;
    if (typeof conversation["id"] !== "string") return `${where}.conversation.id is missing`;
  }
  return undefined;
};

// Front sends `conversation: null` on some events; the types promise an object or nothing.
const withoutNullConversation = <T extends JsonObject>(event: T): T => {
  if (event["conversation"] !== null) return event;
  const { conversation: _dropped, ...rest } = event;
  return rest as T;
};

/** Decodes a full event resource (an application webhook's payload, a rule webhook's body, or a `GET /events` item). */
export const decodeFrontEvent = (json: unknown, where = "event"): FrontEvent | { readonly error: string } => {
  if (!isObject(json)) return { error: `${where} is ${describe(json)}: expected an event object` };
  const core = checkEventCore(json, where) ?? checkParty(json, "source", where, true) ?? checkParty(json, "target", where, true);
  if (core !== undefined) return { error: core };
  return withoutNullConversation(json) as unknown as FrontEvent;
};

const hasData = (party: unknown): boolean => isObject(party) && party["data"] !== undefined && party["data"] !== null;

/**
 * A rule body is a preview when nothing in it carries resource data: neither source nor target has `data`, and the
 * conversation has none of a full conversation's fields (only its id and `_links`). A full event always carries
 * at least its conversation's `status`/`subject` or a source/target resource.
 */
const looksLikePreview = (event: JsonObject): boolean => {
  if (hasData(event["source"]) || hasData(event["target"])) return false;
  const conversation = event["conversation"];
  if (!isObject(conversation)) return true;
  return !("status" in conversation) && !("subject" in conversation) && !("created_at" in conversation);
};

const decodeApplication = (json: JsonObject): FrontWebhookDelivery | { readonly error: string } => {
  const type = json["type"];
  if (typeof type !== "string" || type.length === 0) return { error: "type is missing (an application webhook body is {type, authorization, payload})" };
  const authorization = json["authorization"];
  if (!isObject(authorization) || typeof authorization["id"] !== "string" || authorization["id"].length === 0) {
    return { error: "authorization.id is missing (an application webhook body is {type, authorization: {id}, payload})" };
  }
  const authorizationId = authorization["id"];
  if (type === "sync") return { kind: "application", type: "sync", authorizationId };
  let payload = json["payload"];
  // The envelope names the event; a payload without its own type gets the core type the name maps to.
  if (isObject(payload) && payload["type"] === undefined) {
    const mapped = Object.hasOwn(APPLICATION_TO_EVENT_TYPE, type) ? APPLICATION_TO_EVENT_TYPE[type] : undefined;
    if (mapped !== undefined) payload = { ...payload, type: mapped };
  }
  const event = decodeFrontEvent(payload, "payload");
  if ("error" in event) return event;
  return { kind: "application", type, authorizationId, event: event as FrontEvent };
};

const decodeRule = (json: JsonObject): FrontWebhookDelivery | { readonly error: string } => {
  if (looksLikePreview(json)) {
    const core = checkEventCore(json, "event") ?? checkParty(json, "source", "event", false) ?? checkParty(json, "target", "event", false);
    if (core !== undefined) return { error: core };
    return { kind: "rule", preview: true, event: withoutNullConversation(json) as unknown as FrontEventPreview };
  }
  const event = decodeFrontEvent(json, "event");
  if ("error" in event) return event;
  return { kind: "rule", preview: false, event: event as FrontEvent };
};

/**
 * Decodes a parsed webhook body: for `application`, the `{type, authorization: {id}, payload}` envelope (or the
 * `sync` validation request); for `rule`, a full event or a preview. Unknown event types decode as generic events.
 * Returns `{ error }` saying what was missing instead of throwing.
 */
export const decodeFrontWebhookBody = (kind: WebhookKind, json: unknown): FrontWebhookDelivery | { readonly error: string } => {
  if (!isObject(json)) return { error: `the body is ${describe(json)}, expected a JSON object` };
  if (kind === "application") return decodeApplication(json);
  if (kind === "rule") return decodeRule(json);
  return { error: `kind must be "application" or "rule"` };
};

/** The event's id (`evt_…`); `undefined` for the application `sync` request, which is no event. */
export const eventIdOf = (delivery: FrontWebhookDelivery): string | undefined => delivery.event?.id;

/** The event's core type (`inbound`, `tag`, …, or an unknown type's string); `undefined` for `sync`. */
export const eventTypeOf = (delivery: FrontWebhookDelivery): string | undefined => delivery.event?.type;

/** The id (`cnv_…`) of the conversation the event happened on, when the delivery says. */
export const conversationIdOf = (delivery: FrontWebhookDelivery): string | undefined => {
  const conversation = delivery.event?.conversation;
  return typeof conversation?.id === "string" ? conversation.id : undefined;
};

const inboxIdsIn = (party: unknown, into: string[]): void => {
  if (!isObject(party)) return;
  const meta = party["_meta"];
  if (!isObject(meta) || meta["type"] !== "inboxes") return;
  const data = party["data"];
  // `inboxes` data is an array of inboxes (inbound/outbound source) or, on some move events, a single inbox.
  for (const inbox of Array.isArray(data) ? data : [data]) {
    if (isObject(inbox) && typeof inbox["id"] === "string" && !into.includes(inbox["id"])) into.push(inbox["id"]);
  }
};

/**
 * The inbox ids (`inb_…`) the delivery names: the inboxes a message came in or went out through (`source` of type
 * `inboxes`), the inbox a conversation moved to (`target` of type `inboxes`), and a conversation's `inboxes`
 * when Front includes them. Empty when the event does not say (a tag event, a preview): that means unknown, not none.
 */
export const inboxIdsOf = (delivery: FrontWebhookDelivery): readonly string[] => {
  const event = delivery.event;
  if (event === undefined) return [];
  const ids: string[] = [];
  inboxIdsIn(event.source, ids);
  inboxIdsIn(event.target, ids);
  const conversation: unknown = event.conversation;
  const inboxes = isObject(conversation) ? conversation["inboxes"] : undefined;
  if (Array.isArray(inboxes)) {
    for (const inbox of inboxes) if (isObject(inbox) && typeof inbox["id"] === "string" && !ids.includes(inbox["id"])) ids.push(inbox["id"]);
  }
  return ids;
};
