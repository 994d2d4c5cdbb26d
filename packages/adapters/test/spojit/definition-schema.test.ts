import { describe, expect, it } from "vitest";
import { frontAuthentication } from "../../src/spojit/authentication.js";
import type { SpojitConnectorDefinition } from "../../src/spojit/connector-types.js";
import { SPOJIT_CONNECTOR_SCHEMA_ID, spojitConnectorJsonSchema } from "../../src/spojit/definition-schema.js";
import { FRONT_CONNECTOR_ICON_SVG } from "../../src/spojit/icon.js";
import { ajv2020 } from "./ajv.js";

const validate = ajv2020().compile(spojitConnectorJsonSchema);

const minimal: SpojitConnectorDefinition = {
  $schema: SPOJIT_CONNECTOR_SCHEMA_ID,
  schemaVersion: 1,
  identifier: "front",
  displayName: "Front",
  description: "Front connector.",
  category: "Customer support",
  icon: { mediaType: "image/svg+xml", svg: FRONT_CONNECTOR_ICON_SVG },
  links: { homepage: "https://front.com", apiReference: "https://dev.frontapp.com", tokenHelp: "https://dev.frontapp.com/x" },
  authentication: frontAuthentication,
  tools: [
    {
      name: "list-tags",
      title: "List tags",
      description: "Lists tags.",
      inputSchema: { type: "object", properties: {} },
      outputSchema: { type: "object" },
      readOnly: true,
      destructive: false,
      idempotent: true,
      openWorld: true,
      examples: [{ title: "All tags", input: {} }],
    },
  ],
  usageTips: [{ id: "tip", title: "Tip", text: "Text.", tools: ["list-tags"] }],
};

const withTool = (patch: Record<string, unknown>) => ({ ...minimal, tools: [{ ...minimal.tools[0], ...patch }] });

describe("the connector definition's JSON Schema", () => {
  it("compiles under ajv strict mode and accepts a well-formed definition", () => {
    expect(validate(minimal), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ["a missing identifier", { ...minimal, identifier: undefined }],
    ["an unknown top-level field", { ...minimal, extra: 1 }],
    ["an icon that loads script", { ...minimal, icon: { mediaType: "image/svg+xml", svg: "<svg><script>x</script></svg>" } }],
    ["an http link", { ...minimal, links: { ...minimal.links, homepage: "http://front.com" } }],
    ["no secret field", { ...minimal, authentication: { ...frontAuthentication, fields: frontAuthentication.fields.filter((f) => f.type !== "secret") } }],
    ["a camelCase tool name", withTool({ name: "listTags" })],
    ["an input schema that is not an object schema", withTool({ inputSchema: { type: "string" } })],
    ["a read-only destructive tool", withTool({ readOnly: true, destructive: true })],
    ["a tool without examples", withTool({ examples: undefined })],
    ["a tip about no tool", { ...minimal, usageTips: [{ id: "t", title: "T", text: "x", tools: [] }] }],
  ])("rejects %s", (_label, definition) => {
    expect(validate(JSON.parse(JSON.stringify(definition)))).toBe(false);
  });
});
