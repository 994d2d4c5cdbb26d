/**
 * Property tests: whatever the input, a tool either sends a well-formed request
 * or fails with InvalidInput having sent nothing — never a crash (defect).
 */
import { Cause, Effect, Exit } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AnyToolDefinition, decodeToolInput, Front, FrontRetry, runTool, toolsByName } from "../src/index.js";
import { fakeFetch, json } from "./support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";

// A response every tool of this package can read: a one-item page, or one object.
const answer = (req: Request) => {
  const path = new URL(req.url).pathname;
  if (path === "/tags" || path === "/inboxes" || path === "/teammates") {
    return json(200, { _results: [{ id: "x_1", name: "n" }], _pagination: { next: null } });
  }
  return json(req.method === "POST" ? 201 : 200, { id: "crd_1", name: "n" });
};

const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const handle = fc.record(
  { source: fc.oneof(fc.constantFrom("email", "phone", "twitter", "custom", "front_chat"), fc.string()), handle: fc.oneof(fc.string(), fc.emailAddress(), scalar) },
  { requiredKeys: [] },
);

/** Inputs near the tools' real shapes (so many are valid), mixed with anything at all. */
const nearInputs: Record<string, fc.Arbitrary<unknown>> = {
  "list-tags": fc.oneof(fc.record({ refresh: fc.oneof(fc.boolean(), scalar) }, { requiredKeys: [] }), fc.anything()),
  "list-inboxes": fc.oneof(fc.record({ refresh: fc.oneof(fc.boolean(), scalar) }, { requiredKeys: [] }), fc.anything()),
  "list-teammates": fc.oneof(fc.constant({}), fc.dictionary(fc.string(), scalar), fc.anything()),
  "get-contact": fc.oneof(
    fc.stringMatching(/^crd_[a-z0-9]{1,8}$/).map((contact_id) => ({ contact_id })),
    fc.emailAddress().map((email) => ({ email })),
    fc.tuple(fc.stringMatching(/^[a-z0-9_]{1,10}$/), fc.constantFrom("twitter", "custom", "intercom")).map(([handle, source]) => ({ handle, source })),
    fc.record(
      {
        contact_id: fc.oneof(fc.stringMatching(/^crd_[a-z0-9]{1,8}$/), fc.string(), scalar),
        email: fc.oneof(fc.emailAddress(), fc.string()),
        phone: fc.oneof(fc.stringMatching(/^\+[0-9]{6,12}$/), fc.string()),
        handle: fc.oneof(fc.string(), scalar),
        source: fc.oneof(fc.constantFrom("email", "phone", "twitter", "custom"), fc.string()),
      },
      { requiredKeys: [] },
    ),
    fc.anything(),
  ),
  "create-contact": fc.oneof(
    // Mostly valid: handles from the real sources, an optional plain name.
    fc.record(
      {
        handles: fc.array(
          fc.record({ source: fc.constantFrom("email", "phone", "twitter", "custom"), handle: fc.stringMatching(/^[a-z0-9@.+]{1,20}$/) }),
          { minLength: 1, maxLength: 3 },
        ),
        name: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,18}[a-z]$/),
      },
      { requiredKeys: ["handles"] },
    ),
    fc.record(
      {
        handles: fc.oneof(fc.array(handle, { maxLength: 3 }), scalar),
        name: fc.oneof(fc.string(), scalar),
        group_names: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), scalar),
        links: fc.array(fc.webUrl(), { maxLength: 2 }),
        custom_fields: fc.dictionary(fc.string(), scalar),
      },
      { requiredKeys: [] },
    ),
    fc.anything(),
  ),
};

const runOnce = async (tool: AnyToolDefinition, input: unknown) => {
  const { fetch, requests } = fakeFetch([answer]);
  const layer = Front.layer({ token: "tok_prop", baseUrl: BASE, fetch, retry: FrontRetry.none, burstPerSecond: 0, cacheTtl: 0 });
  const exit = await Effect.runPromiseExit(runTool(tool, input).pipe(Effect.provide(layer)));
  const valid = Exit.isSuccess(await Effect.runPromiseExit(decodeToolInput(tool, input)));
  return { exit, requests, valid };
};

describe("property: random input → InvalidInput (nothing sent) or a valid call, never a crash", () => {
  for (const [name, arbitrary] of Object.entries(nearInputs)) {
    it(name, async () => {
      const tool = toolsByName[name]!;
      let validSeen = 0;
      let invalidSeen = 0;
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => {
          const { exit, requests, valid } = await runOnce(tool, input);
          if (Exit.isSuccess(exit)) {
            expect(valid).toBe(true);
            expect(requests.length).toBeGreaterThan(0);
            for (const r of requests) expect(new URL(r.url).origin).toBe(BASE);
            validSeen++;
            return;
          }
          // A defect (thrown exception) would show up here as a non-Fail cause.
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
  }
});
