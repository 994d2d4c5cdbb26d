/** n8n parameter values → a tool's input object, following the same FieldSpecs as the properties. */
import type { FieldSpec } from "./fields.js";
import { COLLECTION_GROUP } from "./properties.js";

/** A parameter value that could not be turned into tool input (becomes a NodeOperationError). */
export class FieldValueError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "FieldValueError";
  }
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u);

const isEmpty = (u: unknown): boolean =>
  u === undefined || u === null || u === "" || (Array.isArray(u) && u.length === 0) || (isRecord(u) && Object.keys(u).length === 0);

// Expressions may hand over "a, b" or a JSON array string for list fields.
const toStringList = (spec: FieldSpec, value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap((v) => (isEmpty(v) ? [] : [String(v)]));
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed.startsWith("[")) return toStringList(spec, parseJson(spec, trimmed));
    return trimmed.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  }
  return [String(value)];
};

const parseJson = (spec: FieldSpec, text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new FieldValueError(spec.displayName, `${spec.displayName} must be valid JSON.`);
  }
};

/** Converts one parameter value; `undefined` means "leave the key out". */
export const decodeValue = (spec: FieldSpec, value: unknown): unknown => {
  const kind = spec.kind;
  if (isEmpty(value) && !(kind.type === "string" && spec.required && value === "")) {
    return undefined;
  }
  switch (kind.type) {
    case "string":
      return typeof value === "string" ? value : String(value);
    case "number":
      if (typeof value === "number") return value;
      if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
      throw new FieldValueError(spec.displayName, `${spec.displayName} must be a number.`);
    case "boolean":
      return typeof value === "boolean" ? value : value === "true" ? true : value === "false" ? false : value;
    case "scalar": {
      if (typeof value !== "string") return kind.accepts.includes(typeof value as "number") ? value : String(value);
      const text = value.trim();
      if (kind.accepts.includes("number") && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
      if (kind.accepts.includes("boolean") && (text === "true" || text === "false")) return text === "true";
      return text;
    }
    case "options":
      return value;
    case "multiOptions":
    case "stringList":
      return toStringList(spec, value);
    case "loadOptions":
      return kind.multiple ? toStringList(spec, value) : typeof value === "string" ? value : String(value);
    case "collection": {
      const group = isRecord(value) ? value[COLLECTION_GROUP] : undefined;
      const entries = Array.isArray(group) ? group : isRecord(group) ? [group] : [];
      const decoded = entries.map((entry) => decodeObject(kind.fields, isRecord(entry) ? entry : {}));
      return kind.multiple ? decoded : decoded[0];
    }
    case "json":
      return typeof value === "string" ? parseJson(spec, value) : value;
  }
};

/** Builds an input object from parameter values keyed by param name. */
export const decodeObject = (specs: ReadonlyArray<FieldSpec>, values: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    if (!(spec.param in values)) continue;
    const decoded = decodeValue(spec, values[spec.param]);
    if (decoded !== undefined) out[spec.key] = decoded;
  }
  return out;
};
