/**
 * Requests made from an operation's schemas, for the agreement test between raw-api-request's checks and Prism:
 * a minimal valid request (required fields only, first enum value, minimum numbers), and a mutation of it that
 * breaks one rule the spec states explicitly (a type, an enum, a required field or a maximum).
 */
import type { ApiOperation, CompactSchema } from "../../src/operations/catalogue.js";

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json };
type Schema = { readonly [k: string]: unknown };

const asSchema = (v: unknown): Schema => (v !== null && typeof v === "object" ? (v as Schema) : {});

// allOf parts merged into one object; a part that is a oneOf/anyOf contributes its first branch.
const merged = (input: Schema): Schema => {
  // Properties beside a oneOf (Front's analytics exports: `type`, `start`, `end` beside the column sets) join its first branch.
  const branches = (input["oneOf"] ?? input["anyOf"]) as ReadonlyArray<unknown> | undefined;
  const schema: Schema =
    branches !== undefined && branches.length > 0 && (input["properties"] !== undefined || input["required"] !== undefined)
      ? (({ oneOf: _o, anyOf: _a, ...rest }) => ({ ...rest, allOf: [...((rest["allOf"] as unknown[] | undefined) ?? []), branches[0]] }))(input as Record<string, unknown>)
      : input;
  const parts = (schema["allOf"] as ReadonlyArray<unknown> | undefined)?.map(asSchema).map((part) => {
    const choice = (part["oneOf"] ?? part["anyOf"]) as ReadonlyArray<unknown> | undefined;
    return merged(choice === undefined || choice.length === 0 ? part : asSchema(choice[0]));
  });
  if (parts === undefined) return schema;
  return {
    ...schema,
    type: "object",
    properties: Object.assign({}, ...parts.map((p) => p["properties"] ?? {}), schema["properties"] ?? {}),
    required: [...parts.flatMap((p) => (p["required"] as string[] | undefined) ?? []), ...((schema["required"] as string[] | undefined) ?? [])],
  };
};

/** A minimal value valid for a schema. */
export const sample = (input: unknown, depth = 0): Json => {
  const schema = merged(asSchema(input));
  const choice = (schema["oneOf"] ?? schema["anyOf"]) as ReadonlyArray<unknown> | undefined;
  if (choice !== undefined && choice.length > 0) return sample(choice[0], depth + 1);
  const enumeration = schema["enum"] as ReadonlyArray<Json> | undefined;
  if (enumeration !== undefined && enumeration.length > 0) return enumeration.find((v) => v !== null) ?? enumeration[0]!;
  if (schema["default"] !== undefined && typeof schema["default"] !== "object") return schema["default"] as Json;
  const type = Array.isArray(schema["type"]) ? (schema["type"] as string[]).find((t) => t !== "null") : (schema["type"] as string | undefined);
  switch (type ?? (schema["properties"] !== undefined ? "object" : "string")) {
    case "integer":
    case "number":
      return typeof schema["minimum"] === "number" ? schema["minimum"] : 1;
    case "boolean":
      return true;
    case "array": {
      const min = typeof schema["minItems"] === "number" ? schema["minItems"] : 0;
      return depth > 6 ? [] : Array.from({ length: Math.max(1, min) }, () => sample(schema["items"], depth + 1));
    }
    case "object": {
      const properties = asSchema(schema["properties"]);
      const required = (schema["required"] as string[] | undefined) ?? [];
      return Object.fromEntries(required.filter((k) => k in properties || depth < 6).map((k) => [k, sample(properties[k], depth + 1)]));
    }
    default: {
      const min = typeof schema["minLength"] === "number" ? schema["minLength"] : 1;
      return "x".repeat(Math.max(3, min));
    }
  }
};

/** A valid request of an operation: path filled with ids, required query parameters, a body when one is taken. */
export interface SampleRequest {
  readonly path: string;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, Json>>;
  readonly body?: Json;
}

export const validRequest = (op: ApiOperation): SampleRequest => {
  const pathParams: Record<string, string> = {};
  for (const p of op.parameters.filter((p) => p.in === "path")) {
    const value = sample(p.schema);
    pathParams[p.name] = typeof value === "string" && value !== "xxx" ? value : `${p.name.replace(/_id$/u, "").slice(0, 3)}_123`;
  }
  const query: Record<string, Json> = {};
  for (const p of op.parameters.filter((p) => p.in === "query" && p.required)) query[p.name] = sample(p.schema);
  const path = op.path.replace(/\{([^{}]+)\}/gu, (_, name: string) => encodeURIComponent(pathParams[name]!));
  // A body is sent whenever the operation takes one: Prism, like Front, may want it even when the spec leaves it optional.
  return { path, pathParams, query, ...(op.body === undefined ? {} : { body: sample(op.body) }) };
};

/** One invalid variant of a valid request, and what it breaks. */
export interface Mutation {
  readonly request: SampleRequest;
  readonly breaks: string;
}

const objectBody = (body: Json | undefined): Record<string, Json> | undefined =>
  body !== null && typeof body === "object" && !Array.isArray(body) ? { ...(body as Record<string, Json>) } : undefined;

/** An invalid variant of `validRequest(op)`, or undefined when the operation states no rule a request can break. */
export const mutate = (op: ApiOperation): Mutation | undefined => {
  const valid = validRequest(op);
  const query = op.parameters.filter((p) => p.in === "query" && p.style !== "deepObject");
  const limit = query.find((p) => typeof (p.schema as CompactSchema)["maximum"] === "number");
  if (limit !== undefined) {
    return { request: { ...valid, query: { ...valid.query, [limit.name]: ((limit.schema as Schema)["maximum"] as number) + 1 } }, breaks: `query.${limit.name} > maximum` };
  }
  const enumerated = query.find((p) => Array.isArray((p.schema as Schema)["enum"]));
  if (enumerated !== undefined) return { request: { ...valid, query: { ...valid.query, [enumerated.name]: "not-a-value" } }, breaks: `query.${enumerated.name} enum` };
  const body = objectBody(valid.body);
  if (body !== undefined) {
    const schema = merged(asSchema(op.body));
    const required = (schema["required"] as string[] | undefined) ?? [];
    if (required.length > 0) {
      const { [required[0]!]: _dropped, ...rest } = body;
      return { request: { ...valid, body: rest }, breaks: `body.${required[0]} required` };
    }
    const properties = asSchema(schema["properties"]);
    for (const [name, prop] of Object.entries(properties)) {
      const p = merged(asSchema(prop));
      if (p["readOnly"] === true) continue;
      const type = Array.isArray(p["type"]) ? undefined : p["type"];
      if (Array.isArray(p["enum"])) return { request: { ...valid, body: { ...body, [name]: "not-a-value" } }, breaks: `body.${name} enum` };
      if (type === "array" || type === "boolean" || type === "integer" || type === "number") {
        return { request: { ...valid, body: { ...body, [name]: type === "array" ? "not-an-array" : "not-a-scalar" } }, breaks: `body.${name} type ${String(type)}` };
      }
      if (type === "string") return { request: { ...valid, body: { ...body, [name]: { not: "a string" } } }, breaks: `body.${name} type string` };
    }
  }
  return undefined;
};
