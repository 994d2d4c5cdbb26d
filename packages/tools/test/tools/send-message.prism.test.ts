/**
 * Contract tests of send-message, add-tag and raw-api-request against Prism
 * serving the corrected spec (through a pass-through fault proxy, to see what
 * was sent). Prism validates every request: a 422 would mean a wrong request,
 * and the tools turn it into a Validation error, so success here means Prism
 * accepted the request.
 */
import { connectionReset, rateLimited, serverError, timeout } from "@frontkit/testkit";
import { describe, expect, it } from "vitest";
import { createFrontTools, FrontRetry } from "../../src/index.js";
import { usePrismClient } from "../support/prism-client.js";

// Through a pass-through proxy in front of the run's Prism, so each test can see exactly what was sent.
const prism = usePrismClient();

const hello = Buffer.from("hello from frontkit").toString("base64");
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString("base64");

const allSentWithToken = () => {
  expect(prism.proxy.requests.length).toBeGreaterThan(0);
  for (const r of prism.proxy.requests) expect(r.headers["authorization"]).toBe("Bearer tok_contract_0123456789");
};

describe("send-message against Prism", () => {
  it("new message as JSON from a channel id: 202 accepted", async () => {
    const out = await prism.tools.sendMessage({
      channel_id: "cha_123",
      to: ["dwight@limitlesspaper.com"],
      cc: ["jim@dundermifflin.com"],
      subject: "Beets",
      body: "<p>Hello</p>",
      text: "Hello",
      sender_name: "Michael",
      options: { tag_ids: ["tag_1"], archive: false },
    });
    expect(out).toMatchObject({ status: "accepted", kind: "new", channel_id: "cha_123", attachment_count: 0 });
    expect(prism.proxy.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /channels/cha_123/messages"]);
    allSentWithToken();
  });

  it("new message with attachments as multipart: 202, indexed names on the wire", async () => {
    const out = await prism.tools.sendMessage({
      channel_id: "cha_123",
      to: ["dwight@limitlesspaper.com", "jim@dundermifflin.com"],
      body: "Files attached",
      options: { tag_ids: ["tag_1", "tag_2"], archive: true },
      attachments: [
        { filename: "hello.txt", content_type: "text/plain", data_base64: hello },
        { filename: "pixel.png", content_type: "image/png", data_base64: png },
      ],
    });
    expect(out).toMatchObject({ status: "accepted", kind: "new", attachment_count: 2 });
    const sent = prism.proxy.requests[0]!;
    expect(sent.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    for (const name of ["to[0]", "to[1]", "options[tag_ids][1]", "options[archive]", "attachments[0]", "attachments[1]"]) {
      expect(sent.bodyText).toContain(`name="${name}"`);
    }
    expect(sent.bodyText).toContain('filename="hello.txt"');
    expect(sent.bodyText).toContain("hello from frontkit");
    allSentWithToken();
  });

  it("reply as JSON and as multipart: 202 on the conversation endpoint", async () => {
    const json = await prism.tools.sendMessage({ conversation_id: "cnv_123", body: "Thanks", author_id: "tea_1", channel_id: "cha_123" });
    expect(json).toMatchObject({ status: "accepted", kind: "reply", conversation_id: "cnv_123", channel_id: "cha_123" });
    const multipart = await prism.tools.sendMessage({
      conversation_id: "cnv_123",
      body: "See attached",
      cc: ["jim@dundermifflin.com"],
      attachments: [{ filename: "hello.txt", content_type: "text/plain", data_base64: hello }],
    });
    expect(multipart).toMatchObject({ status: "accepted", kind: "reply", attachment_count: 1 });
    expect(prism.proxy.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /conversations/cnv_123/messages", "POST /conversations/cnv_123/messages"]);
    expect(prism.proxy.requests[1]!.headers["content-type"]).toMatch(/^multipart\/form-data/);
    allSentWithToken();
  });

  it("an inbox id is resolved through GET /inboxes/{id}/channels (Prism's one example channel)", async () => {
    const out = await prism.tools.sendMessage({ channel_id: "inb_123", to: ["dwight@limitlesspaper.com"], body: "Hi" });
    expect(out.resolved_from_inbox_id).toBe("inb_123");
    expect(out.channel_id).toMatch(/^cha_/);
    expect(prism.proxy.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /inboxes/inb_123/channels", `POST /channels/${out.channel_id}/messages`]);
    allSentWithToken();
  });
});

describe("add-tag against Prism", () => {
  it("by id: POST /conversations/{id}/tags answered 204", async () => {
    const out = await prism.tools.addTag({ conversation_id: "cnv_123", tag_ids: ["tag_1"] });
    expect(out).toEqual({ conversation_id: "cnv_123", requested_id: "cnv_123", tag_ids: ["tag_1"], tags: [{ id: "tag_1" }] });
    expect(prism.proxy.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /conversations/cnv_123/tags"]);
    expect(JSON.parse(prism.proxy.requests[0]!.bodyText)).toEqual({ tag_ids: ["tag_1"] });
    allSentWithToken();
  });

  it("by name: resolved through the spec's tag list, case-insensitively", async () => {
    const { tags } = await prism.tools.listTags({ refresh: true });
    const target = tags[0]!;
    prism.proxy.reset();
    const out = await prism.tools.addTag({ conversation_id: "cnv_123", tag_names: [target.name.toUpperCase()] });
    expect(out.tags).toEqual([{ id: target.id, name: target.name }]);
    expect(prism.proxy.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /conversations/cnv_123/tags"]);
    allSentWithToken();
  });

  it("an unknown name is NotFound with near matches; nothing is posted", async () => {
    const { tags } = await prism.tools.listTags({});
    prism.proxy.reset();
    const misspelt = `${tags[0]!.name.slice(0, -1)}x`;
    await expect(prism.tools.addTag({ conversation_id: "cnv_123", tag_names: [misspelt] })).rejects.toMatchObject({
      _tag: "NotFound",
      suggestions: expect.arrayContaining([tags[0]!.name]),
    });
    expect(prism.proxy.requests.filter((r) => r.method === "POST")).toHaveLength(0);
  });
});

describe("raw-api-request against Prism", () => {
  it("GET with query, POST with body, DELETE with body: 2xx with rate_limit", async () => {
    const me = await prism.tools.rawApiRequest({ method: "GET", path: "/contacts/crd_123" });
    expect(me.status).toBe(200);
    expect((me.body as { id: string }).id).toMatch(/^crd_/);
    expect(me.template).toBe("/contacts/{contact_id}");
    // Prism answers the spec's x-ratelimit-* headers with their examples.
    expect(me.rate_limit.limit).toBeTypeOf("number");
    expect(me.rate_limit.remaining).toBeTypeOf("number");
    const list = await prism.tools.rawApiRequest({ method: "GET", path: "/conversations", query: { limit: 5, q: { statuses: ["assigned"] } } });
    expect(list.status).toBe(200);
    const comment = await prism.tools.rawApiRequest({ method: "POST", path: "/conversations/cnv_123/comments", body: { body: "Note from frontkit" } });
    expect(comment.status).toBeGreaterThanOrEqual(200);
    expect(comment.status).toBeLessThan(300);
    const untag = await prism.tools.rawApiRequest({ method: "DELETE", path: "/conversations/cnv_123/tags", body: { tag_ids: ["tag_1"] } });
    expect(untag.status).toBe(204);
    expect(untag.body).toBeNull();
    expect(prism.proxy.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /contacts/crd_123",
      "GET /conversations",
      "POST /conversations/cnv_123/comments",
      "DELETE /conversations/cnv_123/tags",
    ]);
    expect(prism.proxy.requests[1]!.query.getAll("q[statuses][]")).toEqual(["assigned"]);
    allSentWithToken();
  });

  it("Prism does validate: a new message without `to` is answered 422 and surfaces as Validation", async () => {
    await expect(prism.tools.rawApiRequest({ method: "POST", path: "/channels/cha_123/messages", body: { body: "no recipients" } })).rejects.toMatchObject({
      _tag: "Validation",
      status: 422,
    });
    expect(prism.proxy.requests).toHaveLength(1);
  });

  it("a refused path is InvalidInput and sends nothing", async () => {
    await expect(prism.tools.rawApiRequest({ method: "GET", path: "//evil.example/contacts" })).rejects.toMatchObject({ _tag: "InvalidInput" });
    await expect(prism.tools.rawApiRequest({ method: "GET", path: "/contacts/%2e%2e/teammates" })).rejects.toMatchObject({ _tag: "InvalidInput" });
    expect(prism.proxy.requests).toHaveLength(0);
  });
});

describe("send-message through the fault proxy (no duplicate messages)", () => {
  const rejection = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e as Record<string, unknown>;
    }
    throw new Error("expected a rejection");
  };
  const message = { channel_id: "cha_123", to: ["dwight@limitlesspaper.com"], body: "Once only" };

  it("a 5xx, a reset or a timeout after sending: exactly one POST, typed, not retryable", async () => {
    // The default schedule would retry a GET 5 times; the POST must still go once.
    const ft = createFrontTools({ token: "tok_contract_0123456789", baseUrl: prism.proxy.url, burstPerSecond: 0, timeoutMs: 300, retry: FrontRetry.make({ baseDelay: 10 }) });
    try {
      for (const [fault, tag] of [[serverError(500), "ServerError"], [serverError(503), "ServerError"], [connectionReset(), "Transport"], [timeout(), "Transport"]] as const) {
        prism.proxy.reset();
        prism.proxy.enqueue(fault);
        const e = await rejection(ft.sendMessage({ ...message, attachments: [{ filename: "a.txt", content_type: "text/plain", data_base64: hello }] }));
        expect(e._tag).toBe(tag);
        expect(e.retryable).toBe(false);
        expect(prism.proxy.requests.filter((r) => r.method === "POST")).toHaveLength(1);
      }
    } finally {
      await ft.dispose();
    }
  });

  it("a 429 is waited out and sent again: two POSTs, the second accepted by Prism", async () => {
    prism.proxy.enqueue(rateLimited({ retryAfter: "1" }));
    const started = Date.now();
    const out = await prism.tools.invokeDetailed("send-message", { ...message, attachments: [{ filename: "a.txt", content_type: "text/plain", data_base64: hello }] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(out.meta.attempts).toBe(2);
    expect((out.data as { status: string }).status).toBe("accepted");
    expect(prism.proxy.requests.map((r) => r.fault)).toEqual(["rateLimited", "passThrough"]);
    expect(prism.proxy.requests[1]!.bodyText).toContain("hello from frontkit");
  });
});
