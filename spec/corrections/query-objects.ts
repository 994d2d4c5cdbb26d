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
    "Front's `q` parameter is a search object sent in bracket notation, lists with empty brackets " +
    "(`q[statuses][]=assigned&q[statuses][]=archived`, `q[updated_after]=1700000000`; Front's API reference shows " +
    "`[]`, its guide at dev.frontapp.com/docs/query-object-q repeated keys), but the spec types it as a plain " +
    "string, so callers would have to hand-encode it. Declared as a deepObject so the types name each property. " +
    "OpenAPI 3.0 leaves lists inside a deepObject undefined and Prism 5.14 reads them only as indexed keys " +
    "(`q[statuses][0]`): the `[]` form reaches it as an empty list, so Prism accepts it (no 422) without checking " +
    "the values. A form parameter named `q[statuses][]` would describe the form exactly, but Prism's CLI rewrites " +
    "such names with encodeURI at startup and then never matches them; the values are checked by the tools' own " +
    "input schemas, the serializer tests and the simulated Front instead.",
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
