import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { assert, describe, it } from "@effect/vitest";
import { Effect, Exit } from "effect";
import { Front, type FrontConfig, type FrontToolError, runTool } from "../../src/index.js";
import { mergedIdFromLocation } from "../../src/merges.js";
import { getConversation } from "../../src/tools/get-conversation.js";
import { fakeFetch, frontError, json } from "../support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";
const layer = (config: Omit<FrontConfig, "token" | "baseUrl">) => Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, burstPerSecond: 0, ...config });
const page = (results: unknown[], next: string | null) => json(200, { _results: results, _pagination: { next } });
const cnv = (id: string) => ({ id, subject: "Hello", status: "assigned", tags: [], created_at: 1, updated_at: 2, waiting_since: 2, _links: { self: "x" } });
const msg = (n: number) => ({
  id: `msg_${n}`,
  type: "email",
  is_inbound: true,
  created_at: 1000 - n,
  blurb: `b${n}`,
  author: null,
  recipients: [{ handle: "a@x.io", role: "from" }],
  body: "<p>hi</p>",
  text: "hi",
  attachments: [],
  _links: { self: "x" },
});
const moved = (location: string) => new Response(null, { status: 301, headers: { location } });

const failure = <A>(exit: Exit.Exit<A, FrontToolError>): FrontToolError => {
  if (Exit.isSuccess(exit)) throw new Error("expected a failure");
  const f = exit.cause.reasons.find((r) => r._tag === "Fail");
  if (f === undefined || f._tag !== "Fail") throw new Error(String(exit.cause));
  return f.error;
};

const route = (routes: Record<string, () => Response>) => (req: Request) => {
  const u = new URL(req.url);
  const key = `${u.pathname}${u.searchParams.has("page_token") ? `?${u.searchParams.get("page_token")}` : ""}`;
  const answer = routes[key];
  return answer === undefined ? frontError(404, `no route ${key}`) : answer();
};

describe("get-conversation", () => {
  it.effect("returns the conversation and its newest messages (one page when enough)", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([
        route({
          "/conversations/cnv_1": () => json(200, cnv("cnv_1")),
          "/conversations/cnv_1/messages": () => page([msg(1), msg(2)], null),
        }),
      ]);
      const out = yield* runTool(getConversation, { conversation_id: "cnv_1" }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(out.conversation.id, "cnv_1");
      assert.strictEqual(out.requested_id, "cnv_1");
      assert.notProperty(out, "merged_into");
      assert.deepStrictEqual(out.messages!.map((m) => m.id), ["msg_1", "msg_2"]);
      assert.strictEqual(out.message_count, 2);
      assert.strictEqual(out.more_messages, false);
      assert.strictEqual(new URL(requests[1]!.url).searchParams.get("limit"), "25");
      assert.notProperty(out.messages![0]!, "_links");
    }),
  );

  it.effect("include_messages: false asks only for the conversation", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([json(200, cnv("cnv_1"))]);
      const out = yield* runTool(getConversation, { conversation_id: "cnv_1", include_messages: false }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(requests.length, 1);
      assert.notProperty(out, "messages");
    }),
  );

  it.effect("messages are bounded by max_messages across pages and report that more exist", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([
        (req) => {
          const u = new URL(req.url);
          if (!u.pathname.endsWith("/messages")) return json(200, cnv("cnv_1"));
          const n = Number(u.searchParams.get("page_token") ?? "0");
          const limit = Number(u.searchParams.get("limit"));
          return page(Array.from({ length: limit }, (_, i) => msg(n * 100 + i)), `https://acme.api.frontapp.com/m?page_token=${n + 1}`);
        },
      ]);
      const out = yield* runTool(getConversation, { conversation_id: "cnv_1", max_messages: 130 }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(out.message_count, 130);
      assert.strictEqual(out.more_messages, true);
      assert.deepStrictEqual(requests.slice(1).map((r) => new URL(r.url).searchParams.get("limit")), ["100", "30"]);
      for (const r of requests) assert.strictEqual(new URL(r.url).origin, BASE);
    }),
  );

  it.effect("follows a merge redirect by the Location's last path segment, on the configured base URL only", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([
        route({
          "/conversations/cnv_old": () => moved("https://evil.example.com/conversations/cnv_new"),
          "/conversations/cnv_new": () => json(200, cnv("cnv_new")),
          "/conversations/cnv_new/messages": () => page([msg(1)], null),
        }),
      ]);
      const out = yield* runTool(getConversation, { conversation_id: "cnv_old" }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(out.conversation.id, "cnv_new");
      assert.strictEqual(out.requested_id, "cnv_old");
      assert.strictEqual(out.merged_into, "cnv_new");
      assert.deepStrictEqual(requests.map((r) => new URL(r.url).pathname), ["/conversations/cnv_old", "/conversations/cnv_new", "/conversations/cnv_new/messages"]);
      for (const r of requests) assert.strictEqual(new URL(r.url).origin, BASE);
    }),
  );

  it.effect("follows two merges, refuses a third", () =>
    Effect.gen(function* () {
      const two = fakeFetch([
        route({
          "/conversations/cnv_a": () => moved("/conversations/cnv_b"),
          "/conversations/cnv_b": () => moved("https://acme.api.frontapp.com/conversations/cnv_c"),
          "/conversations/cnv_c": () => json(200, cnv("cnv_c")),
        }),
      ]);
      const out = yield* runTool(getConversation, { conversation_id: "cnv_a", include_messages: false }).pipe(Effect.provide(layer({ fetch: two.fetch })));
      assert.strictEqual(out.merged_into, "cnv_c");
      assert.strictEqual(two.requests.length, 3);

      const three = fakeFetch([
        route({
          "/conversations/cnv_a": () => moved("/conversations/cnv_b"),
          "/conversations/cnv_b": () => moved("/conversations/cnv_c"),
          "/conversations/cnv_c": () => moved("/conversations/cnv_d"),
          "/conversations/cnv_d": () => json(200, cnv("cnv_d")),
        }),
      ]);
      const error = failure(yield* Effect.exit(runTool(getConversation, { conversation_id: "cnv_a" }).pipe(Effect.provide(layer({ fetch: three.fetch })))));
      assert.strictEqual(error._tag, "UnexpectedResponse");
      assert.strictEqual(three.requests.length, 3, "cnv_d is never asked for");
    }),
  );

  it.effect("a redirect without a usable conversation id fails clearly and is not followed", () =>
    Effect.gen(function* () {
      for (const location of ["https://evil.example.com/steal?x=1", "", "/conversations/../../etc"]) {
        const { fetch, requests } = fakeFetch([moved(location)]);
        const error = failure(yield* Effect.exit(runTool(getConversation, { conversation_id: "cnv_a" }).pipe(Effect.provide(layer({ fetch })))));
        assert.strictEqual(error._tag, "UnexpectedResponse");
        assert.strictEqual(requests.length, 1);
        assert.notInclude(error.message, "tok_test_0123456789");
      }
    }),
  );

  it("mergedIdFromLocation takes only the last path segment", () => {
    assert.strictEqual(mergedIdFromLocation("https://x.api.frontapp.com/conversations/cnv_9z?foo=1"), "cnv_9z");
    assert.strictEqual(mergedIdFromLocation("/conversations/cnv_9z/"), "cnv_9z");
    assert.isUndefined(mergedIdFromLocation("https://x.api.frontapp.com/conversations/msg_1"));
    assert.isUndefined(mergedIdFromLocation(null));
    assert.isUndefined(mergedIdFromLocation("/conversations/cnv_%2F..%2Fx"));
  });

  it.effect("an unknown conversation is NotFound", () =>
    Effect.gen(function* () {
      const { fetch } = fakeFetch([frontError(404, "Conversation not found")]);
      const error = failure(yield* Effect.exit(runTool(getConversation, { conversation_id: "cnv_zz" }).pipe(Effect.provide(layer({ fetch })))));
      assert.strictEqual(error._tag, "NotFound");
    }),
  );

  it.effect("bad input is InvalidInput and sends nothing", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([json(200, cnv("cnv_1"))]);
      const bad: unknown[] = [
        {},
        { conversation_id: "" },
        { conversation_id: "inb_1" },
        { conversation_id: "cnv_1/../tags" },
        { conversation_id: "cnv_1", max_messages: 0 },
        { conversation_id: "cnv_1", max_messages: 501 },
        { conversation_id: "cnv_1", include_messages: false, max_messages: 5 },
        { conversation_id: "cnv_1", include_messages: "yes" },
      ];
      for (const input of bad) {
        const error = failure(yield* Effect.exit(runTool(getConversation, input).pipe(Effect.provide(layer({ fetch })))));
        assert.strictEqual(error._tag, "InvalidInput", JSON.stringify(input));
      }
      assert.strictEqual(requests.length, 0);
    }),
  );
});

const listen = (handler: (req: IncomingMessage) => { status: number; headers?: Record<string, string>; body?: unknown }) =>
  new Promise<{ server: Server; url: string; seen: Array<{ url: string; auth: string | undefined }> }>((resolve) => {
    const seen: Array<{ url: string; auth: string | undefined }> = [];
    const server = createServer((req, res) => {
      seen.push({ url: req.url ?? "", auth: req.headers.authorization });
      const a = handler(req);
      res.writeHead(a.status, { "content-type": "application/json", ...a.headers });
      res.end(a.body === undefined ? "" : JSON.stringify(a.body));
    });
    server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }));
  });
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe("get-conversation over real HTTP (core's own fetch)", () => {
  it.effect("a 301 to another host is not followed by fetch: the token never reaches it", () =>
    Effect.acquireUseRelease(
      Effect.promise(async () => {
        const other = await listen(() => ({ status: 200, body: cnv("cnv_wrong") }));
        const front = await listen((req) =>
          req.url === "/conversations/cnv_old"
            ? { status: 301, headers: { location: `${other.url}/conversations/cnv_new` } }
            : req.url === "/conversations/cnv_new"
              ? { status: 200, body: cnv("cnv_new") }
              : { status: 404, body: { _error: { status: 404, title: "Not found", message: "nope" } } },
        );
        return { other, front };
      }),
      ({ other, front }) =>
        Effect.gen(function* () {
          const out = yield* runTool(getConversation, { conversation_id: "cnv_old", include_messages: false }).pipe(
            Effect.provide(Front.layer({ token: "tok_real_0123456789", baseUrl: front.url, burstPerSecond: 0 })),
          );
          assert.strictEqual(out.conversation.id, "cnv_new");
          assert.strictEqual(out.merged_into, "cnv_new");
          assert.strictEqual(other.seen.length, 0, "the Location host was never contacted");
          assert.deepStrictEqual(front.seen.map((s) => s.url), ["/conversations/cnv_old", "/conversations/cnv_new"]);
          assert.strictEqual(front.seen[1]!.auth, "Bearer tok_real_0123456789");
        }),
      ({ other, front }) => Effect.promise(() => Promise.all([close(other.server), close(front.server)])),
    ),
  );
});
