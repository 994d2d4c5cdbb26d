/**
 * The write operations and the raw API in the engine against Prism: tagging, sending with
 * binary attachments (multipart), raw requests, and the channel dropdown.
 */
import type { IDataObject, INodeExecutionData } from "n8n-workflow";
import { describe, expect, it } from "vitest";
import { CANARY_TOKEN, useFrontProxy } from "./engine/fixtures.js";
import { loadFrontOptions, runFrontWorkflow } from "./engine/run-workflow.js";

const front = useFrontProxy();

const binaryItem = (json: IDataObject, files: Record<string, { text: string; fileName: string; mimeType: string }>): INodeExecutionData => ({
  json,
  binary: Object.fromEntries(
    Object.entries(files).map(([name, f]) => [
      name,
      { data: Buffer.from(f.text).toString("base64"), fileName: f.fileName, mimeType: f.mimeType, fileSize: String(f.text.length) },
    ]),
  ),
});

describe("Conversation → Add Tag", () => {
  it("posts the chosen tag ids to the conversation's tags", async () => {
    const result = await runFrontWorkflow({
      parameters: { resource: "conversation", operation: "addTag", conversationId: "cnv_55c8c149", additionalFields: { tagIds: ["tag_2oxhvy"] } },
      credentials: front.credentials,
    });
    expect(result.error).toBeUndefined();
    expect(result.items).toHaveLength(1);
    expect(result.items[0]?.json.conversation_id).toBe("cnv_55c8c149");
    const post = front.proxy.requests.find((r) => r.method === "POST");
    expect(post?.path).toBe("/conversations/cnv_55c8c149/tags");
    expect(JSON.parse(post?.bodyText ?? "{}")).toEqual({ tag_ids: ["tag_2oxhvy"] });
    expect(post?.headers["content-type"]).toContain("application/json");
  });

  it("resolves tag names through the (cached) tag list", async () => {
    const tags = await runFrontWorkflow({ parameters: { resource: "tag", operation: "getAll", returnAll: true }, credentials: front.credentials });
    const name = String(tags.items[0]?.json.name);
    const id = String(tags.items[0]?.json.id);
    front.proxy.reset();
    const result = await runFrontWorkflow({
      parameters: { resource: "conversation", operation: "addTag", conversationId: "cnv_55c8c149", additionalFields: { tagNames: [name.toUpperCase()] } },
      credentials: front.credentials,
    });
    expect(result.error).toBeUndefined();
    const post = front.proxy.requests.find((r) => r.method === "POST");
    expect(JSON.parse(post?.bodyText ?? "{}")).toEqual({ tag_ids: [id] });
  });
});

describe("Message → Send", () => {
  it("sends a new message with the item's binary files as multipart attachments", async () => {
    const result = await runFrontWorkflow({
      parameters: {
        resource: "message",
        operation: "send",
        body: "={{ 'Hello ' + $json.name }}",
        binaryProperties: "report, note",
        additionalFields: { channelId: "cha_123", to: ["jane@example.com"], subject: "Your report" },
      },
      credentials: front.credentials,
      items: [
        binaryItem(
          { name: "Jane" },
          {
            report: { text: "%PDF-1.4 fake report", fileName: "report.pdf", mimeType: "application/pdf" },
            note: { text: "plain note", fileName: "note.txt", mimeType: "text/plain" },
          },
        ),
      ],
    });
    expect(result.error).toBeUndefined();
    expect(result.items).toHaveLength(1);
    expect(result.items[0]?.pairedItem).toEqual({ item: 0 });
    const post = front.proxy.requests.find((r) => r.method === "POST");
    expect(post?.path).toBe("/channels/cha_123/messages");
    expect(post?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const body = post?.bodyText ?? "";
    expect(body).toContain('name="to[0]"');
    expect(body).toContain("jane@example.com");
    expect(body).toContain("Hello Jane");
    expect(body).toMatch(/name="attachments\[0\]"; filename="report\.pdf"\r\nContent-Type: application\/pdf\r\n\r\n%PDF-1\.4 fake report/);
    expect(body).toMatch(/name="attachments\[1\]"; filename="note\.txt"\r\nContent-Type: text\/plain\r\n\r\nplain note/);
    expect(body).not.toContain(CANARY_TOKEN);
  });

  it("replies in a conversation as JSON when there are no attachments", async () => {
    const result = await runFrontWorkflow({
      parameters: { resource: "message", operation: "send", body: "Thanks!", additionalFields: { conversationId: "cnv_55c8c149" } },
      credentials: front.credentials,
    });
    expect(result.error).toBeUndefined();
    const post = front.proxy.requests.find((r) => r.method === "POST");
    expect(post?.path).toBe("/conversations/cnv_55c8c149/messages");
    expect(JSON.parse(post?.bodyText ?? "{}")).toMatchObject({ body: "Thanks!" });
  });

  it("fails the item, sending nothing, when a named binary property is missing", async () => {
    const result = await runFrontWorkflow({
      parameters: { resource: "message", operation: "send", body: "Hi", binaryProperties: "missing", additionalFields: { conversationId: "cnv_55c8c149" } },
      credentials: front.credentials,
      items: [{ json: {} }],
    });
    expect(result.error?.name).toBe("NodeOperationError");
    expect(result.error?.message).toContain("missing");
    expect(front.proxy.requests).toEqual([]);
  });
});

describe("Raw API → Request", () => {
  it("calls a spec path with a query and returns status and body", async () => {
    const result = await runFrontWorkflow({
      parameters: { resource: "rawApi", operation: "request", method: "GET", path: "/tags", additionalFields: { query: '{"limit": 5}' } },
      credentials: front.credentials,
    });
    expect(result.error).toBeUndefined();
    expect(result.items[0]?.json.status).toBe(200);
    expect((result.items[0]?.json.body as { _results?: unknown[] })._results?.length).toBeGreaterThan(0);
    expect(front.proxy.requests[0]?.url).toBe("/tags?limit=5");
  });

  it("rejects an absolute URL before sending anything (the token stays on the base URL)", async () => {
    const result = await runFrontWorkflow({
      parameters: { resource: "rawApi", operation: "request", method: "GET", path: "https://evil.example/me" },
      credentials: front.credentials,
    });
    expect(result.error?.name).toBe("NodeOperationError");
    expect(front.proxy.requests).toEqual([]);
  });
});

describe("Raw API → Request with a picked API Operation", () => {
  it("sends the picked operation's method over the Method field", async () => {
    const result = await runFrontWorkflow({
      parameters: {
        resource: "rawApi",
        operation: "request",
        apiOperation: { __rl: true, mode: "list", value: "list-tags" },
        method: "DELETE",
        path: "/tags",
      },
      credentials: front.credentials,
    });
    expect(result.error).toBeUndefined();
    expect(result.items[0]?.json.status).toBe(200);
    expect(result.items[0]?.json.operation_id).toBe("list-tags");
    expect(front.proxy.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /tags"]);
  });

  it("keeps a typed path with its ids for an operation picked by id, with the operation's method", async () => {
    const result = await runFrontWorkflow({
      parameters: {
        resource: "rawApi",
        operation: "request",
        apiOperation: { __rl: true, mode: "id", value: "update-conversation" },
        method: "GET",
        path: "/conversations/cnv_55c8c149",
        additionalFields: { body: '{"status": "archived"}' },
      },
      credentials: front.credentials,
    });
    expect(result.error).toBeUndefined();
    const sent = front.proxy.requests[0];
    expect(`${sent?.method} ${sent?.path}`).toBe("PATCH /conversations/cnv_55c8c149");
    expect(JSON.parse(sent?.bodyText ?? "{}")).toEqual({ status: "archived" });
  });

  it("turns a body the picked operation does not accept into the tool's InvalidInput, naming the field, sending nothing", async () => {
    const result = await runFrontWorkflow({
      parameters: {
        resource: "rawApi",
        operation: "request",
        apiOperation: { __rl: true, mode: "list", value: "update-conversation" },
        method: "GET",
        path: "/conversations/cnv_55c8c149",
        additionalFields: { body: '{"status": 5}' },
      },
      credentials: front.credentials,
    });
    expect(result.error?.name).toBe("NodeOperationError");
    expect(`${result.error?.message} ${result.error?.description ?? ""}`).toContain("body.status");
    expect(front.proxy.requests).toEqual([]);
  });

  it("refuses a path that is not the picked operation's before sending anything", async () => {
    const result = await runFrontWorkflow({
      parameters: { resource: "rawApi", operation: "request", apiOperation: { __rl: true, mode: "id", value: "update-conversation" }, method: "GET", path: "/tags" },
      credentials: front.credentials,
    });
    expect(result.error?.name).toBe("NodeOperationError");
    expect(result.error?.message).toContain("not a path of update-conversation");
    expect(front.proxy.requests).toEqual([]);
  });
});

describe("channel dropdown", () => {
  it("loads channels (cha_…) through the raw request tool", async () => {
    const channels = await loadFrontOptions("getChannels", front.credentials);
    expect(channels.length).toBeGreaterThan(0);
    expect(String(channels[0]?.value)).toMatch(/^cha_/);
    expect(front.proxy.requests.map((r) => r.path)).toEqual(["/channels"]);
  });
});
