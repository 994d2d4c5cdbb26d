import { assert, describe, it } from "@effect/vitest";
import { MAX_ATTACHMENTS_BYTES } from "@frontkit/core";
import { Effect, Exit } from "effect";
import { base64DecodedSize } from "../../src/attachments.js";
import { Front, type FrontConfig, FrontRetry, type FrontToolError, runTool, toolCatalog } from "../../src/index.js";
import { sendMessage, sendMessageProgram, sendMessageWithBytes } from "../../src/tools/send-message.js";
import { fakeFetch, frontError, json, networkError } from "../support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";
const layer = (config: Omit<FrontConfig, "token" | "baseUrl">) =>
  Front.layer({ token: "tok_test_0123456789", baseUrl: BASE, burstPerSecond: 0, retry: FrontRetry.none, ...config });

const accepted = () => json(202, { status: "accepted", message_uid: "uid_1" });
const channel = (id: string, type: string, address: string) => ({ id, type, address, name: `${type} ${address}`, _links: { self: "x" } });

const failure = <A>(exit: Exit.Exit<A, FrontToolError>): FrontToolError => {
  if (Exit.isSuccess(exit)) throw new Error("expected a failure");
  const f = exit.cause.reasons.find((r) => r._tag === "Fail");
  if (f === undefined || f._tag !== "Fail") throw new Error(String(exit.cause));
  return f.error;
};

const route = (requests: ReadonlyArray<{ method: string; url: string }>) => requests.map((r) => `${r.method} ${decodeURIComponent(new URL(r.url).pathname)}`);

describe("send-message", () => {
  it.effect("reply: POST /conversations/{id}/messages with Front's snake_case fields as JSON", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([accepted()]);
      const out = yield* runTool(sendMessage, {
        conversation_id: "cnv_1",
        body: "<p>Thanks!</p>",
        text: "Thanks!",
        cc: ["boss@example.com"],
        author_id: "tea_1",
        sender_name: "Support",
        options: { tag_ids: ["tag_1"], archive: false },
        signature_id: "sig_1",
        should_add_default_signature: false,
        quote_body: "earlier",
      }).pipe(Effect.provide(layer({ fetch })));
      assert.deepStrictEqual(route(requests), ["POST /conversations/cnv_1/messages"]);
      assert.strictEqual(requests[0]!.headers.get("content-type"), "application/json");
      assert.deepStrictEqual(JSON.parse(requests[0]!.body!), {
        body: "<p>Thanks!</p>",
        text: "Thanks!",
        cc: ["boss@example.com"],
        author_id: "tea_1",
        sender_name: "Support",
        options: { tag_ids: ["tag_1"], archive: false },
        signature_id: "sig_1",
        should_add_default_signature: false,
        quote_body: "earlier",
      });
      assert.deepStrictEqual(out, { status: "accepted", message_uid: "uid_1", kind: "reply", conversation_id: "cnv_1", attachment_count: 0 });
    }),
  );

  it.effect("new message from a channel id, and from a channel alias (encoded in the path)", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([accepted()]);
      const a = yield* runTool(sendMessage, { channel_id: "cha_1", to: ["a@example.com"], subject: "Hi", body: "Hello" }).pipe(Effect.provide(layer({ fetch })));
      const b = yield* runTool(sendMessage, { channel_id: "alt:address:support@acme.com", to: ["a@example.com"], body: "Hello" }).pipe(Effect.provide(layer({ fetch })));
      assert.deepStrictEqual(route(requests), ["POST /channels/cha_1/messages", "POST /channels/alt:address:support@acme.com/messages"]);
      assert.strictEqual(new URL(requests[1]!.url).pathname, `/channels/${encodeURIComponent("alt:address:support@acme.com")}/messages`);
      assert.deepStrictEqual(JSON.parse(requests[0]!.body!), { body: "Hello", to: ["a@example.com"], subject: "Hi" });
      assert.strictEqual(a.kind, "new");
      assert.strictEqual(a.channel_id, "cha_1");
      assert.strictEqual(b.channel_id, "alt:address:support@acme.com");
    }),
  );

  it.effect("a reply may name the channel to send from; it goes in the body", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([accepted()]);
      const out = yield* runTool(sendMessage, { conversation_id: "cnv_1", channel_id: "cha_2", body: "x" }).pipe(Effect.provide(layer({ fetch })));
      assert.deepStrictEqual(JSON.parse(requests[0]!.body!), { body: "x", channel_id: "cha_2" });
      assert.strictEqual(out.channel_id, "cha_2");
    }),
  );

  it.effect("an inbox id with exactly one channel: that channel is used and the output says so", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([
        (req) => (req.method === "GET" ? json(200, { _results: [channel("cha_9", "smtp", "help@acme.com")] }) : accepted()),
      ]);
      const out = yield* runTool(sendMessage, { channel_id: "inb_1", to: ["a@example.com"], body: "Hello" }).pipe(Effect.provide(layer({ fetch })));
      assert.deepStrictEqual(route(requests), ["GET /inboxes/inb_1/channels", "POST /channels/cha_9/messages"]);
      assert.strictEqual(out.channel_id, "cha_9");
      assert.strictEqual(out.resolved_from_inbox_id, "inb_1");
      assert.include(out.note!, "cha_9");
    }),
  );

  it.effect("an inbox id with several channels: InvalidInput naming each (id, type, address); nothing sent", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([
        json(200, { _results: [channel("cha_a", "smtp", "help@acme.com"), channel("cha_b", "twilio", "+15551234567")] }),
      ]);
      const error = failure(
        yield* Effect.exit(runTool(sendMessage, { channel_id: "inb_1", to: ["a@example.com"], body: "Hello" }).pipe(Effect.provide(layer({ fetch })))),
      );
      assert.strictEqual(error._tag, "InvalidInput");
      if (error._tag !== "InvalidInput") return;
      assert.strictEqual(error.issues[0]!.path, "channel_id");
      for (const part of ["inb_1", "2 channels", "cha_a smtp help@acme.com", "cha_b twilio +15551234567"]) assert.include(error.message, part);
      assert.deepStrictEqual(route(requests), ["GET /inboxes/inb_1/channels"]);
    }),
  );

  it.effect("an inbox with no channel is InvalidInput; nothing sent", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([json(200, { _results: [] })]);
      const error = failure(
        yield* Effect.exit(runTool(sendMessage, { conversation_id: "cnv_1", channel_id: "inb_1", body: "Hello" }).pipe(Effect.provide(layer({ fetch })))),
      );
      assert.strictEqual(error._tag, "InvalidInput");
      assert.include(error.message, "no channel");
      assert.strictEqual(requests.filter((r) => r.method === "POST").length, 0);
    }),
  );

  it.effect("attachments go as multipart with Front's indexed names, on both endpoints", () =>
    Effect.gen(function* () {
      const forms: FormData[] = [];
      const { fetch, requests } = fakeFetch([
        async (req) => {
          forms.push(await req.formData());
          return accepted();
        },
      ]);
      const attachments = [
        { filename: "hello.txt", content_type: "text/plain", data_base64: "aGVsbG8=" },
        { filename: "b.bin", content_type: "application/octet-stream", data_base64: "AAEC" },
      ];
      const out = yield* runTool(sendMessage, {
        channel_id: "cha_1",
        to: ["a@example.com", "b@example.com"],
        body: "See attached",
        options: { tag_ids: ["tag_1"], archive: true },
        attachments,
      }).pipe(Effect.provide(layer({ fetch })));
      yield* runTool(sendMessage, { conversation_id: "cnv_1", body: "Reply with file", attachments: attachments.slice(0, 1) }).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(out.attachment_count, 2);
      assert.deepStrictEqual(route(requests), ["POST /channels/cha_1/messages", "POST /conversations/cnv_1/messages"]);
      for (const r of requests) assert.match(r.headers.get("content-type") ?? "", /^multipart\/form-data; boundary=/);
      const [form, replyForm] = forms;
      assert.strictEqual(form!.get("to[0]"), "a@example.com");
      assert.strictEqual(form!.get("to[1]"), "b@example.com");
      assert.strictEqual(form!.get("body"), "See attached");
      assert.strictEqual(form!.get("options[tag_ids][0]"), "tag_1");
      assert.strictEqual(form!.get("options[archive]"), "true");
      const file = form!.get("attachments[0]") as File;
      assert.strictEqual(file.name, "hello.txt");
      assert.strictEqual(file.type, "text/plain");
      assert.strictEqual(yield* Effect.promise(() => file.text()), "hello");
      const bin = form!.get("attachments[1]") as File;
      assert.deepStrictEqual([...new Uint8Array(yield* Effect.promise(() => bin.arrayBuffer()))], [0, 1, 2]);
      assert.strictEqual((replyForm!.get("attachments[0]") as File).name, "hello.txt");
      assert.strictEqual(replyForm!.get("body"), "Reply with file");
    }),
  );

  it.effect("library users can attach bytes; the rest of the input is still decoded first", () =>
    Effect.gen(function* () {
      const forms: FormData[] = [];
      const { fetch, requests } = fakeFetch([
        async (req) => {
          forms.push(await req.formData());
          return accepted();
        },
      ]);
      const out = yield* sendMessageWithBytes({ conversation_id: "cnv_1", body: "x" }, [
        { filename: "r.bin", content_type: "application/octet-stream", data: new Uint8Array([7, 8, 9]) },
      ]).pipe(Effect.provide(layer({ fetch })));
      assert.strictEqual(out.attachment_count, 1);
      const file = forms[0]!.get("attachments[0]") as File;
      assert.deepStrictEqual([...new Uint8Array(yield* Effect.promise(() => file.arrayBuffer()))], [7, 8, 9]);
      const bad = failure(
        yield* Effect.exit(
          sendMessageWithBytes({ conversation_id: "cnv_1", body: "" }, [{ filename: "r.bin", content_type: "application/octet-stream", data: new Uint8Array(1) }]).pipe(
            Effect.provide(layer({ fetch })),
          ),
        ),
      );
      assert.strictEqual(bad._tag, "InvalidInput");
      const badBytes = failure(
        yield* Effect.exit(
          sendMessageWithBytes({ conversation_id: "cnv_1", body: "x" }, [{ filename: "", content_type: "nope", data: "abc" as unknown as Uint8Array }]).pipe(
            Effect.provide(layer({ fetch })),
          ),
        ),
      );
      assert.strictEqual(badBytes._tag, "InvalidInput");
      if (badBytes._tag === "InvalidInput") {
        assert.deepStrictEqual(badBytes.issues.map((i) => i.path).sort(), ["attachments[0].content_type", "attachments[0].data", "attachments[0].filename"]);
      }
      assert.strictEqual(requests.length, 1);
    }),
  );

  it.effect("attachments over 25 MB in total are refused before sending (base64 and bytes)", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([accepted()]);
      // Two halves that are fine alone but exceed the limit together.
      const halfBytes = MAX_ATTACHMENTS_BYTES / 2 + 3;
      const half = "A".repeat(Math.ceil(halfBytes / 3) * 4);
      const e1 = failure(
        yield* Effect.exit(
          runTool(sendMessage, {
            conversation_id: "cnv_1",
            body: "x",
            attachments: [
              { filename: "a.bin", content_type: "application/octet-stream", data_base64: half },
              { filename: "b.bin", content_type: "application/octet-stream", data_base64: half },
            ],
          }).pipe(Effect.provide(layer({ fetch }))),
        ),
      );
      assert.strictEqual(e1._tag, "InvalidInput");
      assert.include(e1.message, "25 MB");
      if (e1._tag === "InvalidInput") assert.strictEqual(e1.issues[0]!.path, "attachments");
      const e2 = failure(
        yield* Effect.exit(
          sendMessageWithBytes({ channel_id: "cha_1", to: ["a@b.c"], body: "x" }, [
            { filename: "big.bin", content_type: "application/octet-stream", data: new Uint8Array(MAX_ATTACHMENTS_BYTES + 1) },
          ]).pipe(Effect.provide(layer({ fetch }))),
        ),
      );
      assert.strictEqual(e2._tag, "InvalidInput");
      assert.include(e2.message, "25 MB");
      assert.strictEqual(requests.length, 0);
    }),
  );

  it("warns in its first sentences that a send archives the conversation unless options.archive is false", () => {
    // Agents often read only the start of a description: the warning must come before the how-to.
    const opening = sendMessage.description.split(". ").slice(0, 2).join(". ");
    assert.match(opening, /archives the conversation/);
    assert.match(opening, /options\.archive is false/);
    assert.match(opening, /acknowledgements/);
    const archive = toolCatalog.find((t) => t.name === "send-message")!.inputJsonSchema as {
      properties: { options: { properties: { archive: { description: string } } } };
    };
    assert.match(archive.properties.options.properties.archive.description, /default is true/);
    assert.match(archive.properties.options.properties.archive.description, /Pass false for acknowledgements/);
  });

  it("base64 sizes are computed from the length", () => {
    assert.strictEqual(base64DecodedSize(""), 0);
    assert.strictEqual(base64DecodedSize("aGVsbG8="), 5);
    assert.strictEqual(base64DecodedSize("aGVsbG8"), 5);
    assert.strictEqual(base64DecodedSize("AAEC"), 3);
    assert.strictEqual(base64DecodedSize("AA=="), 1);
  });

  it.live("a 5xx is not retried (no duplicate message): exactly one request, ServerError not retryable", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([frontError(503, "Service unavailable"), accepted()]);
      const error = failure(
        yield* Effect.exit(runTool(sendMessage, { conversation_id: "cnv_1", body: "x" }).pipe(Effect.provide(layer({ fetch, retry: FrontRetry.default })))),
      );
      assert.strictEqual(error._tag, "ServerError");
      assert.strictEqual(error.retryable, false);
      assert.strictEqual(requests.length, 1);
    }),
  );

  it.live("a timeout or a reset is not retried: exactly one request, Transport", () =>
    Effect.gen(function* () {
      const hang = fakeFetch([() => new Promise<Response>(() => {})]);
      const timeout = failure(
        yield* Effect.exit(
          runTool(sendMessage, { channel_id: "cha_1", to: ["a@b.c"], body: "x" }).pipe(Effect.provide(layer({ fetch: hang.fetch, timeoutMs: 50, retry: FrontRetry.default }))),
        ),
      );
      assert.strictEqual(timeout._tag, "Transport");
      if (timeout._tag === "Transport") assert.strictEqual(timeout.reason, "timeout");
      assert.strictEqual(timeout.retryable, false);
      assert.strictEqual(hang.requests.length, 1);
      const reset = fakeFetch([networkError("ECONNRESET"), accepted()]);
      const error = failure(
        yield* Effect.exit(runTool(sendMessage, { conversation_id: "cnv_1", body: "x" }).pipe(Effect.provide(layer({ fetch: reset.fetch, retry: FrontRetry.default })))),
      );
      assert.strictEqual(error._tag, "Transport");
      assert.strictEqual(reset.requests.length, 1);
    }),
  );

  it.live("a 429 is retried (Front did not process it): two requests, then the accepted answer", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([frontError(429, "Rate limit exceeded", { "retry-after": "0" }), accepted()]);
      const out = yield* runTool(sendMessage, { channel_id: "cha_1", to: ["a@b.c"], body: "x", attachments: [{ filename: "a.txt", content_type: "text/plain", data_base64: "aGk=" }] }).pipe(
        Effect.provide(layer({ fetch, retry: FrontRetry.default })),
      );
      assert.strictEqual(out.status, "accepted");
      assert.strictEqual(requests.length, 2);
      // The multipart body is rebuilt for the retry, attachment included.
      assert.include(requests[1]!.body!, 'filename="a.txt"');
    }),
  );

  it.effect("a reply to a merged conversation (301) is sent once to the surviving conversation", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([new Response(null, { status: 301, headers: { location: "https://acme.api.frontapp.com/conversations/cnv_new" } }), accepted()]);
      const out = yield* runTool(sendMessage, { conversation_id: "cnv_old", body: "x" }).pipe(Effect.provide(layer({ fetch })));
      assert.deepStrictEqual(route(requests), ["POST /conversations/cnv_old/messages", "POST /conversations/cnv_new/messages"]);
      assert.strictEqual(out.conversation_id, "cnv_new");
      assert.strictEqual(out.merged_into, "cnv_new");
      assert.strictEqual(out.requested_conversation_id, "cnv_old");
    }),
  );

  it.effect("Front's 4xx answers are typed (404 NotFound, 400 Validation with details)", () =>
    Effect.gen(function* () {
      const nf = fakeFetch([frontError(404, "Channel not found")]);
      const e1 = failure(yield* Effect.exit(runTool(sendMessage, { channel_id: "cha_x", to: ["a@b.c"], body: "x" }).pipe(Effect.provide(layer({ fetch: nf.fetch })))));
      assert.strictEqual(e1._tag, "NotFound");
      const bad = fakeFetch([frontError(400, "Bad request", {}, ["to is invalid"])]);
      const e2 = failure(yield* Effect.exit(runTool(sendMessage, { channel_id: "cha_x", to: ["nope"], body: "x" }).pipe(Effect.provide(layer({ fetch: bad.fetch })))));
      assert.strictEqual(e2._tag, "Validation");
      assert.deepStrictEqual(e2.details, ["to is invalid"]);
    }),
  );

  it.effect("the program called directly (no decoding) still refuses a message with no target; nothing sent", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([accepted()]);
      const error = failure(yield* Effect.exit(sendMessageProgram({ body: "x", to: ["a@b.c"] }).pipe(Effect.provide(layer({ fetch })))));
      assert.strictEqual(error._tag, "InvalidInput");
      assert.strictEqual(requests.length, 0);
    }),
  );

  it.effect("invalid input sends nothing", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([accepted()]);
      const cases: Array<[unknown, string]> = [
        [{ body: "x" }, "conversation_id"],
        [{ channel_id: "cha_1", body: "x" }, "to"],
        [{ channel_id: "cha_1", to: [], body: "x" }, "to"],
        [{ channel_id: "cha_1", to: ["a@b.c"], body: "x", quote_body: "q" }, "quote_body"],
        [{ conversation_id: "cnv_1" }, "body"],
        [{ conversation_id: "cnv_1", body: "" }, "body"],
        [{ conversation_id: "inb_1", body: "x" }, "conversation_id"],
        [{ channel_id: "tea_1", to: ["a@b.c"], body: "x" }, "channel_id"],
        [{ conversation_id: "cnv_1", body: "x", attachments: [{ filename: "a", content_type: "text/plain", data_base64: "not base64!" }] }, "attachments[0].data_base64"],
        [{ conversation_id: "cnv_1", body: "x", attachments: [{ filename: "a", content_type: "text/plain", data_base64: "AAAAA" }] }, "attachments[0].data_base64"],
        [{ conversation_id: "cnv_1", body: "x", attachments: [{ filename: "a\r\nX-Evil: 1", content_type: "text/plain", data_base64: "AA==" }] }, "attachments[0].filename"],
        [{ conversation_id: "cnv_1", body: "x", attachments: [{ filename: "a", content_type: "plain", data_base64: "AA==" }] }, "attachments[0].content_type"],
        [{ conversation_id: "cnv_1", body: "x", attachments: [{ filename: "a", content_type: "text/plain", data: "AA==" }] }, "attachments[0].data"],
        [{ conversation_id: "cnv_1", body: "x", options: { tag_ids: ["Urgent"] } }, "options.tag_ids[0]"],
        [{ conversation_id: "cnv_1", body: "x", cc: "a@b.c" }, "cc"],
        [{ conversation_id: "cnv_1", body: "x", channelId: "cha_1" }, "channelId"],
      ];
      for (const [input, path] of cases) {
        const error = failure(yield* Effect.exit(runTool(sendMessage, input).pipe(Effect.provide(layer({ fetch })))));
        assert.strictEqual(error._tag, "InvalidInput", JSON.stringify(input));
        if (error._tag === "InvalidInput") assert.include(error.issues.map((i) => i.path), path, JSON.stringify(input));
      }
      assert.strictEqual(requests.length, 0);
    }),
  );
});
