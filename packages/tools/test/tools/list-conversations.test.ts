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
  it.effect("company-wide: one page, q[statuses] Front's way, next_page_token on our base URL", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page([cnv("cnv_1", 300), cnv("cnv_2", 200)], "https://acme.api.frontapp.com/conversations?page_token=p2")]);
      const out = yield* runTool(listConversations, { statuses: ["assigned", "archived"], limit: 2 }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(requests.length, 1);
      const url = new URL(requests[0]!.url);
      assert.strictEqual(url.origin + url.pathname, `${BASE}/conversations`);
      assert.strictEqual(url.searchParams.get("q[statuses][0]"), "assigned");
      assert.strictEqual(url.searchParams.get("q[statuses][1]"), "archived");
      assert.strictEqual(url.searchParams.get("limit"), "2");
      assert.deepStrictEqual(out.conversations.map((c) => c.id), ["cnv_1", "cnv_2"]);
      assert.strictEqual(out.next_page_token, "p2");
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
      assert.strictEqual(url.searchParams.get("q[status_categories][0]"), "open");
      assert.strictEqual(url.searchParams.get("page_token"), "tok9");
      assert.deepStrictEqual(out.conversations[0]!.inbox_ids, ["inb_a"]);
    }),
  );

  it.effect("updated_after stops paging at the first older conversation (no further requests)", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([
        page([cnv("cnv_1", 1000), cnv("cnv_2", 900)], "https://acme.api.frontapp.com/conversations?page_token=p2"),
        page([cnv("cnv_3", 800), cnv("cnv_4", 499), cnv("cnv_5", 700)], "https://acme.api.frontapp.com/conversations?page_token=p3"),
        page([cnv("cnv_6", 100)], null),
      ]);
      const progress: ProgressUpdate[] = [];
      const out = yield* runTool(listConversations, { updated_after: 500, auto_paginate: true, limit: 2 }).pipe(
        Effect.provideService(ProgressReporter, (p) => progress.push(p)),
        Effect.provide(layer({ fetch })),
      );
      assert.strictEqual(requests.length, 2, "the third page is never fetched");
      assert.deepStrictEqual(out.conversations.map((c) => c.id), ["cnv_1", "cnv_2", "cnv_3"]);
      assert.strictEqual(out.stopped_by_date_filter, true);
      assert.isUndefined(out.next_page_token);
      assert.deepStrictEqual(progress.map((p) => p.progress), [1, 2]);
      assert.include(progress[1]!.message, "3 item(s)");
    }),
  );

  it.effect("updated_after as ISO becomes the same cut-off", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([page([cnv("cnv_1", 1767225601), cnv("cnv_2", 1767225600)], "https://acme.api.frontapp.com/x?page_token=p2")]);
      const out = yield* runTool(listConversations, { updated_after: "2026-01-01T00:00:00Z", auto_paginate: true }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(requests.length, 1);
      assert.deepStrictEqual(out.conversations.map((c) => c.id), ["cnv_1"]);
      assert.strictEqual(out.stopped_by_date_filter, true);
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
    }),
  );

  it("mergeNewestFirst keeps each list's own order when it is not sorted (bump settings)", () => {
    const c = (id: string, u: number) => ({ id, updated_at: u });
    const merged = mergeNewestFirst([[c("x1", 5), c("x2", 9)], [c("y1", 7)]]);
    assert.deepStrictEqual(merged.map((m) => m.id), ["y1", "x1", "x2"]);
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
