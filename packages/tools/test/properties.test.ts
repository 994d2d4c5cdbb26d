/**
 * Property tests: whatever the input, a tool either sends a well-formed request
 * or fails with InvalidInput having sent nothing — never a crash (defect).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toolsByName } from "../src/index.js";
import { json } from "./support/fake-fetch.js";
import { assertInvalidInputOrValidCall, BASE, scalar } from "./support/property-harness.js";

// A response every tool of this package can read: a one-item page, or one object.
const answer = (req: Request) => {
  const path = new URL(req.url).pathname;
  if (path === "/tags" || path === "/inboxes" || path === "/teammates") {
    return json(200, { _results: [{ id: "x_1", name: "n" }], _pagination: { next: null } });
  }
  return json(req.method === "POST" ? 201 : 200, { id: "crd_1", name: "n" });
};

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

describe("property: random input → InvalidInput (nothing sent) or a valid call, never a crash", () => {
  for (const [name, arbitrary] of Object.entries(nearInputs)) {
    it(name, async () => {
      await assertInvalidInputOrValidCall({
        tool: toolsByName[name]!,
        arbitrary,
        answer,
        onValid: (_input, requests) => {
          for (const r of requests) expect(new URL(r.url).origin).toBe(BASE);
        },
      });
    });
  }
});
