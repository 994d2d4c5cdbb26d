import { describe, expect, it } from "vitest";
import {
  createFrontClient,
  FrontInputError,
  MAX_ATTACHMENTS_BYTES,
  sendNewMessage,
  sendReply,
  toMessageFormData,
} from "../src/index.js";
import { fakeFetch, json, TOKEN } from "./helpers.js";

const accepted = () => json({ status: "accepted", message_uid: "msg_uid_1" }, { status: 202 });
const file = (name: string, text: string, type = "text/plain") => ({ filename: name, contentType: type, data: new TextEncoder().encode(text) });

describe("toMessageFormData", () => {
  it("uses Front's indexed field names", async () => {
    const form = toMessageFormData(
      {
        to: ["a@x.io", "b@x.io"],
        cc: ["c@x.io"],
        subject: "Hello",
        body: "<p>Hi</p>",
        options: { tag_ids: ["tag_1", "tag_2"], archive: false },
        author_id: undefined,
      },
      [file("notes.txt", "hello"), { filename: "pic.png", contentType: "image/png", data: new Blob([new Uint8Array([1, 2, 3])]) }],
    );
    const fields = [...form.entries()].filter(([, v]) => typeof v === "string");
    expect(fields).toEqual([
      ["to[0]", "a@x.io"],
      ["to[1]", "b@x.io"],
      ["cc[0]", "c@x.io"],
      ["subject", "Hello"],
      ["body", "<p>Hi</p>"],
      ["options[tag_ids][0]", "tag_1"],
      ["options[tag_ids][1]", "tag_2"],
      ["options[archive]", "false"],
    ]);
    const a0 = form.get("attachments[0]") as File;
    const a1 = form.get("attachments[1]") as File;
    expect(a0.name).toBe("notes.txt");
    expect(a0.type).toBe("text/plain");
    expect(await a0.text()).toBe("hello");
    expect(a1.name).toBe("pic.png");
    expect(a1.type).toBe("image/png");
    expect(a1.size).toBe(3);
  });

  it("enforces Front's 25 MB total", () => {
    const half = { filename: "a.bin", contentType: "application/octet-stream", data: new Uint8Array(MAX_ATTACHMENTS_BYTES / 2) };
    expect(() => toMessageFormData({ body: "x" }, [half, half])).not.toThrow();
    const error = (() => {
      try {
        toMessageFormData({ body: "x" }, [half, half, { ...half, data: new Uint8Array(1) }]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FrontInputError);
    expect((error as Error).message).toMatch(/^Attachments total 25\.0 MB \(26214401 bytes\); Front accepts at most 25 MB/);
  });

  it.each([
    [{ filename: "", contentType: "text/plain", data: new Uint8Array(1) }, /filename/],
    [{ filename: "a\r\nb", contentType: "text/plain", data: new Uint8Array(1) }, /filename/],
    [{ filename: "a", contentType: "plain", data: new Uint8Array(1) }, /contentType/],
    [{ filename: "a", contentType: "text/plain", data: "text" }, /data/],
  ])("rejects a bad attachment %#", (attachment, message) => {
    expect(() => toMessageFormData({ body: "x" }, [attachment as never])).toThrow(message);
  });
});

describe("sendNewMessage / sendReply", () => {
  it("sends JSON without attachments", async () => {
    const { fetch, calls } = fakeFetch(accepted);
    const client = createFrontClient({ token: TOKEN, fetch });
    const { data, response } = await sendNewMessage(client, "cha_1", { to: ["a@x.io"], body: "Hi", options: { archive: true } });
    expect(response.status).toBe(202);
    expect(data).toMatchObject({ status: "accepted" });
    expect(calls[0]!.url).toBe("https://api2.frontapp.com/channels/cha_1/messages");
    expect(calls[0]!.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(calls[0]!.body)).toEqual({ to: ["a@x.io"], body: "Hi", options: { archive: true } });
  });

  it("sends multipart with attachments, to the reply endpoint", async () => {
    const { fetch, calls } = fakeFetch(accepted);
    const client = createFrontClient({ token: TOKEN, fetch });
    await sendReply(client, "cnv_9", { body: "See attached", options: { archive: false } }, { attachments: [file("a.txt", "AAA")] });
    const call = calls[0]!;
    expect(call.url).toBe("https://api2.frontapp.com/conversations/cnv_9/messages");
    expect(call.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(call.body).toContain('name="body"\r\n\r\nSee attached');
    expect(call.body).toContain('name="options[archive]"\r\n\r\nfalse');
    expect(call.body).toMatch(/name="attachments\[0\]"; filename="a.txt"\r\nContent-Type: text\/plain\r\n\r\nAAA/);
    expect(call.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
  });

  it("sends nothing when the body or the attachments are wrong", async () => {
    const { fetch, calls } = fakeFetch(accepted);
    const client = createFrontClient({ token: TOKEN, fetch });
    await expect(sendReply(client, "cnv_1", {} as never)).rejects.toBeInstanceOf(FrontInputError);
    const big = { filename: "big.bin", contentType: "application/octet-stream", data: new Blob([new Uint8Array(MAX_ATTACHMENTS_BYTES + 1)]) };
    await expect(sendReply(client, "cnv_1", { body: "x" }, { attachments: [big] })).rejects.toThrow(/25 MB/);
    await expect(sendNewMessage(client, "", { to: ["a@x.io"], body: "x", options: { archive: true } })).rejects.toThrow(/channel_id/);
    expect(calls).toHaveLength(0);
  });
});
