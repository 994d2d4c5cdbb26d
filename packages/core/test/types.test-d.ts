import { describe, expectTypeOf, it } from "vitest";
import {
  createFrontClient,
  paginate,
  paginateItems,
  request,
  sendNewMessage,
  sendReply,
  type Contact,
  type Conversation,
  type FrontClient,
  type Inbox,
  type Message,
  type Tag,
  type Teammate,
  type Channel,
  type PaginatedPath,
  type RateLimitInfo,
  FrontApiError,
} from "../src/index.js";

declare const client: FrontClient;

// openapi-fetch passes bodies through Readable<>, which keeps the shape but not the identity of a type:
// these checks use assignability both ways (and not-any) instead of identity.

describe("client calls", () => {
  it("types results from the spec", async () => {
    const { data, error } = await client.GET("/conversations/{conversation_id}", {
      params: { path: { conversation_id: "cnv_1" } },
    });
    expectTypeOf(data).not.toBeAny();
    expectTypeOf(data).toExtend<Conversation | undefined>();
    expectTypeOf<Conversation | undefined>().toExtend<typeof data>();
    if (error) expectTypeOf(error._error.status).toEqualTypeOf<number>();
    const contact = await client.GET("/contacts/{contact_id}", { params: { path: { contact_id: "alt:email:a@b.c" } } });
    expectTypeOf(contact.data).not.toBeAny();
    expectTypeOf(contact.data).toExtend<Contact | undefined>();
    expectTypeOf<Contact | undefined>().toExtend<typeof contact.data>();
    const tags = await client.GET("/tags");
    expectTypeOf(tags.data?._results).toEqualTypeOf<Tag[] | undefined>();
  });

  it("types q as Front's deep object", () => {
    void client.GET("/conversations", { params: { query: { q: { statuses: ["assigned"] }, limit: 10 } } });
    // @ts-expect-error — statuses is a list of known statuses, not a number
    void client.GET("/conversations", { params: { query: { q: { statuses: 3 } } } });
    // @ts-expect-error — limit is a number
    void client.GET("/conversations", { params: { query: { limit: "10" } } });
  });

  it("refuses wrong paths, methods, params and bodies", () => {
    // @ts-expect-error — no such path
    void client.GET("/conversationz");
    // @ts-expect-error — /tags/{tag_id} has no POST
    void client.POST("/tags/{tag_id}", { params: { path: { tag_id: "tag_1" } } });
    // @ts-expect-error — missing path parameter
    void client.GET("/contacts/{contact_id}", {});
    // @ts-expect-error — missing init entirely
    void client.GET("/contacts/{contact_id}");
    // @ts-expect-error — wrong body: tag_ids must be strings
    void client.POST("/conversations/{conversation_id}/tags", { params: { path: { conversation_id: "cnv_1" } }, body: { tag_ids: [1] } });
  });
});

describe("aliases", () => {
  it("name the main schemas", () => {
    expectTypeOf<Conversation>().toHaveProperty("id");
    expectTypeOf<Message>().toHaveProperty("id");
    expectTypeOf<Inbox>().toHaveProperty("id");
    expectTypeOf<Teammate>().toHaveProperty("email");
    expectTypeOf<Channel>().toHaveProperty("id");
    expectTypeOf<FrontApiError["rateLimit"]>().toEqualTypeOf<RateLimitInfo>();
  });
});

describe("typed raw request", () => {
  it("types params, body and result by method and path", async () => {
    const r = await request(client, "get", "/contacts/{contact_id}", { params: { path: { contact_id: "crd_1" } } });
    expectTypeOf(r.data).not.toBeAny();
    expectTypeOf(r.data).toExtend<Contact | undefined>();
    expectTypeOf<Contact | undefined>().toExtend<typeof r.data>();
    const tagged = await request(client, "post", "/conversations/{conversation_id}/tags", {
      params: { path: { conversation_id: "cnv_1" } },
      body: { tag_ids: ["tag_1"] },
    });
    expectTypeOf(tagged.response).toEqualTypeOf<Response>();
    void request(client, "get", "/tags");
  });

  it("refuses what the spec does not allow", () => {
    // @ts-expect-error — wrong path
    void request(client, "get", "/nope");
    // @ts-expect-error — wrong method for the path
    void request(client, "delete", "/tags");
    // @ts-expect-error — missing path param
    void request(client, "get", "/contacts/{contact_id}", { params: {} });
    // @ts-expect-error — wrong query type
    void request(client, "get", "/tags", { params: { query: { limit: "ten" } } });
    // @ts-expect-error — wrong body
    void request(client, "post", "/conversations/{conversation_id}/tags", { params: { path: { conversation_id: "c" } }, body: { tags: "x" } });
  });
});

describe("pagination", () => {
  it("types pages and items", async () => {
    for await (const item of paginateItems(client, "/tags")) expectTypeOf(item).toEqualTypeOf<Tag>();
    for await (const c of paginateItems(client, "/inboxes/{inbox_id}/conversations", { params: { path: { inbox_id: "inb_1" } } }))
      expectTypeOf(c).toEqualTypeOf<Conversation>();
    for await (const p of paginate(client, "/teammates", { maxPages: 2 })) expectTypeOf(p._results).toEqualTypeOf<Teammate[] | undefined>();
    expectTypeOf<"/tags">().toExtend<PaginatedPath>();
    expectTypeOf<"/me">().not.toExtend<PaginatedPath>();
    // @ts-expect-error — not a list endpoint
    void paginate(client, "/me");
    // @ts-expect-error — missing the inbox id
    void paginateItems(client, "/inboxes/{inbox_id}/conversations");
  });
});

describe("messages", () => {
  it("types bodies from the spec", () => {
    void sendNewMessage(client, "cha_1", { to: ["a@b.c"], body: "Hi", options: { archive: false, tag_ids: ["tag_1"] } });
    void sendReply(client, "cnv_1", { body: "Thanks" }, { attachments: [{ filename: "a.txt", contentType: "text/plain", data: new Uint8Array(1) }] });
    // @ts-expect-error — body is required
    void sendReply(client, "cnv_1", { to: ["a@b.c"] });
    // @ts-expect-error — attachments go in options, typed, not in the body
    void sendNewMessage(client, "cha_1", { to: ["a@b.c"], body: "x", attachments: ["file"] });
    // @ts-expect-error — an attachment needs a content type
    void sendReply(client, "cnv_1", { body: "x" }, { attachments: [{ filename: "a.txt", data: new Uint8Array(1) }] });
    expectTypeOf(createFrontClient).returns.toEqualTypeOf<FrontClient>();
  });
});
