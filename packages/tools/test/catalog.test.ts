import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { registry, toolCatalog, toolsByName } from "../src/index.js";

const allKeys = (node: unknown, out: string[] = []): string[] => {
  if (Array.isArray(node)) node.forEach((n) => allKeys(n, out));
  else if (typeof node === "object" && node !== null)
    for (const [k, v] of Object.entries(node)) {
      out.push(k);
      allKeys(v, out);
    }
  return out;
};

describe("registry and catalog", () => {
  it("lists tools in name order, each under its kebab-case name", () => {
    const names = registry.map((t) => t.name);
    expect(names).toEqual([...names].sort());
    for (const name of names) {
      expect(name).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(toolsByName[name]?.name).toBe(name);
    }
    expect(names).toEqual(expect.arrayContaining(["create-contact", "get-contact", "list-inboxes", "list-tags", "list-teammates"]));
  });

  it("derives a self-contained object JSON Schema for every input and output", () => {
    for (const entry of toolCatalog) {
      for (const schema of [entry.inputJsonSchema, entry.outputJsonSchema]) {
        expect(schema["type"]).toBe("object");
        expect(typeof schema["properties"]).toBe("object");
        expect(allKeys(schema)).not.toContain("$ref");
        expect(allKeys(schema)).not.toContain("$schema");
      }
      expect(entry.description.length).toBeGreaterThan(80);
      expect(entry.title.length).toBeGreaterThan(0);
      expect(Object.keys(entry.annotations).sort()).toEqual(["destructiveHint", "idempotentHint", "openWorldHint", "readOnlyHint"]);
    }
  });

  it("every schema compiles under ajv draft-07 and 2020-12 (strict)", () => {
    const draft07 = new Ajv({ strict: true, allErrors: true });
    const draft2020 = new Ajv2020({ strict: true, allErrors: true });
    for (const entry of toolCatalog) {
      for (const schema of [entry.inputJsonSchema, entry.outputJsonSchema]) {
        expect(() => draft07.compile(schema)).not.toThrow();
        expect(() => draft2020.compile(schema)).not.toThrow();
      }
    }
  });

  it("JSON Schema and decoder agree on simple cases: unknown fields refused, required fields required", () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    const createContact = toolCatalog.find((t) => t.name === "create-contact")!;
    const validate = ajv.compile(createContact.inputJsonSchema);
    expect(validate({ handles: [{ source: "email", handle: "a@b.c" }] })).toBe(true);
    expect(validate({})).toBe(false);
    expect(validate({ handles: [{ source: "email", handle: "a@b.c" }], bogus: 1 })).toBe(false);
    expect(validate({ handles: [] })).toBe(false);
  });

  it("annotations follow the tools' nature", () => {
    const hints = Object.fromEntries(toolCatalog.map((t) => [t.name, t.annotations]));
    for (const name of ["list-tags", "list-inboxes", "list-teammates", "get-contact"]) {
      expect(hints[name]).toEqual({ readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true });
    }
    expect(hints["create-contact"]).toMatchObject({ readOnlyHint: false, idempotentHint: false });
  });
});
