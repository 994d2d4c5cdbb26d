// Generates, from the corrected Front spec (spec/dist, built by `npm run spec`), what raw-api-request and
// search-api-operations need at run time: ajv standalone validators for every operation's path, query and body
// (no ajv at run time: tsup bundles the few ajv runtime helpers they import), and the operation catalogue with its
// search index. Build artefacts: git-ignored, never edited by hand (the spec is never committed, nor anything from it).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { OPERATION_SYNONYMS } from "./codegen.synonyms.mjs";

const specUrl = new URL("../../../spec/dist/front-core-api.corrected.json", import.meta.url);
const outDir = new URL("../src/generated/", import.meta.url);
const METHODS = ["get", "post", "put", "patch", "delete"];

if (!existsSync(specUrl)) {
  console.error(`tools codegen: ${fileURLToPath(specUrl)} is missing; run \`npm run spec\` first (turbo does this for you).`);
  process.exit(1);
}
const started = performance.now();
const spec = JSON.parse(await readFile(specUrl, "utf8"));

const pointer = (ref) =>
  ref
    .replace(/^#\//, "")
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((at, key) => at?.[key], spec);
const deref = (node) => {
  let at = node;
  for (let i = 0; at !== null && typeof at === "object" && typeof at.$ref === "string"; i++) {
    if (i > 20) throw new Error(`tools codegen: $ref chain too long at ${node.$ref}`);
    const target = pointer(at.$ref);
    if (target === undefined) throw new Error(`tools codegen: unresolved $ref ${at.$ref}`);
    at = target;
  }
  return at;
};

// OpenAPI 3.0 schema → what ajv validates: refs into one shared `front` schema, `nullable` made explicit, and the
// annotations ajv would reject or that mean nothing for a request (`example`, `x-*`, `format: binary`) dropped.
const SCHEMA_REF = /^#\/components\/schemas\//;
const toAjv = (node) => {
  if (Array.isArray(node)) return node.map(toAjv);
  if (node === null || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    const { $ref, ...siblings } = node;
    const target = SCHEMA_REF.test($ref) ? { $ref: `front#/definitions/${$ref.replace(SCHEMA_REF, "")}` } : toAjv(deref({ $ref }));
    // The spec puts `required` (and descriptions) beside some $refs, e.g. POST /accounts requires `name` that way.
    // OpenAPI 3.0 says to ignore such siblings, but Prism enforces them and they state Front's rules: kept.
    const kept = toAjv(siblings);
    return Object.keys(kept).length === 0 ? target : { allOf: [target], ...kept };
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples" || key.startsWith("x-") || key === "discriminator" || key === "xml") continue;
    if (key === "format") continue; // the spec's only format is `binary` (multipart files)
    if (key === "properties") out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toAjv(v)]));
    else out[key] = toAjv(value);
  }
  // A oneOf with a discriminator is told apart by that property (analytics exports: `type`), not by matching exactly
  // one branch: column sets overlap, so "exactly one" would refuse valid exports. Checked as anyOf.
  if (node.discriminator !== undefined && Array.isArray(out.oneOf)) {
    out.anyOf = out.oneOf;
    delete out.oneOf;
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === "string") out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.type === undefined && out.enum === undefined) return out;
  } else delete out.nullable;
  return out;
};

const operations = [];
for (const template of Object.keys(spec.paths).sort()) {
  const item = spec.paths[template];
  for (const method of METHODS) {
    const op = item[method];
    if (op === undefined) continue;
    const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref);
    const requestBody = op.requestBody === undefined ? undefined : deref(op.requestBody);
    const jsonBody = requestBody?.content?.["application/json"]?.schema;
    const responses = op.responses ?? {};
    const ok = ["200", "201", "202"].map((s) => responses[s]).find((r) => r !== undefined);
    const okSchema = ok === undefined ? undefined : deref(deref(ok).content?.["application/json"]?.schema);
    const isList = method === "get" && okSchema !== undefined && hasProperty(okSchema, "_results");
    operations.push({
      operationId: op.operationId,
      method: method.toUpperCase(),
      path: template,
      summary: op.summary ?? "",
      description: op.description ?? "",
      tags: op.tags ?? [],
      params,
      requestBody,
      jsonBody,
      bodyRequired: requestBody?.required === true || (jsonBody !== undefined && requiresFields(jsonBody)),
      multipart: requestBody?.content?.["multipart/form-data"] !== undefined,
      isList,
      mergeRedirect: responses["301"] !== undefined,
    });
  }
}
// A body whose schema requires fields cannot be left out, whether or not the spec marks the requestBody required.
function requiresFields(schema) {
  if (Array.isArray(schema?.required) && schema.required.length > 0) return true;
  const s = deref(schema);
  if (s === undefined || s === null) return false;
  if (Array.isArray(s.required) && s.required.length > 0) return true;
  return (s.allOf ?? []).some(requiresFields);
}
function hasProperty(schema, name) {
  const s = deref(schema);
  if (s === undefined || s === null) return false;
  if (s.properties !== undefined && Object.hasOwn(s.properties, name)) return true;
  return (s.allOf ?? []).some((part) => hasProperty(part, name));
}
for (const id of Object.keys(OPERATION_SYNONYMS)) {
  if (!operations.some((o) => o.operationId === id)) throw new Error(`tools codegen: synonyms name unknown operation ${id}`);
}

// ---- validators ----
const front = { $id: "front", definitions: Object.fromEntries(Object.entries(spec.components.schemas).map(([k, v]) => [k, toAjv(v)])) };
const paramsSchema = (op) => {
  const group = (where) => {
    const list = op.params.filter((p) => p.in === where);
    return {
      type: "object",
      properties: Object.fromEntries(list.map((p) => [p.name, toAjv(p.schema ?? {})])),
      required: list.filter((p) => p.required === true).map((p) => p.name),
      // The spec lists every query parameter Front reads: an unknown one is a typo Front would silently ignore.
      additionalProperties: false,
    };
  };
  return { type: "object", properties: { path: group("path"), query: group("query") }, required: ["path", "query"] };
};
const makeAjv = (coerce) =>
  new Ajv({
    allErrors: true,
    strict: false,
    inlineRefs: false,
    // Path and query values travel as text: "50" is the number 50 and a lone value is a one-item list, as Front reads them.
    coerceTypes: coerce ? "array" : false,
    code: { source: true, esm: true, lines: false },
  });
const paramsAjv = makeAjv(true);
const bodyAjv = makeAjv(false);
bodyAjv.addSchema(front);
paramsAjv.addSchema(front);
// Many operations share one shape (the list parameters, say): one validator per distinct schema keeps the code small.
const paramsExports = {};
const bodyExports = {};
const dedupe = (ajv, exportsOf, prefix, schema) => {
  const key = JSON.stringify(schema);
  let name = exportsOf.byKey.get(key);
  if (name === undefined) {
    name = `${prefix}${exportsOf.byKey.size}`;
    exportsOf.byKey.set(key, name);
    ajv.addSchema({ $id: name, ...schema });
    exportsOf.names[name] = name;
  }
  return name;
};
const paramsSet = { byKey: new Map(), names: paramsExports };
const bodySet = { byKey: new Map(), names: bodyExports };
const validatorNames = operations.map((op) => ({
  params: dedupe(paramsAjv, paramsSet, "params", paramsSchema(op)),
  ...(op.jsonBody === undefined ? {} : { body: dedupe(bodyAjv, bodySet, "body", toAjv(op.jsonBody)) }),
}));
const banner = "// Generated by scripts/codegen.mjs from the corrected Front spec. Do not edit.\n// @ts-nocheck\n/* eslint-disable */\n";
// Ajv's standalone ESM output still `require`s its runtime helpers (ucs2length for maxLength): Node refuses a module
// with both `export` and `require`, so the file could only be loaded through a bundler. Made a plain ESM import.
const esmOnly = (code) => {
  const helpers = [];
  const out = code.replace(/require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)\.default/giu, (_, path) => {
    const name = `ajvRuntime${helpers.length}`;
    helpers.push(`import ${name} from "${path}.js";`);
    // Node hands an ESM importer the CJS module.exports ({ default: fn }); Vite/Vitest hand it exports.default.
    return `(typeof ${name} === "function" ? ${name} : ${name}.default)`;
  });
  if (/\brequire\(/u.test(out)) throw new Error("tools codegen: the standalone validators require() something new; teach esmOnly about it");
  return helpers.join("") + out;
};
const paramsSource = banner + esmOnly(standaloneCode(paramsAjv, paramsExports));
const bodySource = banner + esmOnly(standaloneCode(bodyAjv, bodyExports));
const dts = (names) =>
  "// Generated by scripts/codegen.mjs. Do not edit.\nimport type { SpecValidator } from \"../operations/validator-types.js\";\n" +
  names.map((n) => `export declare const ${n}: SpecValidator;`).join("\n") +
  "\n";

// ---- catalogue and search index ----
const truncate = (text, max) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
const firstParagraph = (text) => text.split(/\n\s*\n/)[0].replace(/\s+/g, " ").trim();

// A compact JSON Schema for agents: refs resolved (cycles and depth cut), annotations other than short descriptions dropped.
const compact = (node, depth = 0, seen = new Set()) => {
  if (node === null || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    if (seen.has(node.$ref) || depth > 5) return { type: "object", description: `(see ${node.$ref.split("/").pop()})` };
    const { $ref, ...siblings } = node;
    const target = compact(deref(node), depth, new Set([...seen, $ref]));
    const extra = compact(siblings, depth, seen);
    // `required` beside a $ref (see toAjv) joins the target's own.
    const required = [...new Set([...(target.required ?? []), ...(extra.required ?? [])])];
    return { ...target, ...extra, ...(required.length === 0 ? {} : { required }) };
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples" || key.startsWith("x-") || key === "discriminator" || key === "readOnly") continue;
    if (key === "description") {
      const d = firstParagraph(String(value));
      if (d !== "") out.description = truncate(d, 140);
    } else if (key === "properties") {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v, depth + 1, seen)]));
    } else if (key === "items" || key === "additionalProperties") out[key] = compact(value, depth + 1, seen);
    else if (key === "allOf" || key === "oneOf" || key === "anyOf") out[key] = value.map((v) => compact(v, depth + 1, seen));
    else out[key] = value;
  }
  return out;
};

// A one-line TypeScript-like shape, for error messages: enough for an agent to fix a call in one more try.
const shape = (node, depth = 0, seen = new Set()) => {
  if (node === undefined || node === null || typeof node !== "object") return "unknown";
  if (typeof node.$ref === "string") {
    if (seen.has(node.$ref) || depth > 3) return "object";
    const target = deref(node);
    const required = [...new Set([...(target.required ?? []), ...(node.required ?? [])])];
    return shape({ ...target, ...(required.length === 0 ? {} : { required }) }, depth, new Set([...seen, node.$ref]));
  }
  const nullable = node.nullable === true ? " | null" : "";
  if (Array.isArray(node.enum)) return node.enum.map((v) => JSON.stringify(v)).join(" | ") + nullable;
  if (node.allOf !== undefined) {
    const merged = { type: "object", properties: {}, required: [] };
    for (const part of node.allOf.map(deref)) {
      Object.assign(merged.properties, part.properties ?? {});
      merged.required.push(...(part.required ?? []));
    }
    return shape(merged, depth, seen) + nullable;
  }
  if (node.oneOf !== undefined || node.anyOf !== undefined) return (node.oneOf ?? node.anyOf).map((v) => shape(v, depth + 1, seen)).join(" | ") + nullable;
  const type = node.type ?? (node.properties !== undefined ? "object" : undefined);
  if (type === "array") return `${shape(node.items, depth + 1, seen).includes(" ") ? `(${shape(node.items, depth + 1, seen)})` : shape(node.items, depth + 1, seen)}[]` + nullable;
  if (type === "object") {
    if (node.properties === undefined || depth > 2) return "object" + nullable;
    const required = new Set(node.required ?? []);
    const props = Object.entries(node.properties)
      .filter(([, v]) => deref(v)?.readOnly !== true)
      .map(([k, v]) => `${k}${required.has(k) ? "" : "?"}: ${shape(v, depth + 1, seen)}`);
    return `{ ${props.join(", ")} }` + nullable;
  }
  const bounds = [node.minimum === undefined ? "" : `≥${node.minimum}`, node.maximum === undefined ? "" : `≤${node.maximum}`].filter(Boolean).join(" ");
  return `${type ?? "unknown"}${bounds === "" ? "" : ` (${bounds})`}` + nullable;
};

const STOP = new Set(["a", "an", "the", "of", "to", "for", "in", "on", "and", "or", "with", "by", "is", "be", "this", "that", "it", "its", "as", "at", "from", "you", "your", "id", "ids", "required", "scope", "scopes", "https", "dev", "frontapp", "com", "docs"]);
/** Lower-case word stems; kept in step with the runtime tokenizer in src/operations/search.ts. */
const stem = (word) => word.replace(/(ies)$/u, "y").replace(/(ing|ed|es|s)$/u, "") || word;
const words = (text) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map(stem);

const catalogue = operations.map((op, i) => {
  const terms = {};
  const add = (list, weight) => {
    for (const w of list) terms[w] = Math.max(terms[w] ?? 0, weight);
  };
  add(words(firstParagraph(op.description)).slice(0, 40), 1);
  add(op.tags.flatMap(words), 2);
  add(op.path.split("/").filter((s) => s !== "" && !s.startsWith("{")).flatMap(words), 2);
  add(words(op.operationId), 3);
  add(words(op.summary), 3);
  add((OPERATION_SYNONYMS[op.operationId] ?? []).flatMap(words), 3);
  const parameter = (p) => ({
    name: p.name,
    in: p.in,
    required: p.required === true,
    ...(p.style === "deepObject" ? { style: "deepObject" } : {}),
    schema: compact(p.schema ?? {}),
    ...(p.description ? { description: truncate(firstParagraph(p.description), 160) } : {}),
  });
  const paramShape = (where) => {
    const list = op.params.filter((p) => p.in === where);
    return list.length === 0 ? undefined : `{ ${list.map((p) => `${p.name}${p.required ? "" : "?"}: ${shape(p.schema)}`).join(", ")} }`;
  };
  const shapes = [
    paramShape("query") === undefined ? "" : `query ${paramShape("query")}`,
    op.jsonBody === undefined ? "" : `body${op.bodyRequired ? "" : "?"} ${shape(op.jsonBody)}`,
  ].filter(Boolean);
  return {
    index: i,
    validators: validatorNames[i],
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    summary: op.summary,
    description: truncate(firstParagraph(op.description), 300),
    tags: op.tags,
    parameters: op.params.map(parameter),
    ...(op.jsonBody === undefined ? {} : { body: compact(op.jsonBody), bodyRequired: op.bodyRequired }),
    ...(op.multipart ? { multipart: true } : {}),
    list: op.isList,
    mergeRedirect: op.mergeRedirect,
    shape: truncate(`${op.method} ${op.path}${shapes.length === 0 ? " (no query or body)" : ` — ${shapes.join("; ")}`}`, 1500),
    terms,
  };
});

await mkdir(outDir, { recursive: true });
await writeFile(new URL("params-validators.js", outDir), paramsSource);
await writeFile(new URL("params-validators.d.ts", outDir), dts(Object.keys(paramsExports)));
await writeFile(new URL("body-validators.js", outDir), bodySource);
await writeFile(new URL("body-validators.d.ts", outDir), dts(Object.keys(bodyExports)));
const catalogueSource = `// Generated by scripts/codegen.mjs from the corrected Front spec. Do not edit.
/** The Core API operations with their compact schemas and search terms, as JSON text (parsed on first use). */
export const OPERATIONS_JSON: string = ${JSON.stringify(JSON.stringify(catalogue))};
`;
await writeFile(new URL("operations.ts", outDir), catalogueSource);
console.log(
  `tools codegen: ${operations.length} operations; validators ${(Buffer.byteLength(paramsSource) / 1024).toFixed(0)} + ${(Buffer.byteLength(bodySource) / 1024).toFixed(0)} KiB, ` +
    `catalogue ${(Buffer.byteLength(catalogueSource) / 1024).toFixed(0)} KiB, in ${Math.round(performance.now() - started)} ms`,
);
