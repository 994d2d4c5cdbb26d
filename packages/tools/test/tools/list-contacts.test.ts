import { assert, describe, it } from "@effect/vitest";
import { Effect, Exit } from "effect";
import { Front, type FrontConfig, type FrontToolError, ProgressReporter, type ProgressUpdate, runTool } from "../../src/index.js";
import { listContacts } from "../../src/tools/list-contacts.js";
import { fakeFetch, json } from "../support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";
const layer = (config: Omit<FrontConfig, "token" | "baseUrl">) => Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, burstPerSecond: 0, ...config });
const page = (results: unknown[], next: string | null) => json(200, { _results: results, _pagination: { next } });
const contact = (n: number) => ({ id: `crd_${n}`, name: `C ${n}`, handles: [{ handle: `c${n}@x.io`, source: "email" }], _links: { self: "x" } });
const contacts = (from: number, n: number) => Array.from({ length: n }, (_, i) => contact(from + i));

const failure = <A>(exit: Exit.Exit<A, FrontToolError>): FrontToolError => {
  if (Exit.isSuccess(exit)) throw new Error("expected a failure");
  const f = exit.cause.reasons.find((r) => r._tag === "Fail");
  if (f === undefined || f._tag !== "Fail") throw new Error(String(exit.cause));
  return f.error;
};

describe("list-contacts", () => {
  it.effect("auto-paging through endless empty pages ends at the page budget (max_results in full pages + 100)", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([(_req, i) => page([], `https://acme.api.frontapp.com/contacts?page_token=e${i + 1}`)]);
      const out = yield* runTool(listContacts, { auto_paginate: true, max_results: 250 }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(requests.length, 3 + 100);
      assert.strictEqual(out.count, 0);
      assert.strictEqual(out.next_page_token, "e103");
    }),
  );

  it.effect("one page by default, with Front's filters in q (unix seconds) and the next page token", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page(contacts(1, 2), "https://acme.api.frontapp.com/contacts?page_token=p2")]);
      const out = yield* runTool(listContacts, {
        updated_after: "2026-01-01T00:00:00Z",
        updated_before: 1767312000.5,
        sort_by: "updated_at",
        sort_order: "desc",
        limit: 2,
      }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(requests.length, 1);
      const url = new URL(requests[0]!.url);
      assert.strictEqual(url.origin, BASE);
      assert.strictEqual(url.pathname, "/contacts");
      assert.strictEqual(url.searchParams.get("q[updated_after]"), "1767225600");
      assert.strictEqual(url.searchParams.get("q[updated_before]"), "1767312000.5");
      assert.strictEqual(url.searchParams.get("sort_by"), "updated_at");
      assert.strictEqual(url.searchParams.get("sort_order"), "desc");
      assert.strictEqual(url.searchParams.get("limit"), "2");
      assert.deepStrictEqual(out.contacts.map((c) => c.id), ["crd_1", "crd_2"]);
      assert.strictEqual(out.count, 2);
      assert.strictEqual(out.next_page_token, "p2");
      assert.notProperty(out.contacts[0]!, "_links");
    }),
  );

  it.effect("page_token continues on the configured base URL", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page(contacts(3, 1), null)]);
      const out = yield* runTool(listContacts, { page_token: "p2" }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(new URL(requests[0]!.url).searchParams.get("page_token"), "p2");
      assert.strictEqual(new URL(requests[0]!.url).origin, BASE);
      assert.isUndefined(out.next_page_token);
    }),
  );

  it.effect("auto_paginate stops at max_results, asking Front only for what is still wanted", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([
        (req) => {
          const u = new URL(req.url);
          const limit = Number(u.searchParams.get("limit"));
          const n = Number(u.searchParams.get("page_token") ?? "0");
          return page(contacts(n * 100, limit), `https://acme.api.frontapp.com/contacts?page_token=${n + 1}`);
        },
      ]);
      const progress: ProgressUpdate[] = [];
      const out = yield* runTool(listContacts, { auto_paginate: true, max_results: 250 }).pipe(
        Effect.provideService(ProgressReporter, (p) => progress.push(p)),
        Effect.provide(layer({ fetch })),
      );
      assert.strictEqual(out.count, 250);
      assert.deepStrictEqual(requests.map((r) => new URL(r.url).searchParams.get("limit")), ["100", "100", "50"]);
      assert.strictEqual(out.next_page_token, "3", "the last page was taken whole, so its token continues exactly");
      assert.deepStrictEqual(progress.map((p) => p.progress), [1, 2, 3], "one report per page");
      assert.strictEqual(progress[0]!.total, 3);
      assert.include(progress[2]!.message, "250 item(s)");
    }),
  );

  it.effect("auto_paginate stops on a repeated page token and at the end of the list", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page(contacts(1, 3), `${BASE}/contacts?page_token=same`)]);
      const out = yield* runTool(listContacts, { auto_paginate: true }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(requests.length, 2, "first page, then the token once");
      assert.strictEqual(out.count, 6);
      assert.isUndefined(out.next_page_token);
    }),
  );

  it.effect("a server ignoring limit: the cut page gives no continuation token", () =>
    Effect.gen(function* () {
      const { fetch } = fakeFetch([page(contacts(1, 10), "https://acme.api.frontapp.com/contacts?page_token=p2")]);
      const out = yield* runTool(listContacts, { auto_paginate: true, max_results: 4 }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(out.count, 4);
      assert.isUndefined(out.next_page_token);
    }),
  );

  it.effect("bad input is InvalidInput and sends nothing", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page([], null)]);
      const bad: unknown[] = [
        { limit: 0 },
        { limit: 101 },
        { updated_after: "yesterday" },
        { updated_after: "2026-01-01T10:00" },
        { updated_after: 1767225600000 },
        { updated_after: 2000, updated_before: 1000 },
        { sort_order: "desc" },
        { sort_by: "name" },
        { max_results: 10 },
        { auto_paginate: true, max_results: 5001 },
        { page_token: "" },
        { limitt: 5 },
      ];
      for (const input of bad) {
        const error = failure(yield* Effect.exit(runTool(listContacts, input).pipe(Effect.provide(layer({ fetch })))));
        assert.strictEqual(error._tag, "InvalidInput", JSON.stringify(input));
      }
      assert.strictEqual(requests.length, 0);
    }),
  );
});
