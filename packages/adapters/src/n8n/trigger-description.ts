/** The Front Trigger node's description: modes, webhook kind, filters and credentials. */
import type { WebhookKind } from "@frontkit/tools";
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from "n8n-workflow";
import { FRONT_CREDENTIAL_NAME } from "./credentials.js";
import { FRONT_WEBHOOK_CREDENTIAL_NAME } from "./trigger-credentials.js";

/** Parameter names of the trigger node. */
export const TRIGGER_PARAM = {
  mode: "mode",
  kind: "kind",
  events: "events",
  inboxIds: "inboxIds",
  startAt: "startAt",
} as const;

/** How events reach the workflow. */
export type TriggerMode = "webhook" | "polling";

const MODE_OPTIONS: INodePropertyOptions[] = [
  {
    name: "Webhook (Front Calls n8n)",
    value: "webhook" satisfies TriggerMode,
    description: "Front sends every event to this workflow's webhook URL as it happens. Needs an n8n that Front can reach over the internet.",
  },
  {
    name: "Polling (n8n Asks Front)",
    value: "polling" satisfies TriggerMode,
    description: "n8n reads Front's events feed on the poll schedule. Works without a public URL; needs a Front API token that may read events.",
  },
];

const KIND_OPTIONS: INodePropertyOptions[] = [
  {
    name: "Application Webhook",
    value: "application" satisfies WebhookKind,
    description: "A webhook feature of a Front app: full events of shared inboxes, signed with the app's signing key",
  },
  {
    name: "Rule Webhook",
    value: "rule" satisfies WebhookKind,
    description: "A Front rule's 'Send to a webhook' action: events the rule matches, signed with the company's API secret",
  },
];

const words = (type: string): string =>
  type
    .split(/[_\s]+/)
    .filter((w) => w !== "")
    .map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`)
    .join(" ");

/** One dropdown option per Front event type, named for people (`out_reply` → Out Reply). */
export const eventTypeOptions = (types: ReadonlyArray<string>): INodePropertyOptions[] =>
  types.map((type) => ({ name: words(type), value: type })).sort((a, b) => a.name.localeCompare(b.name));

const onlyIn = (mode: TriggerMode) => ({ show: { [TRIGGER_PARAM.mode]: [mode] } });

// n8n registers a node's webhooks whatever its parameters say; an empty method registers none,
// so a polling trigger has no URL Front (or anyone) could call.
const WEBHOOK_METHOD = `={{$parameter["${TRIGGER_PARAM.mode}"] === "polling" ? "" : "POST"}}`;

/** The trigger node's description for the given Front event types. */
export const triggerDescription = (eventTypes: ReadonlyArray<string>): INodeTypeDescription => ({
  displayName: "Front Trigger",
  name: "frontTrigger",
  icon: "file:front.svg",
  group: ["trigger"],
  version: 1,
  subtitle: `={{$parameter["${TRIGGER_PARAM.mode}"] === "polling" ? "Polling the events feed" : $parameter["${TRIGGER_PARAM.kind}"] + " webhook"}}`,
  description: "Starts the workflow when something happens in Front (a message arrives, a conversation is assigned, tagged, archived…)",
  defaults: { name: "Front Trigger" },
  inputs: [],
  outputs: ["main"],
  polling: true,
  credentials: [
    { name: FRONT_WEBHOOK_CREDENTIAL_NAME, required: true, displayOptions: onlyIn("webhook") },
    { name: FRONT_CREDENTIAL_NAME, required: true, displayOptions: onlyIn("polling") },
  ],
  webhooks: [
    {
      name: "default",
      httpMethod: WEBHOOK_METHOD,
      responseMode: "onReceived",
      path: "webhook",
      ndvHideUrl: `={{$parameter["${TRIGGER_PARAM.mode}"] === "polling"}}`,
    },
  ],
  properties: [
    {
      displayName: "Mode",
      name: TRIGGER_PARAM.mode,
      type: "options",
      noDataExpression: true,
      options: MODE_OPTIONS,
      default: "webhook",
    },
    {
      displayName:
        "Paste this node's Production URL into Front: as an application webhook (Developers → your app → Webhooks) or as a rule's 'Send to a webhook' action. Front must be able to reach it over HTTPS.",
      name: "webhookNotice",
      type: "notice",
      default: "",
      displayOptions: onlyIn("webhook"),
    },
    {
      displayName: "Webhook Kind",
      name: TRIGGER_PARAM.kind,
      type: "options",
      noDataExpression: true,
      options: KIND_OPTIONS,
      default: "application",
      description: "Which Front webhook calls this URL; it decides how the signature is checked",
      displayOptions: onlyIn("webhook"),
    },
    {
      displayName: "Event Types",
      name: TRIGGER_PARAM.events,
      type: "multiOptions",
      options: eventTypeOptions(eventTypes),
      default: [],
      description: "Only events of these types start the workflow. Leave empty for every type. When polling, Front filters them before sending.",
    },
    {
      displayName: "Inbox IDs",
      name: TRIGGER_PARAM.inboxIds,
      type: "string",
      default: "",
      placeholder: "inb_55c8c149, inb_3a4c9b1",
      description:
        "Comma-separated inbox IDs: only events in one of these inboxes start the workflow. Leave empty for every inbox. When polling, Front filters them before sending.",
    },
    {
      displayName: "Start From",
      name: TRIGGER_PARAM.startAt,
      type: "dateTime",
      default: "",
      description:
        "Leave empty to start with the events that happen after the workflow is activated. Set a time to also get the events since then on the first poll.",
      displayOptions: onlyIn("polling"),
    },
  ],
});
