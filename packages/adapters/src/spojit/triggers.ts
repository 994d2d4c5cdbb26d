/**
 * The Front connector's triggers: what starts a Spojit workflow. Each trigger is one spec here —
 * the Front event types it fires on, its configuration schema and its filters — and both the
 * connector definition (JSON Schemas) and the handlers (decoding, filtering) are derived from it.
 */
import { FRONT_EVENT_TYPES, toPlainJsonSchema } from "@frontkit/tools";
import { Schema } from "effect";
import type { JsonSchemaObject, SpojitTriggerDefinition } from "./connector-types.js";
import { type SpojitTriggerEvent, triggerEventSchema } from "./trigger-event.js";

const idList = (prefix: string, what: string, description: string) =>
  Schema.optionalKey(
    Schema.Array(
      Schema.String.check(Schema.isPattern(new RegExp(`^${prefix}_[A-Za-z0-9]+$`, "u"), { message: `must be a ${what} id like ${prefix}_123` })),
    ).check(Schema.isMinLength(1, { message: "must list at least one id, or be left out" })),
  ).annotate({ description });

/** Which webhook delivers to the trigger; it decides how the signature is checked and with which secret. */
const kind = Schema.optionalKey(Schema.Literals(["application", "rule"])).annotate({
  description:
    "How Front delivers the events: application (an app's webhook feature, signed with the app's signing secret; the default) or rule (a rule's 'Send to a webhook' action, signed with the company's API secret). Not used when polling.",
  default: "application",
});

const inboxIds = idList("inb", "inbox", "Only events in these inboxes (inb_…). Leave out for every inbox the webhook or token can see.");

/** Front event types a workflow may ask for by name (the generic trigger). */
const EventType = Schema.Literals(FRONT_EVENT_TYPES);

/** Every configuration field any trigger has; each trigger's schema allows a subset. */
export interface TriggerConfiguration {
  readonly kind?: "application" | "rule";
  readonly inbox_ids?: ReadonlyArray<string>;
  readonly types?: ReadonlyArray<string>;
  readonly tag_ids?: ReadonlyArray<string>;
  readonly teammate_ids?: ReadonlyArray<string>;
}

/** One trigger: its identity, the event types it fires on, and how it is configured. */
export interface TriggerSpec {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** The Front event types it fires on; undefined when the configuration's `types` decides. */
  readonly types: ReadonlyArray<string> | undefined;
  readonly configuration: Schema.Codec<TriggerConfiguration, unknown, never, never>;
}

const WEBHOOK_NOTE =
  "Runs from a Front application webhook or rule webhook (see the connector's setup notes), or by polling Front's events feed.";

/** The triggers, in the order Spojit lists them. */
export const triggerSpecs: ReadonlyArray<TriggerSpec> = [
  {
    name: "new-inbound-message",
    title: "New inbound message",
    description: `Starts the workflow when a customer's message arrives in Front (event type inbound). The event carries the message (id, from, subject, blurb) and its conversation. ${WEBHOOK_NOTE}`,
    types: ["inbound"],
    configuration: Schema.Struct({ kind, inbox_ids: inboxIds }),
  },
  {
    name: "new-outbound-message",
    title: "New outbound message",
    description: `Starts the workflow when a teammate or the API sends a message from Front: a new message (outbound) or a reply (out_reply). The event carries the message and its conversation. ${WEBHOOK_NOTE}`,
    types: ["outbound", "out_reply"],
    configuration: Schema.Struct({ kind, inbox_ids: inboxIds }),
  },
  {
    name: "conversation-tagged",
    title: "Conversation tagged",
    description: `Starts the workflow when a tag is added to a conversation (event type tag). The event carries the tag (id, name) and the conversation. Optionally only for some tags. ${WEBHOOK_NOTE}`,
    types: ["tag"],
    configuration: Schema.Struct({
      kind,
      inbox_ids: inboxIds,
      tag_ids: idList("tag", "tag", "Only when one of these tags (tag_…) is added. Leave out for any tag."),
    }),
  },
  {
    name: "conversation-assigned",
    title: "Conversation assigned",
    description: `Starts the workflow when a conversation is assigned to a teammate (event type assign). The event carries the assignee (id, email, name) and the conversation. Optionally only for some teammates. ${WEBHOOK_NOTE}`,
    types: ["assign"],
    configuration: Schema.Struct({
      kind,
      inbox_ids: inboxIds,
      teammate_ids: idList("tea", "teammate", "Only when assigned to one of these teammates (tea_…). Leave out for any teammate."),
    }),
  },
  {
    name: "front-event",
    title: "Any Front event",
    description: `Starts the workflow on the Front event types you choose (e.g. comment, archive, move, conversations_merged). The event carries Front's event object plus its conversation, message, tag or assignee when there is one. ${WEBHOOK_NOTE}`,
    types: undefined,
    configuration: Schema.Struct({
      kind,
      inbox_ids: inboxIds,
      types: Schema.Array(EventType)
        .check(Schema.isMinLength(1, { message: "choose at least one event type" }))
        .annotate({ description: "The Front event types that start the workflow." }),
    }),
  },
];

/** Specs by name. */
export const triggerSpecsByName: ReadonlyMap<string, TriggerSpec> = new Map(triggerSpecs.map((spec) => [spec.name, spec]));

/** Trigger names, in order. */
export const triggerNames: ReadonlyArray<string> = triggerSpecs.map((spec) => spec.name);

/** The event types a configured trigger fires on. */
export const typesOf = (spec: TriggerSpec, configuration: TriggerConfiguration): ReadonlyArray<string> =>
  spec.types ?? configuration.types ?? [];

const list = (ids: ReadonlyArray<string>): string => (ids.length === 0 ? "none" : ids.join(", "));

/**
 * Why a trigger, as configured, does not fire on an event; undefined when it does. The reason is
 * returned to Spojit so a workflow author can see why a delivery started nothing.
 *
 * An inbox filter drops an event that names no inbox (Front's tag and assign events, previews):
 * the workflow asked for specific inboxes and this event cannot be shown to be in one. When the
 * events were already filtered by inbox on Front's side (polling), `inboxesChecked` skips that test.
 */
export const skipReason = (
  spec: TriggerSpec,
  configuration: TriggerConfiguration,
  event: SpojitTriggerEvent,
  options: { readonly inboxesChecked?: boolean } = {},
): string | undefined => {
  const types = typesOf(spec, configuration);
  if (!types.includes(event.type)) return `Event ${event.id} is of type ${event.type}; ${spec.name} fires on ${list(types)}.`;
  const inboxes = configuration.inbox_ids;
  if (inboxes !== undefined && options.inboxesChecked !== true) {
    if (event.inbox_ids.length === 0) {
      return `Event ${event.id} (${event.type}) names no inbox, so it cannot be matched to inbox_ids; limit the webhook to those inboxes in Front (a rule's conditions) instead, or poll.`;
    }
    if (!inboxes.some((id) => event.inbox_ids.includes(id))) return `Event ${event.id} is in ${list(event.inbox_ids)}, not in inbox_ids.`;
  }
  const tags = configuration.tag_ids;
  if (tags !== undefined && (event.tag === null || !tags.includes(event.tag.id))) {
    return `Event ${event.id} added tag ${event.tag?.id ?? "(none)"}, not one of tag_ids.`;
  }
  const teammates = configuration.teammate_ids;
  if (teammates !== undefined && (event.assignee === null || !teammates.includes(event.assignee.id))) {
    return `Event ${event.id} assigned ${event.assignee?.id ?? "(nobody)"}, not one of teammate_ids.`;
  }
  return undefined;
};

const toDefinition = (spec: TriggerSpec): SpojitTriggerDefinition => ({
  name: spec.name,
  title: spec.title,
  description: spec.description,
  eventTypes: spec.types ?? [],
  delivery: ["webhook", "poll"],
  configurationSchema: toPlainJsonSchema(spec.configuration) as JsonSchemaObject,
  outputSchema: toPlainJsonSchema(triggerEventSchema(spec.types)) as JsonSchemaObject,
});

/** The triggers as the connector definition lists them. */
export const frontTriggers: ReadonlyArray<SpojitTriggerDefinition> = triggerSpecs.map(toDefinition);
