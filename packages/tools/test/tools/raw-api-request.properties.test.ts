/**
 * Property tests of raw-api-request: whatever method, path, query and body, it
 * either sends exactly one request — to the configured base URL, as a spec path
 * template — or fails with InvalidInput having sent nothing. Never a defect.
 */
import { matchPathTemplate, PATH_TEMPLATES } from "@frontkit/core";
import { Cause, Effect, Exit } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeToolInput, Front, FrontRetry, runTool } from "../../src/index.js";
import { rawApiRequest } from "../../src/tools/raw-api-request.js";
import { fakeFetch, json } from "../support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";

const run = async (input: unknown) => {
  const { fetch, requests } = fakeFetch([(req) => (req.method === "DELETE" ? new Response(null, { status: 204 }) : json(200, { ok: true }))]);
  const layer = Front.layer({ token: "tok_prop_0123456789", baseUrl: BASE, fetch, retry: FrontRetry.none, burstPerSecond: 0, cacheTtl: 0 });
  const exit = await Effect.runPromiseExit(runTool(rawApiRequest, input).pipe(Effect.provide(layer)));
  const valid = Exit.isSuccess(await Effect.runPromiseExit(decodeToolInput(rawApiRequest, input)));
  return { exit, requests, valid };
};

const templates = Object.keys(PATH_TEMPLATES);
const id = fc.oneof(fc.stringMatching(/^[a-z]{3}_[a-z0-9]{1,8}$/), fc.constantFrom("alt:email:a%40b.c", "alt:phone:%2B1555"));
/** A concrete path made from a real template (valid unless the method is wrong). */
const realPath = fc.tuple(fc.constantFrom(...templates), fc.array(id, { minLength: 6, maxLength: 6 })).map(([t, ids]) => {
  let i = 0;
  return t.replace(/\{[^{}]+\}/g, () => ids[i++]!);
});
const fragment = fc.constantFrom(
  "/", "//", "..", ".", "%2e", "%2E", "%2f", "%2F", "%5c", "%25", "%252f", "%40", "%00", "%0d%0a", "\\", "@", "?", "#", ":", "http:", "https://evil.example",
  "\r\n", "\t", " ", "\uFF0F", "\u2215", "\uFF0E", "\u3002", "contacts", "conversations", "crd_1", "cnv_1", "tags", "me", "%EF%BC%8F", "%C0%AF", "%",
);
const hostilePath = fc.array(fragment, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(""));
const method = fc.oneof(fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "get", "patch"), fc.string());
const query = fc.oneof(
  fc.constant(undefined),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }))),
  fc.anything(),
);
const body = fc.oneof(fc.constant(undefined), fc.jsonValue(), fc.anything());

/** A call the spec allows: a template's own method, simple query, a JSON body except on GET. */
const wellFormed = fc
  .tuple(fc.constantFrom(...templates), fc.array(id, { minLength: 6, maxLength: 6 }), fc.nat(), fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), fc.oneof(fc.string(), fc.integer())), fc.jsonValue())
  .map(([t, ids, m, q, b]) => {
    let i = 0;
    const methods = PATH_TEMPLATES[t]!;
    const chosen = methods[m % methods.length]!.toUpperCase();
    return { method: chosen, path: t.replace(/\{[^{}]+\}/g, () => ids[i++]!), query: q, ...(chosen === "GET" ? {} : { body: b }) };
  });

const input = fc.oneof(
  { arbitrary: wellFormed, weight: 2 },
  { arbitrary: fc.record({ method, path: fc.oneof(realPath, hostilePath, fc.string(), fc.webUrl()), query, body }, { requiredKeys: ["method", "path"] }), weight: 3 },
  { arbitrary: fc.anything(), weight: 1 },
);

describe("property: raw-api-request", () => {
  it("random input → one request on the base URL as a spec template, or InvalidInput with nothing sent; never a defect", async () => {
    let sent = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(input, async (candidate) => {
        const { exit, requests, valid } = await run(candidate);
        if (Exit.isSuccess(exit)) {
          expect(valid).toBe(true);
          expect(requests).toHaveLength(1);
          const url = new URL(requests[0]!.url);
          expect(url.origin).toBe(BASE);
          const match = matchPathTemplate(url.pathname);
          expect(match?.template).toBe(exit.value.template);
          expect(requests[0]!.method).toBe((candidate as { method: string }).method.toUpperCase());
          sent++;
          return;
        }
        const error = Cause.findErrorOption(exit.cause);
        expect(error._tag, `no typed error: ${String(exit.cause)}`).toBe("Some");
        if (error._tag !== "Some") return;
        expect(error.value._tag).toBe("InvalidInput");
        expect(valid).toBe(false);
        expect(requests).toHaveLength(0);
        refused++;
      }),
      { numRuns: 600 },
    );
    expect(sent).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });
});
