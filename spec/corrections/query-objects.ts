import type { Correction, Json } from "./types.js";

const timestamp = (description: string): Json => ({
  type: "number",
  description: `${description} Unix timestamp in seconds, with up to 3 decimal places.`,
  example: 1767225600.5,
});
const stringList = (description: string, values?: readonly string[]): Json => ({
  type: "array",
  description,
  items: values ? { type: "string", enum: [...values] } : { type: "string" },
});

/** The documented properties of each `q` search object (dev.frontapp.com/docs/query-object-q). */
export const QUERY_OBJECTS: Record<string, Json> = {
  conversationQuery: {
    statuses: stringList("Conversation statuses to include.", ["assigned", "unassigned", "archived", "trashed"]),
    status_categories: stringList("Ticket status categories to include (companies with ticketing).", [
      "open",
      "waiting",
      "resolved",
    ]),
    status_ids: stringList("Ticket status ids to include (companies with ticketing)."),
  },
  cardQuery: {
    updated_after: timestamp("Only contacts updated after this time."),
    updated_before: timestamp("Only contacts updated before this time."),
  },
  activityQuery: {
    before: timestamp("Only events before this time."),
    after: timestamp("Only events after this time."),
    types: stringList("Event types to include."),
    inboxes: stringList("Inbox ids whose events to include."),
  },
  timeOffQuery: {
    active_from: timestamp("Only time off active from this time."),
    active_until: timestamp("Only time off active until this time."),
  },
  topicQuery: {
    types: stringList("Link types to include (`web`, or `app_<uid>`)."),
  },
};

export const queryObjects: Correction = {
  id: "query-objects",
  reason:
    "Front's `q` parameter is a search object sent in bracket notation (`q[statuses][]=assigned`, " +
    "`q[updated_after]=1700000000`), documented at dev.frontapp.com/docs/query-object-q, but the spec types it " +
    "as a plain string, so callers would have to hand-encode it and the mock could not validate it.",
  apply(doc) {
    for (const [name, properties] of Object.entries(QUERY_OBJECTS)) {
      const parameter = doc.components.parameters[name];
      if (!parameter) throw new Error(`query-objects: parameter ${name} is no longer in the spec`);
      parameter.style = "deepObject";
      parameter.explode = true;
      parameter.schema = { type: "object", additionalProperties: false, properties };
    }
  },
};
