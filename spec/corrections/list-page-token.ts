import type { Correction, Json } from "./types.js";

/** The list endpoints the spec publishes without paging although clients must follow `_pagination.next` on them. */
export const PAGE_TOKEN_PATHS = ["/inboxes", "/teammates"] as const;

export const listPageToken: Correction = {
  id: "list-page-token",
  reason:
    "Front's pagination guide (dev.frontapp.com/docs/pagination) says a paginated list answers with `_pagination.next` " +
    "and takes the `page_token` query parameter, and to always follow `next` until it is null. The spec declares no " +
    "parameters on GET /inboxes and GET /teammates (GET /tags, answered in the same envelope, has `page_token`), and the " +
    "reference does not say whether these two page; frontkit reads them whole and follows a `next` when one comes. The " +
    "shared optional `pageToken` parameter is declared here so that follow-through is typed instead of cast, and Prism " +
    "accepts it. Harmless if Front never sends a `next` there.",
  apply(doc) {
    if (doc.components?.parameters?.pageToken?.name !== "page_token") {
      throw new Error("list-page-token: components.parameters.pageToken is not Front's page_token parameter any more");
    }
    for (const path of PAGE_TOKEN_PATHS) {
      const op: Json | undefined = doc.paths?.[path]?.get;
      if (op === undefined) throw new Error(`list-page-token: GET ${path} is missing`);
      const parameters: Json[] = (op.parameters ??= []);
      if (!parameters.some((p) => p.$ref === "#/components/parameters/pageToken" || (p.in === "query" && p.name === "page_token"))) {
        parameters.push({ $ref: "#/components/parameters/pageToken" });
      }
    }
  },
};
