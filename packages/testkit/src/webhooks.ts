// A Front-like webhook sender for tests: signs bodies the way Front does (computed here with node:crypto, not with
// @frontkit/core, so the verifier is checked against an independent signer), POSTs them with Front's headers,
// retries non-2xx answers a bounded number of times, and can deliver one event several times.
import { createHmac } from "node:crypto";

/** Which of Front's webhook kinds to imitate. */
export type SenderWebhookKind = "application" | "rule";

type Bytes = string | Uint8Array;

/** `x-front-signature` of an application webhook: base64 HMAC-SHA256 of `${timestampMs}:${body}`. */
export const signApplicationWebhook = (secret: string, body: Bytes, timestampMs: number | string): string =>
  createHmac("sha256", secret).update(`${timestampMs}:`).update(body).digest("base64");

/** `x-front-signature` of a rule webhook: base64 HMAC-SHA1 of the body. */
export const signRuleWebhook = (secret: string, body: Bytes): string => createHmac("sha1", secret).update(body).digest("base64");

/** A JSON object as the samples build it. */
export type JsonObject = { [key: string]: unknown };

/** What {@link sampleFrontEvent} builds. */
export interface SampleFrontEventOptions {
  /** Event type; default `inbound`. Any string (unknown types are allowed). */
  readonly type?: string;
  readonly id?: string;
  readonly conversationId?: string;
  /** The inbox the event names (source of message events, target of `move`). Default `inb_sample`. */
  readonly inboxId?: string;
  /** Unix seconds with decimals; default now. */
  readonly emittedAt?: number;
  /** Extra characters in the message body, to reach a given event size. */
  readonly padding?: number;
}

let sequence = 0;
const nextId = (prefix: string): string => `${prefix}_${Date.now().toString(36)}${(sequence++).toString(36)}`;

const API = "https://sample.api.frontapp.com";

const teammate = (): JsonObject => ({
  _links: { self: `${API}/teammates/tea_sample`, related: { inboxes: `${API}/teammates/tea_sample/inboxes`, conversations: `${API}/teammates/tea_sample/conversations` } },
  id: "tea_sample",
  email: "agent@example.com",
  username: "agent",
  first_name: "Sam",
  last_name: "Agent",
  is_admin: false,
  is_available: true,
  is_blocked: false,
  type: "user",
});

const inbox = (id: string): JsonObject => ({
  _links: { self: `${API}/inboxes/${id}`, related: { teammates: `${API}/inboxes/${id}/teammates`, conversations: `${API}/inboxes/${id}/conversations`, channels: `${API}/inboxes/${id}/channels` } },
  id,
  name: "Support",
  is_private: false,
  is_public: true,
  custom_fields: {},
});

const message = (conversationId: string, padding: number): JsonObject => {
  const id = nextId("msg");
  const text = `Hello, my order has not arrived yet. Could you check it? ${"x".repeat(padding)}`;
  return {
    _links: { self: `${API}/messages/${id}`, related: { conversation: `${API}/conversations/${conversationId}`, message_replied_to: null } },
    id,
    type: "email",
    is_inbound: true,
    is_draft: false,
    draft_mode: null,
    error_type: null,
    version: null,
    created_at: Date.now() / 1000,
    subject: "Where is my order?",
    blurb: text.slice(0, 80),
    author: null,
    recipients: [
      { _links: { related: { contact: `${API}/contacts/crd_sample` } }, name: "Jane Customer", handle: "jane@example.com", role: "from" },
      { _links: { related: { contact: null } }, name: "Support", handle: "support@example.com", role: "to" },
    ],
    body: `<p>${text}</p>`,
    text,
    attachments: [],
    signature: null,
    metadata: { headers: { in_reply_to: null } },
  };
};

const tag = (): JsonObject => ({
  _links: { self: `${API}/tags/tag_sample`, related: { conversations: `${API}/tags/tag_sample/conversations`, owner: null, children: null } },
  id: "tag_sample",
  name: "billing",
  highlight: "blue",
  is_private: false,
  is_visible_in_conversation_lists: true,
  created_at: 1_700_000_000,
  updated_at: 1_700_000_000,
});

const party = (type: string, data: unknown): JsonObject => ({ _meta: { type }, data });

// Source and target by event type, as Front's events table describes them.
const partiesFor = (type: string, conversationId: string, inboxId: string, padding: number): { source?: JsonObject; target?: JsonObject } => {
  switch (type) {
    case "inbound":
    case "outbound":
    case "out_reply":
      return { source: party("inboxes", [inbox(inboxId)]), target: party("message", message(conversationId, padding)) };
    case "sending_error":
    case "message_bounce_error":
      return { source: party("recipient", { handle: "jane@example.com", role: "to" }), target: party("message", message(conversationId, padding)) };
    case "forward":
      return { source: party("teammate", teammate()), target: party("message", message(conversationId, padding)) };
    case "move":
      return { source: party("teammate", teammate()), target: party("inboxes", [inbox(inboxId)]) };
    case "tag":
    case "untag":
      return { source: party("teammate", teammate()), target: party("tag", tag()) };
    case "assign":
      return { source: party("teammate", teammate()), target: party("teammate", teammate()) };
    case "comment":
    case "mention":
      return { source: party("teammate", teammate()), target: party("comment", { id: nextId("com"), body: "Can someone look at this?", author: teammate(), posted_at: Date.now() / 1000 }) };
    case "link_added":
    case "link_removed":
      return { source: party("teammate", teammate()), target: party("link", { id: "top_sample", name: "ORDER-42", type: "web", external_url: "https://shop.example.com/orders/42" }) };
    case "conversations_merged":
      return { source: party("teammate", teammate()), target: party("deleted_conversation_ids", ["cnv_merged1"]) };
    case "custom_field_updated":
      return { source: party("teammate", teammate()), target: party("custom_field", { id: "fld_sample", name: "Priority", type: "string" }) };
    case "reminder":
      return { source: party("reminder", null) };
    default:
      return { source: party("teammate", teammate()) };
  }
};

/** A full Front event resource (as `GET /events` and full-data webhooks carry it) of the given type. */
export const sampleFrontEvent = (options: SampleFrontEventOptions = {}): JsonObject => {
  const type = options.type ?? "inbound";
  const id = options.id ?? nextId("evt");
  const conversationId = options.conversationId ?? nextId("cnv");
  const inboxId = options.inboxId ?? "inb_sample";
  const { source, target } = partiesFor(type, conversationId, inboxId, options.padding ?? 0);
  return {
    _links: { self: `${API}/events/${id}` },
    id,
    type,
    emitted_at: options.emittedAt ?? Date.now() / 1000,
    ...(source === undefined ? {} : { source }),
    ...(target === undefined ? {} : { target }),
    conversation: {
      _links: {
        self: `${API}/conversations/${conversationId}`,
        related: {
          events: `${API}/conversations/${conversationId}/events`,
          followers: `${API}/conversations/${conversationId}/followers`,
          messages: `${API}/conversations/${conversationId}/messages`,
          comments: `${API}/conversations/${conversationId}/comments`,
          inboxes: `${API}/conversations/${conversationId}/inboxes`,
          last_message: `${API}/messages/msg_last?referer=conversation`,
        },
      },
      id: conversationId,
      subject: "Where is my order?",
      status: "unassigned",
      assignee: null,
      recipient: { _links: { related: { contact: `${API}/contacts/crd_sample` } }, name: "Jane Customer", handle: "jane@example.com", role: "from" },
      tags: [],
      links: [],
      custom_fields: {},
      created_at: Date.now() / 1000 - 60,
      waiting_since: Date.now() / 1000 - 60,
      is_private: false,
      scheduled_reminders: [],
      metadata: {},
    },
  };
};

/** An event preview, as a rule webhook sends it when "send full event data" is off: ids and links only. */
export const sampleFrontEventPreview = (options: Omit<SampleFrontEventOptions, "padding" | "inboxId"> = {}): JsonObject => {
  const id = options.id ?? nextId("evt");
  const conversationId = options.conversationId ?? nextId("cnv");
  return {
    _links: { self: `${API}/events/${id}` },
    id,
    type: options.type ?? "inbound",
    emitted_at: options.emittedAt ?? Date.now() / 1000,
    conversation: {
      _links: { self: `${API}/conversations/${conversationId}`, related: { events: `${API}/conversations/${conversationId}/events`, messages: `${API}/conversations/${conversationId}/messages` } },
      id: conversationId,
    },
    source: { _meta: { type: "teammate" }, _links: { self: `${API}/teammates/tea_sample` } },
  };
};

// The envelope names application webhooks use for the core event types that have one.
const APPLICATION_NAMES: Readonly<Record<string, string>> = {
  inbound: "inbound_received",
  outbound: "outbound_sent",
  move: "conversation_moved",
  archive: "conversation_archived",
  reopen: "conversation_reopened",
  trash: "conversation_deleted",
  restore: "conversation_restored",
  reminder: "conversation_snooze_expired",
  comment: "new_comment_added",
  assign: "assignee_changed",
  unassign: "assignee_changed",
  tag: "tag_added",
  untag: "tag_removed",
  link_added: "link_added",
  link_removed: "link_removed",
};

/** An application webhook body: `{ type, authorization: { id }, payload: event }`. */
export const applicationWebhookBody = (event: JsonObject, options: { readonly authorizationId?: string; readonly type?: string } = {}): JsonObject => {
  const coreType = typeof event["type"] === "string" ? event["type"] : "unknown";
  return {
    type: options.type ?? (Object.hasOwn(APPLICATION_NAMES, coreType) ? APPLICATION_NAMES[coreType] : coreType),
    authorization: { id: options.authorizationId ?? "cmp_sample" },
    payload: event,
  };
};

/** The validation request Front sends when an application webhook is saved. */
export const syncWebhookBody = (authorizationId = "cmp_sample"): JsonObject => ({ type: "sync", authorization: { id: authorizationId } });

/** What {@link deliverFrontWebhook} sends. Give `body` (sent as is, objects as JSON) or `event` (wrapped like Front). */
export interface DeliverFrontWebhookOptions {
  readonly kind: SenderWebhookKind;
  readonly secret: string;
  readonly body?: string | Uint8Array | JsonObject;
  /** A Front event: a rule webhook sends it as the body, an application webhook wraps it in its envelope. */
  readonly event?: JsonObject;
  readonly authorizationId?: string;
  /** The application envelope's type; default the name Front uses for the event's type. */
  readonly applicationType?: string;
  /** Sends Front's `sync` validation request with this `x-front-challenge` (application only; default body `sync`). */
  readonly challenge?: string;
  /** Retries after a non-2xx answer or a network error; default 3 for application webhooks, 0 for rule webhooks. */
  readonly retries?: number;
  readonly retryDelayMs?: number;
  /** How many times to deliver the same body (each signed afresh, like Front's redeliveries); default 1. */
  readonly duplicates?: number;
  /** Fixed `x-front-request-timestamp`; default the time of each attempt. */
  readonly timestampMs?: number;
  /** Per attempt; default 10 s. */
  readonly timeoutMs?: number;
  /** Extra or overriding headers (to send a tampered signature, say). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** One HTTP attempt: the answer, or the network error. */
export interface DeliveryAttempt {
  readonly status?: number;
  readonly body?: string;
  readonly error?: string;
  readonly timestampMs?: number;
}

/** The attempts of one delivery; `ok` when the last one got a 2xx. */
export interface Delivery {
  readonly ok: boolean;
  readonly attempts: readonly DeliveryAttempt[];
}

/** Every delivery (one per duplicate) and its attempts. */
export interface DeliveryReport {
  readonly deliveries: readonly Delivery[];
  /** The last attempt of the last delivery. */
  readonly last: DeliveryAttempt;
}

const MAX_RETRIES = 10;
const MAX_DUPLICATES = 100;

const bodyBytes = (options: DeliverFrontWebhookOptions): string | Uint8Array => {
  if (options.body !== undefined) {
    return typeof options.body === "string" || options.body instanceof Uint8Array ? options.body : JSON.stringify(options.body);
  }
  if (options.challenge !== undefined && options.event === undefined) return JSON.stringify(syncWebhookBody(options.authorizationId));
  if (options.event === undefined) throw new Error("deliverFrontWebhook needs body, event or challenge");
  if (options.kind === "rule") return JSON.stringify(options.event);
  return JSON.stringify(
    applicationWebhookBody(options.event, {
      ...(options.authorizationId === undefined ? {} : { authorizationId: options.authorizationId }),
      ...(options.applicationType === undefined ? {} : { type: options.applicationType }),
    }),
  );
};

const attempt = async (url: string, options: DeliverFrontWebhookOptions, body: string | Uint8Array): Promise<DeliveryAttempt> => {
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "frontkit-testkit (front-like webhook sender)" };
  let timestampMs: number | undefined;
  if (options.kind === "application") {
    timestampMs = options.timestampMs ?? Date.now();
    headers["x-front-request-timestamp"] = String(timestampMs);
    headers["x-front-signature"] = signApplicationWebhook(options.secret, body, timestampMs);
    if (options.challenge !== undefined) headers["x-front-challenge"] = options.challenge;
  } else {
    headers["x-front-signature"] = signRuleWebhook(options.secret, body);
  }
  Object.assign(headers, options.headers);
  try {
    const payload = typeof body === "string" ? body : new Uint8Array(body);
    const response = await fetch(url, { method: "POST", headers, body: payload, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
    const text = await response.text();
    return timestampMs === undefined ? { status: response.status, body: text } : { status: response.status, body: text, timestampMs };
  } catch (error) {
    // fetch wraps the socket error in `cause` ("fetch failed" alone says nothing).
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
    const message = error instanceof Error ? `${error.name}: ${error.message}${cause}` : String(error);
    return timestampMs === undefined ? { error: message } : { error: message, timestampMs };
  }
};

const isOk = (result: DeliveryAttempt): boolean => result.status !== undefined && result.status >= 200 && result.status < 300;

/**
 * POSTs a webhook to `url` the way Front does (JSON body, `x-front-signature`, and for application webhooks
 * `x-front-request-timestamp`, plus `x-front-challenge` for a `sync`), retrying non-2xx answers up to `retries`
 * times, and repeating the whole delivery `duplicates` times.
 */
export const deliverFrontWebhook = async (url: string, options: DeliverFrontWebhookOptions): Promise<DeliveryReport> => {
  const retries = Math.min(options.retries ?? (options.kind === "application" ? 3 : 0), MAX_RETRIES);
  const duplicates = Math.min(options.duplicates ?? 1, MAX_DUPLICATES);
  const body = bodyBytes(options);
  const deliveries: Delivery[] = [];
  for (let d = 0; d < duplicates; d++) {
    const attempts: DeliveryAttempt[] = [];
    for (let a = 0; a <= retries; a++) {
      if (a > 0) await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 50));
      const result = await attempt(url, options, body);
      attempts.push(result);
      if (isOk(result)) break;
    }
    deliveries.push({ ok: isOk(attempts.at(-1)!), attempts });
  }
  return { deliveries, last: deliveries.at(-1)!.attempts.at(-1)! };
};
