/**
 * Property-test harness shared by the tools' *.properties.test.ts files: runs a tool on
 * random input against a fake fetch that records requests, and asserts that it either
 * succeeds having sent requests (then `onValid` checks them) or fails with InvalidInput
 * having sent nothing — never a crash (defect). Both branches must be seen.
 */
import { Cause, Effect, Exit } from "effect";
import fc from "fast-check";
import { expect } from "vitest";
import { type AnyToolDefinition, decodeToolInput, Front, FrontRetry, runTool } from "../../src/index.js";
import { type Answer, fakeFetch, json, type Recorded } from "./fake-fetch.js";

export const BASE = "http://127.0.0.1:9";
export const TOKEN = "tok_prop_0123456789";

export const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
export const timestamp = fc.oneof(
  fc.integer({ min: 0, max: 4_000_000_000 }),
  fc.double({ min: -10, max: 2e12 }),
  fc.date({ min: new Date("1990-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.string(),
  scalar,
);

// A page of one item for every list, one object otherwise; the item's timestamps are recent so date filters keep it.
export const pageOrItemAnswer = (req: Request) => {
  const path = new URL(req.url).pathname;
  const item = { id: path.includes("contacts") ? "crd_1" : path.endsWith("/messages") ? "msg_1" : "cnv_1", updated_at: 4_100_000_000 };
  if (/^\/(contacts|conversations|inboxes\/[^/]+\/conversations|conversations\/[^/]+\/messages)$/.test(path))
    return json(200, { _results: [item], _pagination: { next: null } });
  return json(200, item);
};

/** Runs `tool` once on `input` against a fresh fake fetch; tells whether the input decodes. */
export const runOnce = async (tool: AnyToolDefinition, input: unknown, answer: Answer) => {
  const { fetch, requests } = fakeFetch([answer]);
  const layer = Front.layer({ token: TOKEN, baseUrl: BASE, fetch, retry: FrontRetry.none, burstPerSecond: 0, cacheTtl: 0 });
  const exit = await Effect.runPromiseExit(runTool(tool, input).pipe(Effect.provide(layer)));
  const valid = Exit.isSuccess(await Effect.runPromiseExit(decodeToolInput(tool, input)));
  return { exit, requests, valid };
};

/** Every request went to the base URL with the token, and any `limit` is within 1..100. */
export const expectWellFormed = (requests: ReadonlyArray<Recorded>) => {
  for (const r of requests) {
    const url = new URL(r.url);
    expect(url.origin).toBe(BASE);
    expect(r.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    const limit = url.searchParams.get("limit");
    if (limit !== null) expect(Number(limit)).toBeGreaterThanOrEqual(1);
    if (limit !== null) expect(Number(limit)).toBeLessThanOrEqual(100);
  }
};

export interface PropertyOptions {
  readonly tool: AnyToolDefinition;
  readonly arbitrary: fc.Arbitrary<unknown>;
  readonly answer: Answer;
  /** Further checks of a successful call's requests (after valid and at-least-one-request are asserted). */
  readonly onValid: (input: unknown, requests: ReadonlyArray<Recorded>) => void;
  readonly numRuns?: number;
}

/** The property: InvalidInput with nothing sent, or a valid call; never a defect; both branches exercised. */
export const assertInvalidInputOrValidCall = async ({ tool, arbitrary, answer, onValid, numRuns = 300 }: PropertyOptions) => {
  let validSeen = 0;
  let invalidSeen = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      const { exit, requests, valid } = await runOnce(tool, input, answer);
      if (Exit.isSuccess(exit)) {
        expect(valid).toBe(true);
        expect(requests.length).toBeGreaterThan(0);
        onValid(input, requests);
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
    { numRuns },
  );
  // The generators must exercise both branches, or the property proves little.
  expect(invalidSeen).toBeGreaterThan(0);
  expect(validSeen).toBeGreaterThan(0);
};
