/**
 * Property: whatever the input, list-contacts either sends well-formed requests to the
 * configured base URL only or fails with InvalidInput having sent nothing —
 * never a crash (defect).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listContacts } from "../../src/tools/list-contacts.js";
import { assertInvalidInputOrValidCall, expectWellFormed, pageOrItemAnswer, scalar, timestamp } from "../support/property-harness.js";

// Inputs near the real shape (most valid), near-misses, and anything at all.
const arbitrary = fc.oneof(
  fc.record(
    {
      updated_after: fc.integer({ min: 0, max: 1_800_000_000 }),
      updated_before: fc.constant("2100-01-01T00:00:00Z"),
      sort_by: fc.constantFrom("created_at", "updated_at"),
      limit: fc.integer({ min: 1, max: 100 }),
      page_token: fc.stringMatching(/^[a-z0-9]{1,12}$/),
      auto_paginate: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      updated_after: timestamp,
      updated_before: timestamp,
      sort_by: fc.oneof(fc.constantFrom("created_at", "updated_at"), scalar),
      sort_order: fc.oneof(fc.constantFrom("asc", "desc"), scalar),
      limit: fc.oneof(fc.integer({ min: -5, max: 120 }), scalar),
      page_token: fc.oneof(fc.stringMatching(/^[a-z0-9]{1,12}$/), scalar),
      auto_paginate: fc.oneof(fc.boolean(), scalar),
      max_results: fc.oneof(fc.integer({ min: -5, max: 6000 }), scalar),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

// Valid calls send the filters as unix seconds in q and one page when not auto-paging.
const check = (input: Record<string, unknown>, urls: URL[]) => {
  const after = urls[0]!.searchParams.get("q[updated_after]");
  if (input.updated_after === undefined) expect(after).toBeNull();
  else expect(Number.isFinite(Number(after))).toBe(true);
  if (input.auto_paginate !== true) expect(urls).toHaveLength(1);
};

describe("property: list-contacts on random input", () => {
  it("InvalidInput with nothing sent, or valid requests to the base URL only; never a defect", async () => {
    await assertInvalidInputOrValidCall({
      tool: listContacts,
      arbitrary,
      answer: pageOrItemAnswer,
      onValid: (input, requests) => {
        expectWellFormed(requests);
        check(input as never, requests.map((r) => new URL(r.url)));
      },
    });
  });
});
