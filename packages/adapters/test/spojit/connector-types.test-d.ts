// The definition's types are derived from its JSON Schema (issue 14: the format is declared once).
import { expectTypeOf, test } from "vitest";
import type * as Spojit from "../../src/spojit/index.js";

test("the derived types say what the schema says", () => {
  expectTypeOf<Spojit.SpojitConnectorDefinition["schemaVersion"]>().toEqualTypeOf<1>();
  expectTypeOf<Spojit.SpojitConnectorDefinition["icon"]["mediaType"]>().toEqualTypeOf<"image/svg+xml">();
  expectTypeOf<Spojit.SpojitConnectorDefinition>().toHaveProperty("$schema").toEqualTypeOf<string | undefined>();
  expectTypeOf<Spojit.SpojitAuthField["type"]>().toEqualTypeOf<"secret" | "url">();
  expectTypeOf<Spojit.SpojitAuthField>().toHaveProperty("placeholder").toEqualTypeOf<string | undefined>();
  expectTypeOf<Spojit.SpojitToolDefinition["readOnly"]>().toEqualTypeOf<boolean>();
  expectTypeOf<Spojit.SpojitToolDefinition["inputSchema"]>().toEqualTypeOf<Spojit.JsonSchemaObject>();
  expectTypeOf<Spojit.SpojitToolExample>().toEqualTypeOf<{ readonly title: string; readonly input: Spojit.JsonSchemaObject }>();
  expectTypeOf<Spojit.SpojitTriggerDeliveryMode>().toEqualTypeOf<"webhook" | "poll">();
  expectTypeOf<Spojit.SpojitTriggerDefinition["eventTypes"]>().toEqualTypeOf<ReadonlyArray<string>>();
  expectTypeOf<Spojit.SpojitUsageTip["tools"]>().toEqualTypeOf<ReadonlyArray<string>>();
});

test("required fields are required, closed objects refuse unknown fields", () => {
  // @ts-expect-error a tool needs its examples
  const noExamples: Spojit.SpojitToolDefinition = { name: "x", title: "X", description: "d", inputSchema: {}, outputSchema: {}, readOnly: true, destructive: false, idempotent: true, openWorld: true };
  // @ts-expect-error a tip has no `extra` field
  const extra: Spojit.SpojitUsageTip = { id: "t", title: "T", text: "x", tools: ["x"], extra: 1 };
  void noExamples;
  void extra;
});
