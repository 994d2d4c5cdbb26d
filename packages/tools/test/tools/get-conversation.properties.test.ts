/**
 * Property: whatever the input, get-conversation either sends well-formed requests to the
 * configured base URL only or fails with InvalidInput having sent nothing —
 * never a crash (defect).
 */
import { Cause, Effect, Exit } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeToolInput, Front, FrontRetry, runTool } from "../../src/index.js";
import { getConversation } from "../../src/tools/get-conversation.js";
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
  const exit = await Effect.runPromiseExit(runTool(getConversation, input).pipe(Effect.provide(layer)));
  const valid = Exit.isSuccess(await Effect.runPromiseExit(decodeToolInput(getConversation, input)));
  return { exit, requests, valid };
};

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
