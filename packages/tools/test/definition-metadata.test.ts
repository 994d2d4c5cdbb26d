// What a definition tells adapters (menu, paging, attachments, examples) is true of the tool's own schemas, so an
// adapter can follow it without guessing (issue 14).
import { Effect, Exit } from "effect";
import { describe, expect, it } from "vitest";
import { decodeToolInput } from "../src/definition.js";
import { agentTools, mcpToolCatalog, registry } from "../src/registry.js";

const props = (schema: unknown): Record<string, { type?: unknown; items?: unknown }> =>
  ((schema as { properties?: Record<string, { type?: unknown; items?: unknown }> }).properties ?? {});

describe.each([...registry, ...Object.values(agentTools)].map((t) => [t.name, t] as const))("%s", (_name, tool) => {
  it("has examples, each a valid input", () => {
    expect(tool.examples.length).toBeGreaterThan(0);
    for (const example of tool.examples) {
      const exit = Effect.runSyncExit(decodeToolInput(tool, example.input));
      expect(Exit.isSuccess(exit), `${example.title}: ${String(exit)}`).toBe(true);
    }
  });

  it("names only fields its schemas have", () => {
    const entry = mcpToolCatalog.find((e) => e.name === tool.name);
    if (entry === undefined) throw new Error("not in the catalog");
    const input = props(entry.inputJsonSchema);
    const output = props(entry.outputJsonSchema);
    const paging = tool.paging;
    if (paging !== undefined) {
      expect(output[paging.items]?.type).toBe("array");
      if (paging.mode === "cursor") {
        expect(Object.keys(input)).toEqual(expect.arrayContaining([paging.limit, paging.cursor]));
        expect(Object.keys(output)).toContain(paging.next);
        if (paging.autoPaginate !== undefined) expect(Object.keys(input)).toEqual(expect.arrayContaining([paging.autoPaginate.flag, paging.autoPaginate.maxResults]));
      }
    }
    const attachments = tool.attachments;
    if (attachments !== undefined) {
      const item = props((input[attachments.field] as { items?: unknown } | undefined)?.items);
      expect(Object.keys(item)).toEqual(expect.arrayContaining([attachments.filename, attachments.contentType, attachments.data]));
    }
    expect(entry.menu).toEqual(tool.menu);
    expect(entry.examples).toEqual(tool.examples);
  });
});

describe("menus", () => {
  it("give every connector tool its own resource/operation pair", () => {
    const pairs = registry.map((t) => `${t.menu?.resource}/${t.menu?.operation}`);
    expect(registry.every((t) => t.menu !== undefined)).toBe(true);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});
