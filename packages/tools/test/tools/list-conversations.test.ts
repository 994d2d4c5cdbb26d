import { assert, describe, it } from "@effect/vitest";
import { Effect, Exit, Fiber } from "effect";
import { Front, type FrontConfig, type FrontToolError, ProgressReporter, type ProgressUpdate, runTool } from "../../src/index.js";
import { listConversations, mergeNewestFirst } from "../../src/tools/list-conversations.js";
import { fakeFetch, json } from "../support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";
const layer = (config: Omit<FrontConfig, "token" | "baseUrl">) =>
  Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, burstPerSecond: 0, maxConcurrency: 10, ...config });
const page = (results: unknown[], next: string | null) => json(200, { _results: results, _pagination: { next } });
const cnv = (id: string, updated_at: number, extra: Record<string, unknown> = {}) => ({
  id,
  subject: `S ${id}`,
  status: "assigned",
  assignee: { id: "tea_1", email: "a@x.io" },
  recipient: { handle: "c@x.io", role: "from" },
  tags: [{ id: "tag_1", name: "T" }],
  created_at: updated_at - 100,
  updated_at,
  waiting_since: null,
  _links: { self: "x" },
  ...extra,
});

const failure = <A>(exit: Exit.Exit<A, FrontToolError>): FrontToolError => {
  if (Exit.isSuccess(exit)) throw new Error("expected a failure");
  const f = exit.cause.reasons.find((r) => r._tag === "Fail");
  if (f === undefined || f._tag !== "Fail") throw new Error(String(exit.cause));
  return f.error;
};

describe("list-conversations", () => {
  it.effect("company-wide: one page, q[statuses][] Front's way, next_page_token on our base URL", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page([cnv("cnv_1", 300), cnv("cnv_2", 200)], "https://acme.api.frontapp.com/conversations?page_token=p2")]);
      const out = yield* runTool(listConversations, { statuses: ["assigned", "archived"], limit: 2 }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(requests.length, 1);
      const url = new URL(requests[0]!.url);
      assert.strictEqual(url.origin + url.pathname, `${BASE}/conversations`);
      assert.deepStrictEqual(url.searchParams.getAll("q[statuses][]"), ["assigned", "archived"]);
      assert.include(url.search, "q[statuses][]=assigned&q[statuses][]=archived");
      assert.strictEqual(url.searchParams.get("limit"), "2");
      assert.deepStrictEqual(out.conversations.map((c) => c.id), ["cnv_1", "cnv_2"]);
      assert.strictEqual(out.next_page_token, "p2");
      assert.strictEqual(out.complete, false);
      assert.strictEqual(out.stopped_by_date_filter, false);
      const first = out.conversations[0]!;
      assert.strictEqual(first.assignee?.id, "tea_1");
      assert.strictEqual(first.recipient?.handle, "c@x.io");
      assert.strictEqual(first.tags?.[0]?.name, "T");
      assert.notProperty(first, "_links");
      assert.notProperty(first, "inbox_ids");
    }),
  );

  it.effect("status_categories go to q[status_categories]; one inbox uses its own endpoint and page_token", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page([cnv("cnv_1", 300)], null)]);
      const out = yield* runTool(listConversations, { inbox_ids: ["inb_a"], status_categories: ["open"], page_token: "tok9" }).pipe(
        Effect.provide(layer({ fetch })),
      );
      const url = new URL(requests[0]!.url);
      assert.strictEqual(url.pathname, "/inboxes/inb_a/conversations");
      assert.deepStrictEqual(url.searchParams.getAll("q[status_categories][]"), ["open"]);
      assert.strictEqual(url.searchParams.get("page_token"), "tok9");
      assert.deepStrictEqual(out.conversations[0]!.inbox_ids, ["inb_a"]);
    }),
  );

  it.effect("updated_after finds a conversation updated after T that sits below older ones (bump order)", () =>
    Effect.gen(function* () {
      // Front lists by bump time: cnv_3 was tagged after T (updated_at moved) but tagging does not bump it,
      // so it stays below cnv_2, which was last updated before T.
      const T = 500;
      const { fetch, requests } = fakeFetch([
        page([cnv("cnv_1", 1000), cnv("cnv_2", 400)], "https://acme.api.frontapp.com/conversations?page_token=p2"),
        page([cnv("cnv_3", 900), cnv("cnv_4", 300)], "https://acme.api.frontapp.com/conversations?page_token=p3"),
        page([cnv("cnv_5", 200)], null),
      ]);
      const out = yield* runTool(listConversations, { updated_after: T, auto_paginate: true, limit: 2 }).pipe(Effect.provide(layer({ fetch })));
      assert.deepStrictEqual(out.conversations.map((c) => c.id), ["cnv_1", "cnv_3"]);
      assert.strictEqual(requests.length, 3, "the whole list is scanned");
    }),
  );

  it.effect("updated_after reads every page and keeps the newer conversations wherever they sit", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([
        page([cnv("cnv_1", 1000), cnv("cnv_2", 900)], "https://acme.api.frontapp.com/conversations?page_token=p2"),
        page([cnv("cnv_3", 800), cnv("cnv_4", 499), cnv("cnv_5", 700)], "https://acme.api.frontapp.com/conversations?page_token=p3"),
        page([cnv("cnv_6", 100), cnv("cnv_7", 500), cnv("cnv_8", 501, { updated_at: null })], null),
      ]);
      const progress: ProgressUpdate[] = [];
      const out = yield* runTool(listConversations, { updated_after: 500, auto_paginate: true, limit: 2 }).pipe(
        Effect.provideService(ProgressReporter, (p) => progress.push(p)),
        Effect.provide(layer({ fetch })),
      );
      assert.strictEqual(requests.length, 3, "no early stop at cnv_4");
      // Whole pages are asked for while filtering (limit 2 each time), whatever is still wanted.
      assert.deepStrictEqual(requests.map((r) => new URL(r.url).searchParams.get("limit")), ["2", "2", "2"]);
      // cnv_7 is exactly at the cut-off (not after it); cnv_8 has no updated_at, so nothing proves it older.
      assert.deepStrictEqual(out.conversations.map((c) => c.id), ["cnv_1", "cnv_2", "cnv_3", "cnv_5", "cnv_8"]);
      assert.strictEqual(out.complete, true);
      assert.strictEqual(out.stopped_by_date_filter, false);
      assert.isUndefined(out.next_page_token);
      assert.deepStrictEqual(progress.map((p) => p.progress), [1, 2, 3]);
      assert.include(progress[2]!.message, "5 item(s)");
    }),
  );

  it.effect("updated_after as ISO becomes the same cut-off", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page([cnv("cnv_1", 1767225601), cnv("cnv_2", 1767225600), cnv("cnv_3", 1767225700)], null)]);
      const out = yield* runTool(listConversations, { updated_after: "2026-01-01T00:00:00Z", auto_paginate: true }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(requests.length, 1);
      assert.deepStrictEqual(out.conversations.map((c) => c.id), ["cnv_1", "cnv_3"]);
      assert.strictEqual(out.complete, true);
    }),
  );

  it.effect("updated_after without auto_paginate reads one page and says the list goes on", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page([cnv("cnv_1", 100), cnv("cnv_2", 900)], "https://acme.api.frontapp.com/conversations?page_token=p2")]);
      const out = yield* runTool(listConversations, { updated_after: 500, limit: 2 }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(requests.length, 1);
      assert.deepStrictEqual(out.conversations.map((c) => c.id), ["cnv_2"]);
      assert.strictEqual(out.complete, false);
      assert.strictEqual(out.next_page_token, "p2");
    }),
  );

  it.effect("more matches on a page than max_results: the page is asked again up to the last one kept, so the token continues exactly", () =>
    Effect.gen(function* () {
      const full = [cnv("cnv_1", 900), cnv("cnv_2", 100), cnv("cnv_3", 800), cnv("cnv_4", 700), cnv("cnv_5", 600)];
      const { fetch, requests } = fakeFetch([
        (req) => {
          const limit = Number(new URL(req.url).searchParams.get("limit"));
          return page(full.slice(0, limit), `https://acme.api.frontapp.com/conversations?page_token=after${limit}`);
        },
      ]);
      const out = yield* runTool(listConversations, { updated_after: 500, auto_paginate: true, max_results: 2, limit: 5 }).pipe(Effect.provide(layer({ fetch })));
      assert.deepStrictEqual(requests.map((r) => new URL(r.url).searchParams.get("limit")), ["5", "3"]);
      assert.isNull(new URL(requests[1]!.url).searchParams.get("page_token"), "the same page again, from its start");
      assert.deepStrictEqual(out.conversations.map((c) => c.id), ["cnv_1", "cnv_3"]);
      assert.strictEqual(out.next_page_token, "after3", "continues right after cnv_3: cnv_4 and cnv_5 are not skipped");
      assert.strictEqual(out.complete, false);
    }),
  );

  it.effect("a server that ignores limit on the repeated page: what fits is kept, with no token and complete: false", () =>
    Effect.gen(function* () {
      const full = [cnv("cnv_1", 900), cnv("cnv_2", 800), cnv("cnv_3", 700)];
      const { fetch, requests } = fakeFetch([page(full, "https://acme.api.frontapp.com/conversations?page_token=p2")]);
      const out = yield* runTool(listConversations, { updated_after: 500, auto_paginate: true, max_results: 1, limit: 3 }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(requests.length, 2);
      assert.deepStrictEqual(out.conversations.map((c) => c.id), ["cnv_1"]);
      assert.isUndefined(out.next_page_token);
      assert.strictEqual(out.complete, false);
    }),
  );

  it.effect("endless empty pages end at max_pages, honestly incomplete, with the token to continue", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([(_req, i) => page([], `https://acme.api.frontapp.com/conversations?page_token=e${i + 1}`)]);
      const out = yield* runTool(listConversations, { updated_after: 500, auto_paginate: true, max_pages: 7 }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(requests.length, 7);
      assert.strictEqual(out.count, 0);
      assert.strictEqual(out.complete, false);
      assert.strictEqual(out.next_page_token, "e7");

      // Without a filter too, and by default: the budget is what ends it, not max_results.
      const endless = fakeFetch([(_req, i) => page([], `https://acme.api.frontapp.com/conversations?page_token=f${i + 1}`)]);
      const unfiltered = yield* runTool(listConversations, { auto_paginate: true }).pipe(Effect.provide(layer({ fetch: endless.fetch })));
      assert.strictEqual(endless.requests.length, 50);
      assert.strictEqual(unfiltered.complete, false);
    }),
  );

  it.effect("several inboxes: fetched with at most 3 in flight, merged newest first, duplicates joined", () =>
    Effect.gen(function* () {
      let inFlight = 0;
      let maxInFlight = 0;
      const data: Record<string, unknown[]> = {
        inb_a: [cnv("cnv_a1", 900), cnv("cnv_shared", 500), cnv("cnv_a2", 100)],
        inb_b: [cnv("cnv_b1", 950), cnv("cnv_b2", 400)],
        inb_c: [cnv("cnv_shared", 500), cnv("cnv_c1", 450)],
        inb_d: [cnv("cnv_d1", 50, { updated_at: null, created_at: 600 })],
        inb_e: [],
      };
      const { fetch, requests } = fakeFetch([
        async (req) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await new Promise((r) => setTimeout(r, 20));
          inFlight--;
          const inbox = new URL(req.url).pathname.split("/")[2]!;
          return page(data[inbox]!, null);
        },
      ]);
      const out = yield* runTool(listConversations, { inbox_ids: ["inb_a", "inb_b", "inb_c", "inb_d", "inb_e"] }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(requests.length, 5);
      assert.strictEqual(maxInFlight, 3);
      assert.deepStrictEqual(out.conversations.map((c) => c.id), ["cnv_b1", "cnv_a1", "cnv_d1", "cnv_shared", "cnv_c1", "cnv_b2", "cnv_a2"]);
      assert.deepStrictEqual(out.conversations.find((c) => c.id === "cnv_shared")!.inbox_ids, ["inb_a", "inb_c"]);
      assert.isUndefined(out.next_page_token);
      assert.strictEqual(out.count, 7);
      assert.strictEqual(out.complete, true);
    }),
  );

  it.effect("several inboxes with auto_paginate are bounded by max_results after the merge", () =>
    Effect.gen(function* () {
      const { fetch } = fakeFetch([
        (req) => {
          const u = new URL(req.url);
          const inbox = u.pathname.split("/")[2]!;
          const n = Number(u.searchParams.get("page_token") ?? "0");
          const limit = Number(u.searchParams.get("limit"));
          const items = Array.from({ length: limit }, (_, i) => cnv(`cnv_${inbox}_${n}_${i}`, 10_000 - n * 100 - i * (inbox === "inb_a" ? 1 : 2)));
          return page(items, `https://acme.api.frontapp.com/x?page_token=${n + 1}`);
        },
      ]);
      const progress: ProgressUpdate[] = [];
      const out = yield* runTool(listConversations, { inbox_ids: ["inb_a", "inb_b"], auto_paginate: true, max_results: 30, limit: 10 }).pipe(
        Effect.provideService(ProgressReporter, (p) => progress.push(p)),
        Effect.provide(layer({ fetch })),
      );
      // Concurrent inboxes still give one strictly growing progress count (MCP requires it).
      assert.deepStrictEqual(progress.map((p) => p.progress), [1, 2, 3, 4, 5, 6]);
      assert.isTrue(progress.every((p) => p.total === 6));
      assert.strictEqual(out.count, 30);
      const keys = out.conversations.map((c) => c.updated_at!);
      assert.deepStrictEqual(keys, [...keys].sort((a, b) => b - a));
      // Both inboxes have more pages and one token cannot continue two lists.
      assert.strictEqual(out.complete, false);
      assert.isUndefined(out.next_page_token);
    }),
  );

  it("mergeNewestFirst sorts by updated_at whatever each list's own order (inbox lists have none)", () => {
    const c = (id: string, u: number | null, created?: number) => ({ id, updated_at: u, ...(created === undefined ? {} : { created_at: created }) });
    const merged = mergeNewestFirst([[c("x1", 5), c("x2", 9), c("x3", null)], [c("y1", 7), c("y2", null, 8)]]);
    assert.deepStrictEqual(merged.map((m) => m.id), ["x2", "y2", "y1", "x1", "x3"]);
  });

  it.effect("interruption aborts the in-flight request", () =>
    Effect.gen(function* () {
      let aborted = false;
      const { fetch } = fakeFetch([
        (req) =>
          new Promise<Response>((_, reject) => {
            req.signal.addEventListener("abort", () => {
              aborted = true;
              reject(new DOMException("aborted", "AbortError"));
            });
          }),
      ]);
      yield* Effect.gen(function* () {
        const fiber = yield* Effect.forkChild(runTool(listConversations, { auto_paginate: true }));
        yield* Effect.promise(() => new Promise((r) => setTimeout(r, 20)));
        yield* Fiber.interrupt(fiber);
      }).pipe(Effect.provide(layer({ fetch })));
      assert.isTrue(aborted);
    }),
  );

  it.effect("bad input is InvalidInput and sends nothing", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page([], null)]);
      const bad: unknown[] = [
        { statuses: ["open"] },
        { statuses: ["assigned", "assigned"] },
        { statuses: ["assigned"], status_categories: ["open"] },
        { inbox_ids: ["cha_1"] },
        { inbox_ids: ["inb_a", "inb_a"] },
        { inbox_ids: Array.from({ length: 21 }, (_, i) => `inb_${i}`) },
        { inbox_ids: ["inb_a", "inb_b"], page_token: "p" },
        { limit: 101 },
        { max_results: 5 },
        { auto_paginate: true, max_results: 2001 },
        { max_pages: 3 },
        { auto_paginate: true, max_pages: 0 },
        { auto_paginate: true, max_pages: 501 },
        { updated_after: "last week" },
        { inbox_id: "inb_a" },
      ];
      for (const input of bad) {
        const error = failure(yield* Effect.exit(runTool(listConversations, input).pipe(Effect.provide(layer({ fetch })))));
        assert.strictEqual(error._tag, "InvalidInput", JSON.stringify(input));
      }
      assert.strictEqual(requests.length, 0);
    }),
  );
});
