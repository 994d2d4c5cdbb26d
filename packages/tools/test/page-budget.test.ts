/** Issue 16: the "all pages" tools stop at their page budget with a typed error, never a silently short list. */
import { assert, describe, it } from "@effect/vitest";
import { Effect, Exit } from "effect";
import { Front, type FrontToolError, listInboxes, listTags, listTeammates, runTool } from "../src/index.js";
import { DEFAULT_MAX_PAGES } from "../src/pagination.js";

const BASE = "http://127.0.0.1:9";

/** A server answering endless pages, each with a fresh page token (empty pages unless `items` says otherwise). */
const endless = (items: (n: number) => unknown[] = () => []) => {
  let sent = 0;
  const fetch = async (_req: Request) => {
    sent++;
    return new Response(JSON.stringify({ _results: items(sent), _pagination: { next: `https://acme.api.frontapp.com/x?page_token=p${sent}` } }), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch, sent: () => sent };
};

const layer = (fetch: (req: Request) => Promise<Response>) =>
  Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, burstPerSecond: 0, fetch });

const failure = <A>(exit: Exit.Exit<A, FrontToolError>): FrontToolError => {
  if (Exit.isSuccess(exit)) throw new Error("expected a failure, got a result");
  const f = exit.cause.reasons.find((r) => r._tag === "Fail");
  if (f === undefined || f._tag !== "Fail") throw new Error(String(exit.cause));
  return f.error;
};

describe("page budget of the all-pages tools", () => {
  const tools = {
    "list-tags": () => Effect.asVoid(runTool(listTags, {})),
    "list-inboxes": () => Effect.asVoid(runTool(listInboxes, {})),
    "list-teammates": () => Effect.asVoid(runTool(listTeammates, {})),
  };
  for (const [name, run] of Object.entries(tools)) {
    it.effect(`${name}: endless empty pages end at ${DEFAULT_MAX_PAGES} requests with a typed error naming the budget`, () =>
      Effect.gen(function* () {
        const server = endless();
        const error = failure(yield* Effect.exit(run().pipe(Effect.provide(layer(server.fetch)))));
        assert.strictEqual(server.sent(), DEFAULT_MAX_PAGES);
        assert.strictEqual(error._tag, "UnexpectedResponse");
        assert.strictEqual(error.retryable, false);
        assert.match(error.message, new RegExp(`page budget of ${DEFAULT_MAX_PAGES} pages`));
        assert.match(error.message, /empty pages/);
        assert.match(error.message, /maxPages/);
      }),
    );
  }

  it.effect("list-tags: a list cut by the budget is not cached as complete (the next call asks again)", () =>
    Effect.gen(function* () {
      const server = endless((n) => [{ id: `tag_${n}`, name: `Tag ${n}`, highlight: null, is_private: false }]);
      const twice = Effect.gen(function* () {
        const first = yield* Effect.exit(runTool(listTags, {}));
        const second = yield* Effect.exit(runTool(listTags, {}));
        return [first, second] as const;
      });
      const [first, second] = yield* twice.pipe(Effect.provide(layer(server.fetch)));
      assert.match(failure(first).message, /100 items read/);
      assert.strictEqual(failure(second)._tag, "UnexpectedResponse");
      assert.strictEqual(server.sent(), 2 * DEFAULT_MAX_PAGES);
    }),
  );
});

describe("maxListPages raises or lowers the page budget of whole-list reads", () => {
  it.effect("list-tags with maxListPages: 7 sends exactly 7 requests and the error names maxListPages", () =>
    Effect.gen(function* () {
      const server = endless();
      const error = failure(
        yield* Effect.exit(
          runTool(listTags, {}).pipe(Effect.provide(Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, burstPerSecond: 0, fetch: server.fetch, maxListPages: 7 }))),
        ),
      );
      assert.strictEqual(server.sent(), 7);
      assert.strictEqual(error._tag, "UnexpectedResponse");
      assert.match(error.message, /page budget of 7 pages/);
      assert.match(error.message, /maxListPages/);
    }),
  );

  it.effect("list-inboxes with a larger maxListPages reads a list longer than the default to its end", () =>
    Effect.gen(function* () {
      const pages = DEFAULT_MAX_PAGES + 20;
      let sent = 0;
      const fetch = async (_req: Request) => {
        sent++;
        const next = sent < pages ? `https://acme.api.frontapp.com/inboxes?page_token=p${sent}` : null;
        return new Response(JSON.stringify({ _results: [{ id: `inb_${sent}`, name: `Inbox ${sent}` }], _pagination: { next } }), {
          status: 200,
          headers: { "content-type": "application/json" },
        });
      };
      const out = yield* runTool(listInboxes, {}).pipe(
        Effect.provide(Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, burstPerSecond: 0, fetch, maxListPages: pages })),
      );
      assert.strictEqual(sent, pages);
      assert.strictEqual((out as { inboxes: ReadonlyArray<unknown> }).inboxes.length, pages);
    }),
  );

  it.effect("a maxListPages that is not a positive whole number is InvalidInput before any request", () =>
    Effect.gen(function* () {
      const server = endless();
      const error = failure(
        yield* Effect.exit(
          runTool(listTags, {}).pipe(Effect.provide(Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, burstPerSecond: 0, fetch: server.fetch, maxListPages: 0.5 }))),
        ),
      );
      assert.strictEqual(server.sent(), 0);
      assert.strictEqual(error._tag, "InvalidInput");
      assert.match(error.message + JSON.stringify(error), /maxListPages/);
    }),
  );
});
