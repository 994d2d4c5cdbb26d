/**
 * A tool's input JSON Schema turned into node fields, and the node's parameter values
 * turned back into the tool's input. Both directions come from one `FieldSpec` list so
 * they cannot drift apart.
 */

/** The subset of JSON Schema the tool catalog emits. */
export interface JsonSchema {
  readonly type?: string | ReadonlyArray<string>;
  readonly description?: string;
  readonly title?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: ReadonlyArray<string>;
  readonly items?: JsonSchema;
  readonly enum?: ReadonlyArray<unknown>;
  readonly const?: unknown;
  readonly anyOf?: ReadonlyArray<JsonSchema>;
  readonly oneOf?: ReadonlyArray<JsonSchema>;
  readonly allOf?: ReadonlyArray<JsonSchema>;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly default?: unknown;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
  readonly format?: string;
  readonly contentEncoding?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** What kind of n8n field a schema becomes. */
export type FieldKind =
  | { readonly type: "string" }
  | { readonly type: "number"; readonly integer: boolean; readonly min?: number; readonly max?: number }
  | { readonly type: "boolean" }
  /** A union of scalars (e.g. ISO date or unix seconds): one text field, numbers recognised. */
  | { readonly type: "scalar"; readonly accepts: ReadonlyArray<"string" | "number" | "boolean"> }
  | { readonly type: "options"; readonly values: ReadonlyArray<string | number> }
  | { readonly type: "multiOptions"; readonly values: ReadonlyArray<string | number> }
  | { readonly type: "stringList" }
  | { readonly type: "loadOptions"; readonly method: LoadOptionsMethod; readonly multiple: boolean }
  | { readonly type: "collection"; readonly multiple: boolean; readonly fields: ReadonlyArray<FieldSpec> }
  | { readonly type: "json"; readonly shape: "object" | "array" | "any" };

/** The dropdowns the node loads from Front. */
export type LoadOptionsMethod = "getInboxes" | "getTags" | "getTeammates" | "getChannels";

/** One input property of a tool as a node field. */
export interface FieldSpec {
  /** Key in the tool input (Front's snake_case). */
  readonly key: string;
  /** n8n parameter name (camelCase, n8n's convention). */
  readonly param: string;
  readonly displayName: string;
  readonly description?: string;
  readonly required: boolean;
  readonly kind: FieldKind;
  readonly default?: unknown;
}

// Ids of these resources are picked from a list loaded from Front rather than pasted.
const LOAD_OPTIONS_BY_KEY: Readonly<Record<string, { method: LoadOptionsMethod; multiple: boolean }>> = {
  inbox_id: { method: "getInboxes", multiple: false },
  inbox_ids: { method: "getInboxes", multiple: true },
  tag_id: { method: "getTags", multiple: false },
  tag_ids: { method: "getTags", multiple: true },
  tags: { method: "getTags", multiple: true },
  channel_id: { method: "getChannels", multiple: false },
  teammate_id: { method: "getTeammates", multiple: false },
  teammate_ids: { method: "getTeammates", multiple: true },
  assignee_id: { method: "getTeammates", multiple: false },
  author_id: { method: "getTeammates", multiple: false },
};

const ACRONYMS: Readonly<Record<string, string>> = { id: "ID", ids: "IDs", url: "URL", urls: "URLs", api: "API", cc: "CC", bcc: "BCC" };

/** `conversation_id` → `conversationId`. */
export const camelParam = (key: string): string => key.replace(/[_-]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `conversation_id` → `Conversation ID`. */
export const displayNameOf = (key: string): string =>
  key
    .split(/[_-]+/)
    .filter((w) => w.length > 0)
    .map((w) => ACRONYMS[w] ?? w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");

const resolveRef = (schema: JsonSchema, root: JsonSchema): JsonSchema => {
  const ref = schema.$ref;
  if (ref === undefined) return schema;
  const name = ref.replace(/^#\/(\$defs|definitions)\//, "");
  const target = root.$defs?.[name];
  return target === undefined ? {} : resolveRef(target, root);
};

const typesOf = (schema: JsonSchema): ReadonlyArray<string> =>
  schema.type === undefined ? [] : typeof schema.type === "string" ? [schema.type] : schema.type;

// `anyOf: [X, null]` is how optional-nullable values come out of Schema; the node treats them as X.
const withoutNull = (schema: JsonSchema, root: JsonSchema): JsonSchema => {
  const s = resolveRef(schema, root);
  const union = s.anyOf ?? s.oneOf;
  if (union !== undefined) {
    const members = union.map((m) => resolveRef(m, root)).filter((m) => !(typesOf(m).length === 1 && typesOf(m)[0] === "null"));
    if (members.length === 1 && members[0] !== undefined) {
      const only = members[0];
      const description = s.description ?? only.description;
      return description !== undefined ? { ...only, description } : only;
    }
    if (members.length > 0 && members.every((m) => typesOf(m).length === 1 && typesOf(m)[0] === "string")) {
      // "id or alias" style unions: every member is a string, so one text field takes them all.
      return { type: "string", ...(s.description !== undefined ? { description: s.description } : {}) };
    }
    return members.length === union.length ? s : { ...s, anyOf: members };
  }
  const types = typesOf(s).filter((t) => t !== "null");
  if (types.length === 1 && typesOf(s).length > 1) return { ...s, type: types[0] as string };
  return s;
};

const enumValues = (schema: JsonSchema): ReadonlyArray<string | number> | undefined => {
  const values = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
  if (values === undefined || values.length === 0) return undefined;
  if (!values.every((v) => typeof v === "string" || typeof v === "number")) return undefined;
  // Schemas that accept "GET" and "get" alike need only one menu entry.
  const seen = new Set<string>();
  return (values as ReadonlyArray<string | number>).filter((v) => {
    const key = typeof v === "string" ? v.toLowerCase() : `#${v}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

const SCALARS = ["string", "number", "integer", "boolean"];

// anyOf [number, string] and the like: every member a scalar.
const scalarUnion = (schema: JsonSchema, root: JsonSchema): ReadonlyArray<"string" | "number" | "boolean"> | undefined => {
  const union = schema.anyOf ?? schema.oneOf;
  if (union === undefined || union.length === 0) return undefined;
  const types = union.map((m) => typesOf(resolveRef(m, root)));
  if (!types.every((t) => t.length === 1 && SCALARS.includes(t[0] as string))) return undefined;
  return [...new Set(types.map((t) => (t[0] === "integer" ? "number" : (t[0] as "string" | "number" | "boolean"))))];
};

const kindOf = (key: string, raw: JsonSchema, root: JsonSchema, depth: number): FieldKind => {
  const schema = withoutNull(raw, root);
  const scalars = scalarUnion(schema, root);
  if (scalars !== undefined) return { type: "scalar", accepts: scalars };
  const types = typesOf(schema);
  const type = types.length === 1 ? types[0] : undefined;
  const loadable = LOAD_OPTIONS_BY_KEY[key];
  const values = enumValues(schema);
  if (type === "string" || (type === undefined && values !== undefined && values.every((v) => typeof v === "string"))) {
    if (values !== undefined) return { type: "options", values };
    if (loadable !== undefined && !loadable.multiple) return { type: "loadOptions", method: loadable.method, multiple: false };
    return { type: "string" };
  }
  if (type === "integer" || type === "number") {
    const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (type === "integer" ? 1 : 0) : undefined);
    const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (type === "integer" ? 1 : 0) : undefined);
    if (values !== undefined) return { type: "options", values };
    return { type: "number", integer: type === "integer", ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  }
  if (type === "boolean") return { type: "boolean" };
  if (type === "array" && schema.items !== undefined) {
    const item = withoutNull(schema.items, root);
    const itemTypes = typesOf(item);
    const itemValues = enumValues(item);
    if (itemTypes.length === 1 && itemTypes[0] === "string") {
      if (itemValues !== undefined) return { type: "multiOptions", values: itemValues };
      if (loadable !== undefined && loadable.multiple) return { type: "loadOptions", method: loadable.method, multiple: true };
      return { type: "stringList" };
    }
    if (itemTypes.length === 1 && itemTypes[0] === "object" && item.properties !== undefined && depth < 2) {
      return { type: "collection", multiple: true, fields: fieldsOfObject(item, root, depth + 1) };
    }
    return { type: "json", shape: "array" };
  }
  if (type === "object" && schema.properties !== undefined && Object.keys(schema.properties).length > 0 && depth < 2) {
    return { type: "collection", multiple: false, fields: fieldsOfObject(schema, root, depth + 1) };
  }
  if (type === "object") return { type: "json", shape: "object" };
  return { type: "json", shape: "any" };
};

const fieldsOfObject = (schema: JsonSchema, root: JsonSchema, depth: number): ReadonlyArray<FieldSpec> => {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([key, raw]) => {
    const prop = withoutNull(raw, root);
    const description = prop.description ?? raw.description;
    return {
      key,
      param: camelParam(key),
      displayName: prop.title ?? displayNameOf(key),
      ...(description !== undefined ? { description } : {}),
      required: required.has(key),
      kind: kindOf(key, raw, root, depth),
      ...(prop.default !== undefined ? { default: prop.default } : {}),
    };
  });
};

/** The fields of a tool input schema (an object schema; anything else becomes one JSON field). */
export const fieldsOfSchema = (schema: JsonSchema): ReadonlyArray<FieldSpec> => {
  const root = resolveRef(schema, schema);
  if (typesOf(root).includes("object") || root.properties !== undefined) return fieldsOfObject(root, schema, 0);
  return [{ key: "", param: "input", displayName: "Input", required: true, kind: { type: "json", shape: "any" } }];
};
