/**
 * Issue 16 (5): what cannot be encoded into a request (a lone UTF-16 surrogate in an id, page token or query; a
 * body nested thousands deep) is InvalidInput — not a retried "Transport/other, check connectivity" — and
 * nothing reaches Front.
 */
import { describe, expect, it } from "vitest";
import { createFrontTools } from "../src/index.js";
import { fakeFetch, json } from "./support/fake-fetch.js";

const TOKEN = "tok_ENCODING_SECRET_0123456789";
const BASE = "http://127.0.0.1:9";
const LONE = "\uD800";

const deep = (depth: number): unknown => {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

const rejection = async (p: Promise<unknown>): Promise<Record<string, unknown>> => {
  try {
    await p;
  } catch (e) {
    return e as Record<string, unknown>;
  }
  throw new Error("expected a rejection");
};

const cases: ReadonlyArray<readonly [string, string, unknown]> = [
  ["a lone surrogate in an id", "get-conversation", { conversation_id: `cnv_${LONE}` }],
  ["a lone surrogate in a contact id", "get-contact", { contact_id: `crd_${LONE}` }],
  ["a lone surrogate in a page token", "list-contacts", { page_token: `tok${LONE}` }],
  ["a lone surrogate in a raw query", "raw-api-request", { method: "GET", path: "/contacts", query: { q: `x${LONE}` } }],
  ["a lone surrogate in a raw path", "raw-api-request", { method: "GET", path: `/contacts/crd_${LONE}` }],
  ["a body 5,000 deep", "raw-api-request", { method: "POST", path: "/contacts", body: deep(5_000) }],
];

describe("local encoding failures", () => {
  it.each(cases)("%s is InvalidInput, not retried, nothing sent", async (_what, tool, input) => {
    const { fetch, requests } = fakeFetch([json(200, {})]);
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch, burstPerSecond: 0 });
    try {
      const start = Date.now();
      const error = await rejection(ft.invoke(tool as "raw-api-request", input as never));
      expect(error["_tag"], String(error["message"])).toBe("InvalidInput");
      expect(error["retryable"]).toBe(false);
      expect(String(error["message"])).not.toContain("connectivity");
      expect(requests).toHaveLength(0);
      expect(Date.now() - start).toBeLessThan(1_000);
    } finally {
      await ft.dispose();
    }
  });
});

describe("invoke with Object.prototype's names (issue 16 item 6)", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"])(
    "invoke(%j) rejects with InvalidInput listing the valid names",
    async (name) => {
      const { fetch, requests } = fakeFetch([json(200, {})]);
      const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch, burstPerSecond: 0 });
      try {
        for (const call of [ft.invoke(name as "list-tags", {}), ft.invokeDetailed(name as "list-tags", {})]) {
          const error = await rejection(call);
          expect(error["_tag"], String(error["message"])).toBe("InvalidInput");
          expect(String(error["message"])).toContain("list-tags");
        }
        expect(requests).toHaveLength(0);
      } finally {
        await ft.dispose();
      }
    },
  );
});
