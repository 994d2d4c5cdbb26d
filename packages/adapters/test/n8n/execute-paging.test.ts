/** The node's Return All / Limit over tool calls: the one page-through, bounded, driven by the tool's declared paging. */
import { type FrontTools, toolCatalog } from "@frontkit/tools";
import type { IExecuteFunctions } from "n8n-workflow";
import { describe, expect, it } from "vitest";
import { MAX_CALLS_PER_ITEM, runOperation } from "../../src/n8n/execute.js";
import { planOf } from "../../src/n8n/plan.js";

const plan = planOf(toolCatalog.find((t) => t.name === "list-contacts")!);

const ctx = (params: Record<string, unknown>) =>
  ({
    getNodeParameter: (name: string, _i: number, fallback?: unknown) => (name in params ? params[name] : fallback),
    getNode: () => ({ name: "Front", type: "front", typeVersion: 1, position: [0, 0], parameters: {} }),
  }) as unknown as IExecuteFunctions;

/** A FrontTools whose list-contacts answers with `page(n, input)`; every input is recorded. */
const toolsAnswering = (page: (n: number, input: Record<string, unknown>) => unknown) => {
  const inputs: Array<Record<string, unknown>> = [];
  const tools = {
    invoke: async (_name: string, input: Record<string, unknown>) => {
      inputs.push(input);
      return page(inputs.length, input);
    },
  } as unknown as FrontTools;
  return { tools, inputs };
};

describe("n8n Return All / Limit", () => {
  it("continues with each next token (tool's auto-paging on), stops at the end of the list", async () => {
    const { tools, inputs } = toolsAnswering((n) => ({ contacts: [{ id: `crd_${n}` }], ...(n < 3 ? { next_page_token: `t${n + 1}` } : {}) }));
    const out = await runOperation(ctx({ returnAll: true }), tools, plan, { sort_by: "updated_at" }, 0, undefined);
    expect(out.map((o) => o["id"])).toEqual(["crd_1", "crd_2", "crd_3"]);
    expect(inputs.map((i) => i["page_token"])).toEqual([undefined, "t2", "t3"]);
    expect(inputs[0]).toMatchObject({ sort_by: "updated_at", limit: 100, auto_paginate: true, max_results: 5000 });
  });

  it("a token handed back twice ends the list; a Limit ends it as soon as it is reached", async () => {
    const repeat = toolsAnswering(() => ({ contacts: [{ id: "crd" }], next_page_token: "same" }));
    expect(await runOperation(ctx({ returnAll: true }), repeat.tools, plan, {}, 0, undefined)).toHaveLength(2);
    expect(repeat.inputs).toHaveLength(2);
    const limited = toolsAnswering((n) => ({ contacts: [{ id: `a${n}` }, { id: `b${n}` }], next_page_token: `t${n + 1}` }));
    const out = await runOperation(ctx({ returnAll: false, limit: 3 }), limited.tools, plan, {}, 0, undefined);
    expect(out.map((o) => o["id"])).toEqual(["a1", "b1", "a2"]);
    expect(limited.inputs.map((i) => i["limit"])).toEqual([3, 1]);
  });

  it("is bounded: a list that never ends fails after MAX_CALLS_PER_ITEM calls rather than looping or coming back short", async () => {
    const endless = toolsAnswering((n) => ({ contacts: [{ id: `crd_${n}` }], next_page_token: `t${n + 1}` }));
    await expect(runOperation(ctx({ returnAll: true }), endless.tools, plan, {}, 4, undefined)).rejects.toThrowError(
      new RegExp(`Return All stopped after ${MAX_CALLS_PER_ITEM} calls of list-contacts \\(${MAX_CALLS_PER_ITEM} items\\)`),
    );
    expect(endless.inputs).toHaveLength(MAX_CALLS_PER_ITEM);
  });
});
