import { toolCatalog, toolNames } from "@frontkit/tools";
import { describe, expect, it } from "vitest";
import {
  buildFrontConnector,
  frontConnector,
  frontToolExamples,
  frontUsageTips,
  spojitConnectorJsonSchema,
} from "../../src/spojit/index.js";
import { ajv2020, compileToolSchema } from "./ajv.js";

describe("the Front connector definition", () => {
  it("validates against its own JSON Schema", () => {
    const validate = ajv2020().compile(spojitConnectorJsonSchema);
    expect(validate(frontConnector), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("is plain JSON: emitting and re-reading it changes nothing", () => {
    expect(JSON.parse(JSON.stringify(frontConnector))).toEqual(frontConnector);
  });

  it("has identifier front, an SVG icon and API-token authentication with a secret token and optional base URL", () => {
    expect(frontConnector.identifier).toBe("front");
    expect(frontConnector.icon.svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const fields = Object.fromEntries(frontConnector.authentication.fields.map((f) => [f.key, f]));
    expect(fields.token).toMatchObject({ type: "secret", required: true });
    expect(fields.baseUrl).toMatchObject({ type: "url", required: false, default: "https://api2.frontapp.com" });
    const setup = [...frontConnector.authentication.setupSteps, ...frontConnector.authentication.notes].join(" ");
    expect(setup).toContain("Settings → Developers");
    expect(setup).toMatch(/API Tokens/i);
    expect(setup).toMatch(/inherits the access of the teammate/);
    expect(setup).toMatch(/rotate/i);
  });

  it("has exactly the registry's tools, in its order, with their names, descriptions, schemas and flags", () => {
    expect(frontConnector.tools.map((t) => t.name)).toEqual([...toolNames]);
    for (const [i, entry] of toolCatalog.entries()) {
      const tool = frontConnector.tools[i];
      expect(tool).toMatchObject({
        name: entry.name,
        title: entry.title,
        description: entry.description,
        readOnly: entry.annotations.readOnlyHint,
        destructive: entry.annotations.destructiveHint,
        idempotent: entry.annotations.idempotentHint,
        openWorld: entry.annotations.openWorldHint,
      });
      expect(tool?.inputSchema).toEqual(entry.inputJsonSchema);
      expect(tool?.outputSchema).toEqual(entry.outputJsonSchema);
    }
  });

  it("is derived, not restated: a changed catalog gives a changed definition", () => {
    const [first, ...rest] = toolCatalog;
    if (first === undefined) throw new Error("empty catalog");
    const changed = buildFrontConnector([{ ...first, description: "Changed upstream." }, ...rest]);
    expect(changed.tools[0]?.description).toBe("Changed upstream.");
    const subset = buildFrontConnector(rest);
    expect(subset.tools).toHaveLength(rest.length);
    for (const tip of subset.usageTips) expect(tip.tools).not.toContain(first.name);
  });

  it("has usage tips about caching, channel ids, existing tags and merged conversations, each naming real tools", () => {
    const text = frontConnector.usageTips.map((t) => `${t.title} ${t.text}`).join("\n");
    expect(text).toMatch(/list-inboxes/);
    expect(text).toMatch(/cache/i);
    expect(text).toMatch(/channel id \(cha_…\), not an inbox id \(inb_…\)/);
    expect(text).toMatch(/never creates a tag/);
    expect(text).toMatch(/Merged conversations change ids/);
    // The hand-written tips, not the filtered ones in the definition: a misspelt tool name must fail here.
    for (const tip of frontUsageTips) for (const name of tip.tools) expect(toolNames).toContain(name);
    expect(new Set(frontConnector.usageTips.map((t) => t.id)).size).toBe(frontConnector.usageTips.length);
  });

  it("gives examples only for real tools, and at least one for every tool", () => {
    for (const name of Object.keys(frontToolExamples)) expect(toolNames).toContain(name);
    for (const tool of frontConnector.tools) expect(tool.examples.length, tool.name).toBeGreaterThan(0);
  });

  describe.each(frontConnector.tools.map((t) => [t.name, t] as const))("%s", (_name, tool) => {
    it("has input and output schemas that compile in ajv", () => {
      expect(() => compileToolSchema(tool.inputSchema)).not.toThrow();
      expect(() => compileToolSchema(tool.outputSchema)).not.toThrow();
      expect(tool.inputSchema.type).toBe("object");
    });

    it("accepts every documented example, and its schema rejects an unknown field", () => {
      const validate = compileToolSchema(tool.inputSchema);
      for (const example of tool.examples) {
        expect(validate(example.input), `${example.title}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
      expect(validate({ ...tool.examples[0]?.input, definitely_not_a_field: 1 })).toBe(false);
    });
  });
});
