/**
 * Property: whatever the input, list-contacts either sends well-formed requests to the
 * configured base URL only or fails with InvalidInput having sent nothing —
 * never a crash (defect).
 */
import { Cause, Effect, Exit } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeToolInput, Front, FrontRetry, runTool } from "../../src/index.js";
import { listContacts } from "../../src/tools/list-contacts.js";
import { fakeFetch, json } from "../support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";
const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const timestamp = fc.oneof(
  fc.integer({ min: 0, max: 4_000_000_000 }),
  fc.double({ min: -10, max: 2e12 }),
  fc.date({ min: new Date("1990-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.string(),
  scalar,
);

// A page of one item for every list, one object otherwise; the item's timestamps are recent so date filters keep it.
const answer = (req: Request) => {
  const path = new URL(req.url).pathname;
  const item = { id: path.includes("contacts") ? "crd_1" : path.endsWith("/messages") ? "msg_1" : "cnv_1", updated_at: 4_100_000_000 };
  if (/^\/(contacts|conversations|inboxes\/[^/]+\/conversations|conversations\/[^/]+\/messages)$/.test(path))
    return json(200, { _results: [item], _pagination: { next: null } });
  return json(200, item);
};

const runOnce = async (input: unknown) => {
  const { fetch, requests } = fakeFetch([answer]);
  const layer = Front.layer({ token: "tok_prop", baseUrl: BASE, fetch, retry: FrontRetry.none, burstPerSecond: 0, cacheTtl: 0 });
  const exit = await Effect.runPromiseExit(runTool(listContacts, input).pipe(Effect.provide(layer)));
  const valid = Exit.isSuccess(await Effect.runPromiseExit(decodeToolInput(listContacts, input)));
  return { exit, requests, valid };
};

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
    let validSeen = 0;
    let invalidSeen = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (input) => {
        const { exit, requests, valid } = await runOnce(input);
        if (Exit.isSuccess(exit)) {
          expect(valid).toBe(true);
          expect(requests.length).toBeGreaterThan(0);
          for (const r of requests) {
            const url = new URL(r.url);
            expect(url.origin).toBe(BASE);
            expect(r.headers.get("authorization")).toBe("Bearer tok_prop");
            const limit = url.searchParams.get("limit");
            if (limit !== null) expect(Number(limit)).toBeGreaterThanOrEqual(1);
            if (limit !== null) expect(Number(limit)).toBeLessThanOrEqual(100);
          }
          check(input as never, requests.map((r) => new URL(r.url)));
          validSeen++;
          return;
        }
        const error = Cause.findErrorOption(exit.cause);
        expect(error._tag, `no typed error: ${String(exit.cause)}`).toBe("Some");
        if (error._tag !== "Some") return;
        expect(error.value._tag).toBe("InvalidInput");
        expect(valid).toBe(false);
        expect(requests.length).toBe(0);
        invalidSeen++;
      }),
      { numRuns: 300 },
    );
    // The generators must exercise both branches, or the property proves little.
    expect(invalidSeen).toBeGreaterThan(0);
    expect(validSeen).toBeGreaterThan(0);
  });
});
