/**
 * Property tests of send-message and add-tag: random input gives a typed
 * InvalidInput with nothing sent, or calls that stay on the base URL; a
 * message is never POSTed twice; never a defect.
 */
import { Cause, Effect, Exit } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AnyToolDefinition, decodeToolInput, Front, FrontRetry, runTool } from "../../src/index.js";
import { addTag } from "../../src/tools/add-tag.js";
import { sendMessage } from "../../src/tools/send-message.js";
import { fakeFetch, json } from "../support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";

// Plausible Front answers for every request these tools make.
const answer = (req: Request) => {
  const path = new URL(req.url).pathname;
  if (path === "/tags") return json(200, { _results: [{ id: "tag_1", name: "Urgent" }, { id: "tag_2", name: "Billing" }], _pagination: { next: null } });
  if (path.endsWith("/channels")) return json(200, { _results: [{ id: "cha_only", type: "smtp", address: "help@acme.com" }] });
  if (path.endsWith("/tags")) return new Response(null, { status: 204 });
  return json(202, { status: "accepted", message_uid: "uid_1" });
};

const run = async (tool: AnyToolDefinition, input: unknown) => {
  const { fetch, requests } = fakeFetch([answer]);
  const layer = Front.layer({ token: "tok_prop_0123456789", baseUrl: BASE, fetch, retry: FrontRetry.none, burstPerSecond: 0, cacheTtl: 0 });
  const exit = await Effect.runPromiseExit(runTool(tool, input).pipe(Effect.provide(layer)));
  const valid = Exit.isSuccess(await Effect.runPromiseExit(decodeToolInput(tool, input)));
  return { exit, requests, valid };
};

const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const maybe = <A>(arb: fc.Arbitrary<A>) => fc.oneof(arb, arb, scalar);
const base64 = fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString("base64"));
const attachment = fc.record(
  {
    filename: fc.oneof(fc.constantFrom("a.txt", "report.pdf"), fc.string()),
    content_type: fc.oneof(fc.constantFrom("text/plain", "application/pdf"), fc.string()),
    data_base64: fc.oneof(base64, base64, fc.string()),
  },
  { requiredKeys: [] },
);

/** Inputs send-message accepts: a reply or a new message, with optional extras. */
const wellFormedMessage = fc
  .tuple(
    fc.oneof(fc.record({ conversation_id: fc.stringMatching(/^cnv_[a-z0-9]{1,6}$/) }), fc.record({ channel_id: fc.stringMatching(/^(cha|inb)_[a-z0-9]{1,6}$/) })),
    fc.array(fc.emailAddress(), { minLength: 1, maxLength: 3 }),
    fc.string({ minLength: 1 }),
    fc.record({ subject: fc.string(), options: fc.record({ tag_ids: fc.array(fc.stringMatching(/^tag_[a-z0-9]{1,4}$/), { maxLength: 2 }), archive: fc.boolean() }, { requiredKeys: [] }) }, { requiredKeys: [] }),
    fc.array(fc.record({ filename: fc.constantFrom("a.txt", "b.pdf"), content_type: fc.constantFrom("text/plain", "application/pdf"), data_base64: base64 }), { maxLength: 2 }),
  )
  .map(([target, to, body, extra, attachments]) => ({ ...target, to, body, ...extra, ...(attachments.length > 0 ? { attachments } : {}) }));

const messageInput = fc.oneof(
  { weight: 3, arbitrary: wellFormedMessage },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        conversation_id: maybe(fc.oneof(fc.stringMatching(/^cnv_[a-z0-9]{1,6}$/), fc.constant("inb_1"))),
        channel_id: maybe(fc.oneof(fc.stringMatching(/^(cha|inb)_[a-z0-9]{1,6}$/), fc.constant("alt:address:help@acme.com"), fc.string())),
        to: maybe(fc.array(fc.oneof(fc.emailAddress(), fc.string()), { maxLength: 3 })),
        cc: maybe(fc.array(fc.emailAddress(), { maxLength: 2 })),
        body: maybe(fc.string({ minLength: 1 })),
        subject: maybe(fc.string()),
        quote_body: fc.string(),
        options: maybe(fc.record({ tag_ids: maybe(fc.array(fc.oneof(fc.stringMatching(/^tag_[a-z0-9]{1,4}$/), fc.string()), { maxLength: 2 })), archive: maybe(fc.boolean()) }, { requiredKeys: [] })),
        attachments: maybe(fc.array(attachment, { maxLength: 2 })),
        should_add_default_signature: maybe(fc.boolean()),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.anything() },
);

const wellFormedTag = fc.record({
  conversation_id: fc.stringMatching(/^cnv_[a-z0-9]{1,6}$/),
  tag_ids: fc.array(fc.stringMatching(/^tag_[a-z0-9]{1,4}$/), { minLength: 1, maxLength: 3 }),
  tag_names: fc.array(fc.constantFrom("urgent", "BILLING", "Urgent"), { maxLength: 2 }),
});

const tagInput = fc.oneof(
  { weight: 2, arbitrary: wellFormedTag },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        conversation_id: maybe(fc.stringMatching(/^cnv_[a-z0-9]{1,6}$/)),
        tag_ids: maybe(fc.array(fc.oneof(fc.stringMatching(/^tag_[a-z0-9]{1,4}$/), fc.string()), { maxLength: 3 })),
        tag_names: maybe(fc.array(fc.oneof(fc.constantFrom("urgent", "BILLING", "Urgnt", "nope"), fc.string()), { maxLength: 3 })),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.anything() },
);

const check = (tool: AnyToolDefinition, arbitrary: fc.Arbitrary<unknown>, allowedAfterValid: ReadonlyArray<string>) => async () => {
  let ok = 0;
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      const { exit, requests, valid } = await run(tool, input);
      for (const r of requests) expect(new URL(r.url).origin).toBe(BASE);
      // One logical write per call (a merge redirect would be the only second POST, and there is none here).
      expect(requests.filter((r) => r.method === "POST").length).toBeLessThanOrEqual(1);
      if (Exit.isSuccess(exit)) {
        expect(valid).toBe(true);
        ok++;
        return;
      }
      const error = Cause.findErrorOption(exit.cause);
      expect(error._tag, `no typed error: ${String(exit.cause)}`).toBe("Some");
      if (error._tag !== "Some") return;
      if (!valid) {
        expect(error.value._tag).toBe("InvalidInput");
        expect(requests).toHaveLength(0);
        refused++;
        return;
      }
      // Valid input can still fail on what Front holds (an unknown tag name): typed, and nothing written.
      expect(allowedAfterValid).toContain(error.value._tag);
      expect(requests.filter((r) => r.method === "POST")).toHaveLength(0);
    }),
    { numRuns: 400 },
  );
  expect(ok).toBeGreaterThan(10);
  expect(refused).toBeGreaterThan(10);
};

describe("property: random input → InvalidInput (nothing sent) or a valid call, never a crash", () => {
  it("send-message", check(sendMessage, messageInput, []));
  it("add-tag", check(addTag, tagInput, ["NotFound"]));
});
