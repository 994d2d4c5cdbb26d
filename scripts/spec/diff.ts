/** A structural comparison of two OpenAPI documents, per operation and per schema, that flags what breaks typed callers. */
import { deref, operations, type Json } from "../../spec/corrections/types.js";

export interface Change {
  readonly kind: "added" | "removed" | "changed";
  /** `GET /conversations` or `schema Contact`. */
  readonly subject: string;
  /** What changed inside the subject, e.g. `query parameter limit` or `property handles`. */
  readonly detail: string;
  /** Whether code typed against the old spec may stop compiling or working. */
  readonly breaking: boolean;
}

const typeOf = (doc: Json, schema: Json | undefined): string => {
  const s = schema ? deref(doc, schema) : undefined;
  if (!s) return "none";
  if (schema?.$ref) return String(schema.$ref).split("/").pop()!;
  if (s.type === "array") return `${typeOf(doc, s.items)}[]`;
  if (s.enum) return `${s.type ?? "any"}(${[...s.enum].sort().join("|")})`;
  if (s.allOf || s.oneOf || s.anyOf) return s.allOf ? "allOf" : s.oneOf ? "oneOf" : "anyOf";
  return String(s.type ?? "any") + (s.nullable ? "|null" : "");
};

/** Flattens an object schema (following refs and allOf) into property → type, plus its required set. */
const shape = (doc: Json, schema: Json | undefined, depth = 0): { props: Map<string, string>; required: Set<string> } => {
  const props = new Map<string, string>();
  const required = new Set<string>();
  const s = schema ? deref(doc, schema) : undefined;
  if (!s || depth > 8) return { props, required };
  for (const part of s.allOf ?? []) {
    const inner = shape(doc, part, depth + 1);
    inner.props.forEach((v, k) => props.set(k, v));
    inner.required.forEach((k) => required.add(k));
  }
  for (const [name, prop] of Object.entries<Json>(s.properties ?? {})) props.set(name, typeOf(doc, prop));
  for (const name of s.required ?? []) required.add(name);
  return { props, required };
};

type Direction = "input" | "output";

/**
 * Compares two object shapes. For inputs (what callers send), a new required property or a removed/retyped one
 * breaks callers; for outputs (what callers read), a removed or retyped property breaks them.
 */
function compareShapes(
  subject: string,
  where: string,
  before: ReturnType<typeof shape>,
  after: ReturnType<typeof shape>,
  direction: Direction,
  out: Change[],
) {
  for (const [name, type] of before.props) {
    const next = after.props.get(name);
    if (next === undefined) out.push({ kind: "removed", subject, detail: `${where} property ${name}`, breaking: true });
    else if (next !== type)
      out.push({ kind: "changed", subject, detail: `${where} property ${name}: ${type} → ${next}`, breaking: true });
  }
  for (const [name, type] of after.props) {
    if (before.props.has(name)) continue;
    const isRequired = after.required.has(name);
    out.push({
      kind: "added",
      subject,
      detail: `${where} property ${name}: ${type}${isRequired ? " (required)" : ""}`,
      breaking: direction === "input" && isRequired,
    });
  }
  for (const name of after.required) {
    if (before.props.has(name) && !before.required.has(name) && direction === "input")
      out.push({ kind: "changed", subject, detail: `${where} property ${name} became required`, breaking: true });
  }
}

const parametersOf = (doc: Json, pathItem: Json, op: Json) => {
  const map = new Map<string, Json>();
  for (const p of [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]) {
    const param = deref(doc, p);
    map.set(`${param.in} parameter ${param.name}`, param);
  }
  return map;
};

const successSchema = (doc: Json, op: Json): Json | undefined => {
  for (const [status, response] of Object.entries<Json>(op.responses ?? {})) {
    if (status.startsWith("2")) return deref(doc, response)?.content?.["application/json"]?.schema;
  }
  return undefined;
};

/** Everything that differs between `before` and `after`, operations first, then schemas. */
export function diffSpecs(before: Json, after: Json): Change[] {
  const changes: Change[] = [];
  const ops = (doc: Json) => new Map([...operations(doc)].map((o) => [`${o.method.toUpperCase()} ${o.path}`, o]));
  const beforeOps = ops(before);
  const afterOps = ops(after);
  for (const [key, old] of beforeOps) {
    const next = afterOps.get(key);
    if (!next) {
      changes.push({ kind: "removed", subject: key, detail: "operation", breaking: true });
      continue;
    }
    const oldParams = parametersOf(before, before.paths[old.path], old.op);
    const newParams = parametersOf(after, after.paths[next.path], next.op);
    for (const [name, param] of oldParams) {
      const updated = newParams.get(name);
      if (!updated) changes.push({ kind: "removed", subject: key, detail: name, breaking: true });
      else if (typeOf(before, param.schema) !== typeOf(after, updated.schema))
        changes.push({
          kind: "changed",
          subject: key,
          detail: `${name}: ${typeOf(before, param.schema)} → ${typeOf(after, updated.schema)}`,
          breaking: true,
        });
      else if (!param.required && updated.required)
        changes.push({ kind: "changed", subject: key, detail: `${name} became required`, breaking: true });
    }
    for (const [name, param] of newParams) {
      if (!oldParams.has(name))
        changes.push({ kind: "added", subject: key, detail: `${name}${param.required ? " (required)" : ""}`, breaking: !!param.required });
    }
    const oldBody = old.op.requestBody?.content?.["application/json"]?.schema;
    const newBody = next.op.requestBody?.content?.["application/json"]?.schema;
    if (oldBody || newBody)
      compareShapes(key, "request body", shape(before, oldBody), shape(after, newBody), "input", changes);
    compareShapes(key, "response", shape(before, successSchema(before, old.op)), shape(after, successSchema(after, next.op)), "output", changes);
  }
  for (const key of afterOps.keys()) {
    if (!beforeOps.has(key)) changes.push({ kind: "added", subject: key, detail: "operation", breaking: false });
  }
  const beforeSchemas = before.components?.schemas ?? {};
  const afterSchemas = after.components?.schemas ?? {};
  for (const name of Object.keys(beforeSchemas)) {
    const subject = `schema ${name}`;
    if (!(name in afterSchemas)) {
      changes.push({ kind: "removed", subject, detail: "schema", breaking: true });
      continue;
    }
    // A schema may be read (responses) or written (bodies): removing or retyping a property breaks either way,
    // a new required property breaks writers.
    compareShapes(subject, "", shape(before, beforeSchemas[name]), shape(after, afterSchemas[name]), "input", changes);
  }
  for (const name of Object.keys(afterSchemas)) {
    if (!(name in beforeSchemas)) changes.push({ kind: "added", subject: `schema ${name}`, detail: "schema", breaking: false });
  }
  return changes.map((c) => ({ ...c, detail: c.detail.replace(/^ property/, "property") }));
}

/** Human-readable report, grouped by subject, breaking changes marked. */
export function formatChanges(changes: readonly Change[]): string {
  if (changes.length === 0) return "No differences in operations or schemas.";
  const bySubject = new Map<string, Change[]>();
  for (const c of changes) bySubject.set(c.subject, [...(bySubject.get(c.subject) ?? []), c]);
  const lines: string[] = [];
  for (const [subject, list] of bySubject) {
    lines.push(subject);
    for (const c of list) lines.push(`  ${c.breaking ? "BREAKING " : ""}${c.kind}: ${c.detail}`);
  }
  const breaking = changes.filter((c) => c.breaking).length;
  lines.push("", `${changes.length} change(s), ${breaking} breaking for typed callers.`);
  return lines.join("\n");
}
