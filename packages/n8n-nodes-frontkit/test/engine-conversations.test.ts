/** Conversation operations in the engine against Prism. */
import { describe, expect, it } from "vitest";
import { useFrontProxy } from "./engine/fixtures.js";
import { runFrontWorkflow } from "./engine/run-workflow.js";

const front = useFrontProxy();

describe("Conversation → Get", () => {
  it("returns the conversation with its messages as one item per input item", async () => {
    const result = await runFrontWorkflow({
      parameters: { resource: "conversation", operation: "get", conversationId: "={{ $json.conversation }}", additionalFields: { includeMessages: true, maxMessages: 5 } },
      credentials: front.credentials,
      items: [{ json: { conversation: "cnv_abc" } }, { json: { conversation: "cnv_def" } }],
    });
    expect(result.error).toBeUndefined();
    expect(result.items).toHaveLength(2);
    expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
    const first = result.items[0]?.json as { conversation?: { id?: string }; messages?: unknown[] };
    expect(first.conversation?.id).toMatch(/^cnv_/);
    expect(Array.isArray(first.messages)).toBe(true);
    const paths = front.proxy.requests.map((r) => r.path);
    expect(paths).toContain("/conversations/cnv_abc");
    expect(paths).toContain("/conversations/cnv_def");
    expect(paths).toContain("/conversations/cnv_abc/messages");
  });

  it("marks the conversation id required: n8n refuses to run the node without it", async () => {
    await expect(
      runFrontWorkflow({ parameters: { resource: "conversation", operation: "get", conversationId: "" }, credentials: front.credentials }),
    ).rejects.toThrow(/Front.*has issues/);
    expect(front.proxy.requests).toEqual([]);
  });

  it("an expression resolving to an empty id is caught by the tool's schema, before any request", async () => {
    const result = await runFrontWorkflow({
      parameters: { resource: "conversation", operation: "get", conversationId: "={{ $json.missing ?? '' }}" },
      credentials: front.credentials,
    });
    expect(result.error?.name).toBe("NodeOperationError");
    expect(`${result.error?.message} ${result.error?.description ?? ""}`).toContain("conversation_id");
    expect(front.proxy.requests).toEqual([]);
  });
});
