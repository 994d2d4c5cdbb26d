/**
 * Property: whatever the input, get-conversation either sends well-formed requests to the
 * configured base URL only or fails with InvalidInput having sent nothing —
 * never a crash (defect).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getConversation } from "../../src/tools/get-conversation.js";
import { assertInvalidInputOrValidCall, expectWellFormed, pageOrItemAnswer, scalar } from "../support/property-harness.js";

// Inputs near the real shape (most valid), near-misses, and anything at all.
const arbitrary = fc.oneof(
  fc.record(
    {
      conversation_id: fc.stringMatching(/^cnv_[a-z0-9]{1,8}$/),
      include_messages: fc.boolean(),
    },
    { requiredKeys: ["conversation_id"] },
  ),
  fc.record(
    {
      conversation_id: fc.oneof(fc.stringMatching(/^cnv_[a-z0-9]{1,8}$/), fc.string(), fc.constant("alt:ref:x/../../tags"), scalar),
      include_messages: fc.oneof(fc.boolean(), scalar),
      max_messages: fc.oneof(fc.integer({ min: -5, max: 600 }), scalar),
    },
    { requiredKeys: ["conversation_id"] },
  ),
  fc.anything(),
);

// Valid calls ask for that one conversation (the id stays one path segment) and its messages unless told not to.
const check = (input: { conversation_id: string; include_messages?: boolean }, urls: URL[]) => {
  expect(urls[0]!.pathname.split("/")).toHaveLength(3);
  expect(decodeURIComponent(urls[0]!.pathname.split("/")[2]!)).toBe(input.conversation_id);
  expect(urls).toHaveLength(input.include_messages === false ? 1 : 2);
};

describe("property: get-conversation on random input", () => {
  it("InvalidInput with nothing sent, or valid requests to the base URL only; never a defect", async () => {
    await assertInvalidInputOrValidCall({
      tool: getConversation,
      arbitrary,
      answer: pageOrItemAnswer,
      onValid: (input, requests) => {
        expectWellFormed(requests);
        check(input as never, requests.map((r) => new URL(r.url)));
      },
    });
  });
});
