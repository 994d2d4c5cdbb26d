// The Promise facade's tool types are generated from the schemas at build time (scripts/facade-types.mjs). These
// tests prove the generator follows the schemas: the file the build wrote is what the schemas say now, and a
// changed schema field, or a tool added with one registry line and its file, shows up in the generated types.
// (test/promise-types.test.ts proves each generated type equal to the schema-derived one.)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generateFacadeTypes, OUTPUT } from "../scripts/facade-types.mjs";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const src = (rel: string) => fileURLToPath(new URL(`../src/${rel}`, import.meta.url));
const read = (rel: string) => readFileSync(src(rel), "utf8");

/** The body of `export interface <name> { … }` in a generated source. */
const interfaceBody = (source: string, name: string): string => {
  const match = source.match(new RegExp(`export interface ${name} \\{\\n([\\s\\S]*?)\\n\\}`));
  if (match?.[1] === undefined) throw new Error(`no interface ${name} in the generated types`);
  return match[1];
};

// Generating reads the tools' types with the TypeScript checker (seconds on a loaded machine): once for the tree as it is.
const SLOW = 180_000;
let current: string | undefined;
const generatedNow = (): string => (current ??= generateFacadeTypes({ packageDir }));

describe("facade types generated from the schemas", () => {
  it(
    "the generated file is current: what the build wrote equals what the schemas generate now",
    () => {
      const written = readFileSync(fileURLToPath(new URL(`../${OUTPUT}`, import.meta.url)), "utf8");
      expect(generatedNow(), "run `npm run codegen -w @frontkit/tools` (the build does it)").toBe(written);
    },
    SLOW,
  );

  it(
    "a changed schema field and a tool added with one registry line appear in the facade types",
    () => {
      const listTags = read("tools/list-tags.ts");
      const registry = read("registry.ts");
      const changedListTags = listTags
        // a new optional input field, with its description
        .replace("export const ListTagsInput = Schema.Struct({", 'export const ListTagsInput = Schema.Struct({\n  prefix: Schema.optionalKey(Schema.String).annotate({ description: "Only tags starting with this." }),')
        // an output field whose type changes
        .replace("count: Schema.Int,", "count: Schema.String,");
      expect(changedListTags).not.toBe(listTags);
      const newTool = [
        'import { Effect, Schema } from "effect";',
        'import { defineTool } from "../definition.js";',
        'import { Tag } from "../schemas/tag.js";',
        "export const EchoTagInput = Schema.Struct({ tag: Tag, times: Schema.optionalKey(Schema.Int) });",
        "export const EchoTagOutput = Schema.Struct({ tags: Schema.Array(Tag) });",
        "export const echoTag = defineTool({",
        '  name: "echo-tag",',
        '  title: "Echo tag",',
        '  description: "Use this to test the generator. Returns the tag.",',
        "  input: EchoTagInput,",
        "  output: EchoTagOutput,",
        "  annotations: { readOnly: true, destructive: false, idempotent: true, openWorld: false },",
        "  run: (input) => Effect.succeed({ tags: [input.tag] }),",
        "});",
      ].join("\n");
      const changedRegistry = registry
        .replace('import { addTag } from "./tools/add-tag.js";', 'import { addTag } from "./tools/add-tag.js";\nimport { echoTag } from "./tools/echo-tag.js";')
        .replace('"create-contact": createContact,', '"create-contact": createContact,\n  "echo-tag": echoTag,');
      expect(changedRegistry).not.toBe(registry);

      const before = generatedNow();
      const after = generateFacadeTypes({
        packageDir,
        sourceOverrides: new Map([
          [src("tools/list-tags.ts"), changedListTags],
          [src("tools/echo-tag.ts"), newTool],
          [src("registry.ts"), changedRegistry],
        ]),
      });

      expect(interfaceBody(before, "ListTagsInput")).not.toContain("prefix");
      expect(interfaceBody(after, "ListTagsInput")).toContain("/** Only tags starting with this. */\n  readonly prefix?: string;");
      expect(interfaceBody(before, "ListTagsOutput")).toContain("readonly count: number;");
      expect(interfaceBody(after, "ListTagsOutput")).toContain("readonly count: string;");

      // The new tool: its types (reusing the shared Tag), its method and its invoke entry.
      expect(before).not.toContain("EchoTag");
      expect(interfaceBody(after, "EchoTagInput")).toContain("readonly tag: Tag;");
      expect(interfaceBody(after, "EchoTagInput")).toContain("readonly times?: number;");
      expect(interfaceBody(after, "EchoTagOutput")).toContain("readonly tags: ReadonlyArray<Tag>;");
      expect(interfaceBody(after, "FrontToolMethods")).toContain(
        "readonly echoTag: (input: EchoTagInput, options?: InvokeOptions) => Promise<EchoTagOutput>;",
      );
      expect(interfaceBody(after, "FrontToolTypes")).toContain('readonly "echo-tag": { readonly input: EchoTagInput; readonly output: EchoTagOutput };');
    },
    SLOW,
  );
});
