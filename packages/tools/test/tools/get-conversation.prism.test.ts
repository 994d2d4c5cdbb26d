/**
 * Contract: get-conversation against Prism serving the corrected spec;
 * a merge redirect comes from the fault proxy in front of it. Uses the run's shared Prism when provided, else starts one.
 */
import { status } from "@frontkit/testkit";
import { describe, expect, it } from "vitest";
import { usePrismClient } from "../support/prism-client.js";

const prism = usePrismClient();

describe("get-conversation against Prism", () => {
  it("conversation and messages: Prism accepts both requests (2xx)", async () => {
    const out = await prism.tools.getConversation({ conversation_id: "cnv_yo1kg5q", max_messages: 10 });
    expect(out.conversation.id).toMatch(/^cnv_/);
    expect(out.message_count).toBeGreaterThan(0);
    expect(out.messages![0]!.id).toMatch(/^msg_/);
    // Prism's example page is shorter than 10 and names a next page (the same token forever): at most one more request.
    const paths = prism.proxy.requests.map((r) => r.path);
    expect(paths[0]).toBe("/conversations/cnv_yo1kg5q");
    expect(paths.slice(1).every((p) => p === "/conversations/cnv_yo1kg5q/messages")).toBe(true);
    expect(paths.length).toBeLessThanOrEqual(3);
    expect(prism.proxy.requests[1]!.query.get("limit")).toBe("10");
  });

  it("messages stop on Prism's repeated page token", async () => {
    const out = await prism.tools.getConversation({ conversation_id: "cnv_yo1kg5q", max_messages: 500 });
    expect(out.message_count).toBeGreaterThan(0);
    expect(prism.proxy.requests.length).toBeLessThanOrEqual(3);
    expect(out.more_messages).toBe(false);
  });

  it("a merge 301 is followed by id on the configured host and reported", async () => {
    prism.proxy.on(
      { method: "GET", path: "/conversations/cnv_old1" },
      status(301, { headers: { location: "https://yourCompany.api.frontapp.com/conversations/cnv_yo1kg5q" } }),
      { times: 1 },
    );
    const out = await prism.tools.getConversation({ conversation_id: "cnv_old1", include_messages: false });
    expect(out.requested_id).toBe("cnv_old1");
    expect(out.merged_into).toBe("cnv_yo1kg5q");
    expect(prism.proxy.requests.map((r) => r.path)).toEqual(["/conversations/cnv_old1", "/conversations/cnv_yo1kg5q"]);
  });

  it("a 404 from Front is NotFound, and no messages are asked for", async () => {
    prism.proxy.on({ method: "GET", path: "/conversations/cnv_gone" }, status(404, { body: { _error: { status: 404, title: "Not found", message: "Conversation not found" } } }));
    await expect(prism.tools.getConversation({ conversation_id: "cnv_gone" })).rejects.toMatchObject({ _tag: "NotFound", status: 404 });
    expect(prism.proxy.requests.map((r) => r.path)).toEqual(["/conversations/cnv_gone"]);
  });
});
