// The one token rule (src/token.ts) as each tools entry point applies it: the Promise facade, Front.layer
// and Front.layerConfig refuse the same tokens with the same words, never echoing the token.
import { assert, describe, it } from "@effect/vitest";
import { ConfigProvider, Effect, Exit, Layer, Redacted } from "effect";
import { expect } from "vitest";
import { checkFrontToken, createFrontTools, Front, isFrontToolError, listTags, runTool } from "../src/index.js";
import { MAX_FRONT_TOKEN_LENGTH, MIN_FRONT_TOKEN_LENGTH } from "../src/token.js";
import { fakeFetch, json } from "./support/fake-fetch.js";

const BASE = "http://127.0.0.1:9";
const GOOD = "eyJhbGciOiJIUzI1NiJ9.eyJzY29wZXMiOlsic2hhcmVkOioiXX0.c2lnbmF0dXJlLW5vdC1yZWFs";

/** Tokens a new user pastes, and what the rule says about each. */
export const CANDIDATES: ReadonlyArray<readonly [label: string, token: string, problem: RegExp | undefined]> = [
  ["empty", "", /empty/],
  ["only whitespace", " \n\t ", /empty/],
  ["one character", "x", /too short \(1 characters/],
  ["a placeholder", "YOUR_TOKEN_HERE", /too short \(15 characters/],
  ["a space inside", "eyJhbGciOiJIUzI1NiJ9 .eyJzY29wZXMiOlsic2hhcmVkOioiXX0", /a space \(character 21 of/],
  ["a line break inside", "eyJhbGciOiJIUzI1NiJ9\neyJzY29wZXMiOlsic2hhcmVkOioiXX0", /a line break/],
  ["a control character", "eyJhbGciOiJIUzI1NiJ9\u0000eyJzY29wZXMiOlsic2hhcmVkOioiXX0", /a control character/],
  ["a non-ASCII character", "eyJhbGciOiJIUzI1NiJ9…eyJzY29wZXMiOlsic2hhcmVkOioiXX0", /a non-ASCII character/],
  ["far too long", "a".repeat(MAX_FRONT_TOKEN_LENGTH + 1), /too long/],
  ["the shortest accepted", "t".repeat(MIN_FRONT_TOKEN_LENGTH), undefined],
  ["a JWT", GOOD, undefined],
  ["a JWT with a trailing newline", `  ${GOOD}\n`, undefined],
];

describe("checkFrontToken", () => {
  for (const [label, token, problem] of CANDIDATES) {
    it(`${label}: ${problem === undefined ? "accepted" : "refused"}, never echoed`, () => {
      const check = checkFrontToken(token);
      if (problem === undefined) {
        expect(check).toEqual({ ok: true, token: token.trim() });
      } else {
        expect(check.ok).toBe(false);
        if (!check.ok) {
          expect(check.problem).toMatch(problem);
          if (token.trim().length > 3) expect(check.problem).not.toContain(token.trim());
        }
      }
    });
  }
  it("refuses what is not a string", () => {
    expect(checkFrontToken(undefined)).toMatchObject({ ok: false, problem: expect.stringMatching(/missing/) });
    expect(checkFrontToken(42)).toMatchObject({ ok: false });
  });
});

describe("every tools entry point applies it", () => {
  for (const [label, token, problem] of CANDIDATES) {
    it(`createFrontTools: ${label}`, () => {
      const create = () => createFrontTools({ token, baseUrl: BASE });
      if (problem === undefined) {
        void create().dispose();
        return;
      }
      let thrown: unknown;
      try {
        create();
      } catch (e) {
        thrown = e;
      }
      expect(isFrontToolError(thrown)).toBe(true);
      expect(thrown).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "token", message: expect.stringMatching(problem) }] });
      if (token.trim().length > 3) expect(JSON.stringify(thrown) + String(thrown)).not.toContain(token.trim());
    });
  }

  it.effect("Front.layer with a Redacted token that is too short fails with the rule's words", () =>
    Effect.gen(function* () {
      const exit = yield* Effect.exit(Layer.build(Front.layer({ token: Redacted.make("short"), baseUrl: BASE })).pipe(Effect.scoped));
      assert.isTrue(Exit.isFailure(exit));
      assert.match(String(exit), /too short \(5 characters/);
    }),
  );

  it.effect("Front.layerConfig refuses FRONT_API_TOKEN=x with the rule's words", () =>
    Effect.gen(function* () {
      const env = ConfigProvider.layer(ConfigProvider.fromEnvRecord({ FRONT_API_TOKEN: "x" }));
      const exit = yield* Effect.exit(Layer.build(Front.layerConfig().pipe(Layer.provide(env))).pipe(Effect.scoped));
      assert.isTrue(Exit.isFailure(exit));
      assert.match(String(exit), /too short \(1 characters/);
    }),
  );

  it.effect("a token with surrounding whitespace is sent trimmed", () =>
    Effect.gen(function* () {
      const { fetch, requests } = fakeFetch([json(200, { _results: [] })]);
      yield* runTool(listTags, {}).pipe(Effect.provide(Front.layer({ token: `${GOOD}\n`, baseUrl: BASE, fetch, burstPerSecond: 0 })));
      assert.strictEqual(requests[0]!.headers.get("authorization"), `Bearer ${GOOD}`);
    }),
  );
});
