/**
 * search-api-operations finds the operation for the jobs agents ask for, and the descriptions of raw-api-request and
 * search-api-operations only name operations that exist in the corrected spec.
 */
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { apiOperations, runTool } from "../../src/index.js";
import { operationFor } from "../../src/operations/catalogue.js";
import { describeOperation } from "../../src/operations/describe.js";
import { rawApiRequest } from "../../src/tools/raw-api-request.js";
import { searchApiOperations, type SearchApiOperationsOutput } from "../../src/tools/search-api-operations.js";

// The tool never calls Front: its program needs no Front service, so it runs without one.
const search = (input: unknown) =>
  Effect.runPromiseExit(runTool(searchApiOperations, input) as unknown as Effect.Effect<SearchApiOperationsOutput, { readonly _tag: string }>);
const found = async (input: unknown): Promise<SearchApiOperationsOutput> => {
  const exit = await search(input);
  if (exit._tag === "Failure") throw new Error(`search failed: ${String(exit.cause)}`);
  return exit.value;
};


const JOBS: ReadonlyArray<readonly [string, string]> = [
  ["assign a conversation", "PUT /conversations/{conversation_id}/assignee"],
  ["archive", "PATCH /conversations/{conversation_id}"],
  ["add a comment", "POST /conversations/{conversation_id}/comments"],
  ["search conversations", "GET /conversations/search/{query}"],
  ["list a contact's conversations", "GET /contacts/{contact_id}/conversations"],
];

describe("search-api-operations", () => {
  it("the catalogue holds all 244 operations of the spec, each described", () => {
    expect(apiOperations()).toHaveLength(244);
    for (const op of apiOperations()) expect(describeOperation(op).shape.startsWith(`${op.method} ${op.path}`)).toBe(true);
  });

  for (const [job, expected] of JOBS) {
    it(`"${job}" → ${expected} in the top 3`, async () => {
      const out = await found({ query: job, limit: 3 });
      expect(out.operations.map((o) => `${o.method} ${o.path}`)).toContain(expected);
    });
  }

  it("filters by method and tag, returns parameters and the body schema", async () => {
    const out = await found({ query: "update conversation", method: "patch", tag: "conversations", limit: 2 });
    expect(out.operations.length).toBeGreaterThan(0);
    for (const op of out.operations) {
      expect(op.method).toBe("PATCH");
      expect(op.tags).toContain("Conversations");
    }
    const update = out.operations.find((o) => o.operation_id === "update-conversation");
    expect(update?.body?.properties).toHaveProperty("status");
    expect(update?.parameters.map((p) => p.name)).toEqual(["conversation_id"]);
  });

  it("invalid input is InvalidInput (empty query, limit over 20)", async () => {
    for (const input of [{ query: "" }, { query: "tags", limit: 50 }, {}]) {
      const exit = await search(input);
      expect(exit._tag).toBe("Failure");
      if (exit._tag === "Failure") expect(String(exit.cause)).toContain("InvalidInput");
    }
  });
});

describe("descriptions name operations that exist", () => {
  for (const tool of [rawApiRequest, searchApiOperations]) {
    it(`${tool.name}: every "→ METHOD /path" names a spec operation, and the five jobs are named`, () => {
      const named = [...tool.description.matchAll(/→ (GET|POST|PUT|PATCH|DELETE) (\/[^\s;,.]+)/g)].map((m) => [m[1]!, m[2]!] as const);
      expect(named.length).toBeGreaterThanOrEqual(7);
      for (const [method, path] of named) expect(operationFor(method, path), `${method} ${path}`).toBeDefined();
      for (const [, expected] of JOBS) expect(named.map(([m, p]) => `${m} ${p}`)).toContain(expected);
    });
  }
});
