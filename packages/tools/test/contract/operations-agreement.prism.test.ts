/**
 * Agreement over all 244 Core API operations between raw-api-request's checks (the generated validators) and Prism
 * on the same corrected spec: a valid request made from each operation's schemas passes ours and Prism accepts it
 * (no 422); a mutated invalid one is refused by ours with nothing sent, and Prism refuses it too when sent directly.
 * The figures are printed; where the two cannot agree for a documented reason the operation is listed below.
 */
import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { apiOperations, type ApiOperation, type RawApiRequestInput } from "../../src/index.js";
import { checkOperationRequest } from "../../src/operations/check-request.js";
import { mutate, type SampleRequest, validRequest } from "../support/operation-samples.js";
import { usePrismClient } from "../support/prism-client.js";

/** Operations raw-api-request cannot call at all, with the reason (none since trailing-slash templates are reached without the slash). */
const UNCALLABLE: Readonly<Record<string, string>> = {};

/** Operations whose mutated request Prism accepts although the spec refuses it, with the reason. */
const PRISM_LENIENT: Readonly<Record<string, string>> = {};

/**
 * Valid requests written by hand where the generated one meets a Prism quirk, with the reason. Ours checks the
 * generated one too (it passes); only what is sent to Prism differs.
 */
const HAND_WRITTEN_VALID: Readonly<Record<string, { readonly body: unknown; readonly reason: string }>> = {
  "create-analytics-export": {
    body: { type: "events", start: 1_700_000_000, end: 1_700_086_400, columns: ["Activity ID"] },
    reason:
      "the body is a oneOf of two column sets told apart by the discriminator `type`; Prism ignores the discriminator and needs exactly one " +
      "branch to match, and every messages column is also an events column, so Prism refuses every messages export (ours reads it as anyOf)",
  },
};

const errorOf = async (promise: Promise<unknown>): Promise<{ _tag?: string; status?: number; message?: string } | undefined> => {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error as { _tag?: string; status?: number };
  }
};

// The generated query and body are JSON; raw-api-request's input types are narrower (a body is an object, query
// values scalars or one level of fields), and a mismatch is exactly what the check under test must refuse.
const rawInput = (op: ApiOperation, request: SampleRequest): RawApiRequestInput =>
  ({
    method: op.method,
    // PATCH /comments/{comment_id}/ and PATCH /drafts/{message_id}/: raw-api-request takes the path without the slash.
    path: request.path.replace(/\/$/u, ""),
    ...(Object.keys(request.query).length === 0 ? {} : { query: request.query }),
    ...(request.body === undefined || op.method === "GET" ? {} : { body: request.body }),
  }) as RawApiRequestInput;

describe("raw-api-request and Prism agree on every operation", () => {
  const prism = usePrismClient();

  it("valid requests pass both; mutated ones are refused by both, ours sending nothing", async () => {
    const prismUrl = (inject("prismUrl") as string | undefined) ?? prism.proxy.url;
    const figures = { operations: 0, validOurs: 0, validPrismAccepted: 0, mutated: 0, mutatedRefusedOurs: 0, mutatedRefusedPrism: 0, noRuleToBreak: 0, undeclaredQueryPrismIgnored: 0, uncallable: 0 };
    const disagreements: string[] = [];
    for (const op of apiOperations()) {
      figures.operations++;
      if (UNCALLABLE[op.operationId] !== undefined) {
        figures.uncallable++;
        continue;
      }
      const valid = validRequest(op);
      const issues = checkOperationRequest(op, { path: valid.pathParams, query: valid.query, body: op.method === "GET" ? undefined : valid.body });
      if (issues.length > 0) disagreements.push(`${op.operationId}: our check refuses the generated valid request: ${JSON.stringify(issues)}`);
      else figures.validOurs++;
      prism.proxy.reset();
      const handWritten = HAND_WRITTEN_VALID[op.operationId];
      if (handWritten !== undefined) {
        expect(checkOperationRequest(op, { path: valid.pathParams, query: valid.query, body: handWritten.body })).toEqual([]);
      }
      const sent: { _tag?: string; status?: number; message?: string; details?: ReadonlyArray<string> } | undefined = await errorOf(
        prism.tools.invoke("raw-api-request", rawInput(op, handWritten === undefined ? valid : { ...valid, body: handWritten.body as NonNullable<SampleRequest["body"]> })),
      );
      if (sent?.status === 422 || sent?._tag === "InvalidInput") disagreements.push(`${op.operationId}: valid request refused: ${sent._tag} ${sent.message ?? ""} ${JSON.stringify(sent.details)} body=${JSON.stringify(valid.body)}`);
      else figures.validPrismAccepted++;

      // Operations whose parameters and body state no rule a request can break (free-text ids, no body) are
      // mutated with a query parameter they do not declare: ours refuses it (a typo Front would ignore), Prism does not check.
      const stated = mutate(op);
      if (stated === undefined) figures.noRuleToBreak++;
      const mutation = stated ?? { request: { ...valid, query: { ...valid.query, not_a_parameter: "x" } }, breaks: "an undeclared query parameter" };
      figures.mutated++;
      prism.proxy.reset();
      const ours = await errorOf(prism.tools.invoke("raw-api-request", rawInput(op, mutation.request)));
      if (ours?._tag === "InvalidInput" && prism.proxy.requests.length === 0) figures.mutatedRefusedOurs++;
      else disagreements.push(`${op.operationId}: ours let ${mutation.breaks} through (${ours?._tag ?? "sent"}, ${prism.proxy.requests.length} requests)`);

      const url = new URL(`${prismUrl}${mutation.request.path}`);
      for (const [k, v] of Object.entries(mutation.request.query)) url.searchParams.set(k, String(v));
      const direct = await fetch(url, {
        method: op.method,
        headers: { authorization: "Bearer tok_contract", ...(mutation.request.body === undefined ? {} : { "content-type": "application/json" }) },
        ...(mutation.request.body === undefined || op.method === "GET" ? {} : { body: JSON.stringify(mutation.request.body) }),
      });
      await direct.arrayBuffer();
      if (direct.status === 422) figures.mutatedRefusedPrism++;
      else if (stated === undefined) figures.undeclaredQueryPrismIgnored++;
      else if (PRISM_LENIENT[op.operationId] === undefined) disagreements.push(`${op.operationId}: Prism answered ${direct.status} to ${mutation.breaks}`);
    }
    console.log(`operations agreement (raw-api-request checks vs Prism): ${JSON.stringify(figures)}`);
    console.log(`exceptions: ${JSON.stringify({ uncallable: UNCALLABLE, undeclaredQuery: "Prism does not refuse query parameters an operation does not declare; ours does (Front would silently ignore the typo)", prismLenient: PRISM_LENIENT, handWrittenValid: HAND_WRITTEN_VALID })}`);
    expect(disagreements).toEqual([]);
    expect(figures.operations).toBe(244);
    expect(figures.validPrismAccepted).toBe(244 - figures.uncallable);
    expect(figures.mutatedRefusedOurs).toBe(figures.mutated);
    expect(figures.mutated).toBe(244 - figures.uncallable);
    // Every mutation that breaks a rule the spec states is refused by Prism too.
    expect(figures.mutatedRefusedPrism + figures.undeclaredQueryPrismIgnored).toBe(figures.mutated);
    expect(figures.mutatedRefusedPrism).toBeGreaterThanOrEqual(figures.mutated - figures.noRuleToBreak);
  }, 600_000);
});
