import type { Correction } from "./types.js";

export const eventsLimit: Correction = {
  id: "events-limit",
  reason:
    "Front pages its events feed at most 15 to a page (dev.frontapp.com: `limit` on `GET /events`, max 15), which the " +
    "spec says only in prose. Declared as `maximum: 15` so a raw request asking for more is refused before it is sent, " +
    "and Prism refuses it too.",
  apply(doc) {
    const parameters: Array<Record<string, any>> = doc.paths?.["/events"]?.get?.parameters ?? [];
    const limit = parameters.find((p) => p.in === "query" && p.name === "limit");
    if (limit === undefined) throw new Error("events-limit: GET /events has no inline `limit` parameter any more");
    limit.schema = { ...limit.schema, maximum: 15 };
  },
};
