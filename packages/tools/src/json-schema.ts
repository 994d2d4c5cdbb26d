/**
 * Plain JSON Schema for a tool's input or output, derived from its Effect Schema.
 *
 * Effect emits a draft 2020-12 document with `$defs`-style definitions; MCP
 * clients, n8n and ajv want one self-contained object schema, so references are
 * inlined (tool schemas are not recursive) and the `$schema` key is left out so
 * draft-07 and 2020-12 validators both accept it.
 */
import { Schema } from "effect";

/** A JSON Schema object. */
export type JsonSchemaObject = { readonly [key: string]: unknown };

const REF_PREFIXES = ["#/$defs/", "#/definitions/"];

const inline = (node: unknown, definitions: Record<string, unknown>, seen: ReadonlyArray<string>): unknown => {
  if (Array.isArray(node)) return node.map((n) => inline(n, definitions, seen));
  if (typeof node !== "object" || node === null) return node;
  const obj = node as Record<string, unknown>;
  const ref = obj["$ref"];
  if (typeof ref === "string") {
    const prefix = REF_PREFIXES.find((p) => ref.startsWith(p));
    const name = prefix === undefined ? undefined : decodeURIComponent(ref.slice(prefix.length)).replace(/~1/g, "/").replace(/~0/g, "~");
    if (name !== undefined && name in definitions && !seen.includes(name)) {
      const { $ref: _ignored, ...siblings } = obj;
      const target = inline(definitions[name], definitions, [...seen, name]) as Record<string, unknown>;
      return { ...target, ...(inline(siblings, definitions, seen) as Record<string, unknown>) };
    }
    return obj; // recursive or foreign: left as is (never the case for tool schemas)
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = inline(v, definitions, seen);
  return out;
};

/** JSON Schema of an Effect Schema, self-contained; objects refuse unknown properties like the decoder does. */
export const toPlainJsonSchema = (schema: Schema.Top): JsonSchemaObject => {
  const document = Schema.toJsonSchemaDocument(schema, { onExcessProperty: "error" });
  const definitions = (document.definitions ?? {}) as Record<string, unknown>;
  const plain = inline(document.schema, definitions, []) as Record<string, unknown>;
  // MCP clients expect `properties` on an object schema, even an empty one.
  if (plain["type"] === "object" && !("properties" in plain) && !("patternProperties" in plain) && plain["additionalProperties"] === false) {
    return { ...plain, properties: {} };
  }
  return plain;
};
