// The definition's types are derived from its JSON Schema (issue 14: the format is declared once).
import { expectTypeOf, test } from "vitest";
import type {
  JsonSchemaObject,
  SpojitAuthField,
  SpojitConnectorDefinition,
  SpojitToolDefinition,
  SpojitToolExample,
  SpojitTriggerDefinition,
  SpojitTriggerDeliveryMode,
  SpojitUsageTip,
} from "../../src/spojit/index.js";

test("the derived types say what the schema says", () => {
  expectTypeOf<SpojitConnectorDefinition["schemaVersion"]>().toEqualTypeOf<1>();
  expectTypeOf<SpojitConnectorDefinition["icon"]["mediaType"]>().toEqualTypeOf<"image/svg+xml">();
  expectTypeOf<SpojitConnectorDefinition>().toHaveProperty("$schema").toEqualTypeOf<string | undefined>();
  expectTypeOf<SpojitAuthField["type"]>().toEqualTypeOf<"secret" | "url">();
  expectTypeOf<SpojitAuthField>().toHaveProperty("placeholder").toEqualTypeOf<string | undefined>();
  expectTypeOf<SpojitToolDefinition["readOnly"]>().toEqualTypeOf<boolean>();
  expectTypeOf<SpojitToolDefinition["inputSchema"]>().toEqualTypeOf<JsonSchemaObject>();
  expectTypeOf<SpojitToolExample>().toEqualTypeOf<{ readonly title: string; readonly input: JsonSchemaObject }>();
  expectTypeOf<SpojitTriggerDeliveryMode>().toEqualTypeOf<"webhook" | "poll">();
  expectTypeOf<SpojitTriggerDefinition["eventTypes"]>().toEqualTypeOf<ReadonlyArray<string>>();
  expectTypeOf<SpojitUsageTip["tools"]>().toEqualTypeOf<ReadonlyArray<string>>();
});

test("required fields are required, closed objects refuse unknown fields", () => {
  // @ts-expect-error a tool needs its examples
  const noExamples: SpojitToolDefinition = { name: "x", title: "X", description: "d", inputSchema: {}, outputSchema: {}, readOnly: true, destructive: false, idempotent: true, openWorld: true };
  // @ts-expect-error a tip has no `extra` field
  const extra: SpojitUsageTip = { id: "t", title: "T", text: "x", tools: ["x"], extra: 1 };
  void noExamples;
  void extra;
});
