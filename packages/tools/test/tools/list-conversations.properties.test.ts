/**
 * Property: whatever the input, list-conversations either sends well-formed requests to the
 * configured base URL only or fails with InvalidInput having sent nothing —
 * never a crash (defect).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listConversations } from "../../src/tools/list-conversations.js";
import { assertInvalidInputOrValidCall, expectWellFormed, pageOrItemAnswer, scalar, timestamp } from "../support/property-harness.js";

const inboxId = fc.stringMatching(/^inb_[a-z0-9]{1,4}$/);
// Inputs near the real shape (most valid), near-misses, and anything at all.
const arbitrary = fc.oneof(
  fc.record(
    {
      inbox_ids: fc.uniqueArray(inboxId, { maxLength: 4 }),
      statuses: fc.uniqueArray(fc.constantFrom("assigned", "unassigned", "archived", "trashed"), { maxLength: 4 }),
      updated_after: fc.oneof(fc.integer({ min: 0, max: 1_800_000_000 }), fc.constant("2020-01-01")),
      limit: fc.integer({ min: 1, max: 100 }),
      auto_paginate: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      inbox_ids: fc.oneof(fc.array(inboxId, { maxLength: 4 }), fc.array(fc.oneof(inboxId, fc.string()), { maxLength: 3 }), scalar),
      statuses: fc.oneof(fc.uniqueArray(fc.constantFrom("assigned", "unassigned", "archived", "trashed"), { maxLength: 4 }), fc.array(fc.string(), { maxLength: 2 }), scalar),
      status_categories: fc.oneof(fc.uniqueArray(fc.constantFrom("open", "waiting", "resolved"), { maxLength: 3 }), scalar),
      updated_after: timestamp,
      limit: fc.oneof(fc.integer({ min: -5, max: 120 }), scalar),
      page_token: fc.oneof(fc.stringMatching(/^[a-z0-9]{1,12}$/), scalar),
      auto_paginate: fc.oneof(fc.boolean(), scalar),
      max_results: fc.oneof(fc.integer({ min: -5, max: 2500 }), scalar),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

// Valid calls ask each named inbox once (or the company-wide list) with the statuses given, in q.
const check = (input: { inbox_ids?: string[]; statuses?: string[] }, urls: URL[]) => {
  const ids = input.inbox_ids ?? [];
  const paths = urls.map((u) => u.pathname).sort();
  expect(paths).toEqual(ids.length === 0 ? ["/conversations"] : ids.map((id) => `/inboxes/${id}/conversations`).sort());
  for (const u of urls) expect(u.searchParams.getAll("q[statuses][]")).toEqual(input.statuses ?? []);
};

describe("property: list-conversations on random input", () => {
  it("InvalidInput with nothing sent, or valid requests to the base URL only; never a defect", async () => {
    await assertInvalidInputOrValidCall({
      tool: listConversations,
      arbitrary,
      answer: pageOrItemAnswer,
      onValid: (input, requests) => {
        expectWellFormed(requests);
        check(input as never, requests.map((r) => new URL(r.url)));
      },
    });
  });
});
