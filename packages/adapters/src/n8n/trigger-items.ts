/** One n8n item per Front event: the event's JSON and how it arrived. */
import type { FrontEvent, FrontEventPreview } from "@frontkit/tools";
import type { IDataObject, INodeExecutionData } from "n8n-workflow";

/** How the event reached n8n: an application webhook, a rule webhook, or the polled events feed. */
export type EventArrival = "application" | "rule" | "poll";

/**
 * Whether the item holds the whole event or Front's preview of it (a rule webhook set to
 * send previews: ids and links only, fetch the rest with the Front node).
 */
export type DeliveryType = "full" | "preview";

/** What the trigger adds to the event's own fields. */
export interface EventItemMeta {
  readonly kind: EventArrival;
  readonly deliveryType: DeliveryType;
  /** Application webhooks: the id of the authorization (company) the event belongs to. */
  readonly authorizationId?: string;
}

/** The output item of one event. */
export const eventItem = (event: FrontEvent | FrontEventPreview, meta: EventItemMeta): INodeExecutionData => ({
  json: {
    ...(event as unknown as IDataObject),
    kind: meta.kind,
    deliveryType: meta.deliveryType,
    ...(meta.authorizationId !== undefined ? { authorizationId: meta.authorizationId } : {}),
  },
});
