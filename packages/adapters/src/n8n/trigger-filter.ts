/** The trigger's event filter: which types and inboxes start the workflow, read from the node. */
import { eventTypeOf, type FrontWebhookDelivery, inboxIdsOf } from "@frontkit/tools";
import { TRIGGER_PARAM } from "./trigger-description.js";

/** Event types and inbox ids the user picked; empty means "all". */
export interface EventFilter {
  readonly types: ReadonlyArray<string>;
  readonly inboxIds: ReadonlyArray<string>;
}

/** A filter parameter the user set to something the node cannot use. */
export class FilterValueError extends Error {
  readonly _tag = "FilterValueError";

  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = "FilterValueError";
  }
}

const INBOX_ID = /^inb_[A-Za-z0-9]+$/;

/** The inbox ids of the comma-separated `Inbox IDs` value; throws FilterValueError naming a wrong one. */
export const parseInboxIds = (value: unknown): string[] => {
  if (value === undefined || value === null || value === "") return [];
  const list = Array.isArray(value) ? value.map(String) : String(value).split(",");
  const ids = list.map((id) => id.trim()).filter((id) => id !== "");
  const wrong = ids.find((id) => !INBOX_ID.test(id));
  if (wrong !== undefined) {
    throw new FilterValueError(
      TRIGGER_PARAM.inboxIds,
      `Inbox IDs: "${wrong.slice(0, 60)}" is not an inbox ID. Use Front's inbox IDs (inb_…), separated by commas, or leave the field empty for every inbox.`,
    );
  }
  return [...new Set(ids)];
};

/** The event types of the `Event Types` value; throws FilterValueError naming one Front does not send. */
export const parseEventTypes = (value: unknown, known: ReadonlyArray<string>): string[] => {
  if (value === undefined || value === null || value === "") return [];
  const list = (Array.isArray(value) ? value : String(value).split(",")).map((t) => String(t).trim()).filter((t) => t !== "");
  const wrong = list.find((t) => !known.includes(t));
  if (wrong !== undefined) {
    throw new FilterValueError(
      TRIGGER_PARAM.events,
      `Event Types: "${wrong.slice(0, 60)}" is not a Front event type. Pick types from the list (e.g. ${known.slice(0, 3).join(", ")}), or leave it empty for every type.`,
    );
  }
  return [...new Set(list)];
};

/**
 * Whether a webhook delivery passes the filter (polling needs none: Front filters the feed).
 * With an inbox filter, an event whose payload names no inbox (a tag added, a preview) is
 * dropped: nothing shows it belongs to one of them, and letting it through would leak
 * events of other inboxes into the workflow.
 */
export const matchesFilter = (delivery: FrontWebhookDelivery, filter: EventFilter): boolean => {
  if (filter.types.length > 0) {
    const type = eventTypeOf(delivery);
    if (type === undefined || !filter.types.includes(type)) return false;
  }
  if (filter.inboxIds.length > 0) {
    const inboxes = inboxIdsOf(delivery);
    if (!inboxes.some((id) => filter.inboxIds.includes(id))) return false;
  }
  return true;
};
