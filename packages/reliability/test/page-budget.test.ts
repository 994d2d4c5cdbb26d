/**
 * Issue 16: every call has a page budget, empty pages included. A base URL answering endless pages (a fresh
 * page token each time) must stop the "all pages" tools at their bound with a typed error naming the budget,
 * never a silently short list.
 */
import { createFrontTools } from "@frontkit/tools";
// The default page budget is not public API (FrontToolsOptions.maxListPages documents it): read from its one home.
import { DEFAULT_MAX_PAGES } from "../../tools/src/pagination.js";
import { describe } from "vitest";
import { CANARY, json, probeGroup, record } from "./support.js";

const probe = probeGroup("page budget");

describe("endless pages against the page budget", () => {
  for (const tool of ["list-tags", "list-inboxes", "list-teammates"] as const) {
    probe(`${tool}: endless empty pages stop at ≤ ${DEFAULT_MAX_PAGES} requests with a typed error naming the budget`, async () => {
      let sent = 0;
      const ft = createFrontTools({
        token: CANARY,
        baseUrl: "http://127.0.0.1:9",
        burstPerSecond: 0,
        cacheTtl: 0,
        fetch: async () => {
          sent++;
          return json({ _results: [], _pagination: { next: `https://acme.api.frontapp.com/x?page_token=p${sent}` } });
        },
      });
      try {
        const error = await ft.invoke(tool, {}).then(
          (value) => {
            record(value);
            return undefined;
          },
          (e: unknown) => {
            record(e);
            return e as { _tag?: string; message?: string };
          },
        );
        return (
          error?._tag === "UnexpectedResponse" &&
          sent > 1 &&
          sent <= DEFAULT_MAX_PAGES &&
          (error.message ?? "").includes(`page budget of ${DEFAULT_MAX_PAGES} pages`) &&
          (error.message ?? "").includes("maxPages")
        );
      } finally {
        await ft.dispose();
      }
    });
  }
});
