// Generates src/generated/facade-tools.ts: the Promise facade's tool types (`@frontkit/tools/promise`) as plain
// declarations that import nothing, read from the tools' schemas by the TypeScript checker — the way core generates
// its path unions from the spec. Adding a tool is then one line in src/registry.ts and its file: its input and output
// types, its method and its `invoke` entry appear here at the next build.
//
// Why plain declarations and not the schema-derived types themselves: a Promise consumer's `tsc` would otherwise load
// Effect's whole declaration graph to check one call (issue 7). test/promise-types.test-d.ts proves every generated
// type equal to the one derived from its schema.
//
// What the output holds: each tool's `<Name>Input` / `<Name>Output`; every type they reach that a tool file, a
// schema file or attachments.ts exports by name (a schema const, an interface or a type alias), under that name;
// Effect's Json types (as JsonValue, JsonArray, JsonObject); and FrontToolMethods / FrontToolTypes over the registry.
// A field's JSDoc is its schema `description` annotation where that is a constant string.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_PACKAGE_DIR = resolve(here, "..");
/** Where the output goes, relative to the package. */
export const OUTPUT = "src/generated/facade-tools.ts";

// Files whose exported names become the names of the generated types.
const namingFile = (rel) => /^src\/(schemas\/[^/]+|tools\/[^/]+|attachments)\.ts$/.test(rel);
// Types of libraries the facade may restate, by their name there → the name here.
const EXTERNAL_NAMES = { Json: "JsonValue", JsonArray: "JsonArray", JsonObject: "JsonObject" };

const pascal = (kebab) => kebab.replace(/(^|-)([a-z0-9])/g, (_m, _d, c) => c.toUpperCase());
const camel = (kebab) => kebab.replace(/-([a-z0-9])/g, (_m, c) => c.toUpperCase());
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));
const doc = (text, indent = "") =>
  text === undefined || text.trim() === "" ? "" : `${indent}/** ${text.trim().replace(/\*\//g, "*\\/").replace(/\s*\n\s*/g, " ")} */\n`;

/**
 * Builds the generated source. `sourceOverrides` (absolute path → text) replaces files as the checker reads them:
 * the test uses it to prove that a changed schema changes the output.
 */
export function generateFacadeTypes({ packageDir = DEFAULT_PACKAGE_DIR, sourceOverrides = new Map() } = {}) {
  const configPath = join(packageDir, "tsconfig.json");
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(ts.flattenDiagnosticMessageText(d.messageText, "\n")) });
  const options = { ...config.options, noEmit: true, skipLibCheck: true };
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => sourceOverrides.get(resolve(file)) ?? readFile(file);
  host.fileExists = (file) => sourceOverrides.has(resolve(file)) || fileExists(file);
  host.getSourceFile = (file, languageVersion, onError, shouldCreate) => {
    const text = sourceOverrides.get(resolve(file));
    return text === undefined ? getSourceFile(file, languageVersion, onError, shouldCreate) : ts.createSourceFile(file, text, languageVersion, true);
  };
  const registryPath = join(packageDir, "src", "registry.ts");
  // The tools' types reach @frontkit/core through its built declarations (turbo builds it before this codegen).
  if (ts.resolveModuleName("@frontkit/core", registryPath, options, host).resolvedModule === undefined)
    fail("@frontkit/core's declarations are missing: build it first (`npx turbo run codegen --filter=@frontkit/tools` does both)");
  const program = ts.createProgram({ rootNames: [registryPath], options, host });
  const checker = program.getTypeChecker();
  // No whole-program diagnostics (they double the run time): a type the checker could not resolve reaches the
  // printer as `any`, which fails below with a hint.

  const relOf = (file) => relative(packageDir, file).split(sep).join("/");
  const inPackageSrc = (file) => !relOf(file).startsWith("..") && relOf(file).startsWith("src/");

  // ---- the registry: each tool's name, input and output types, and its docs ----
  const registryFile = program.getSourceFile(registryPath);
  const registrySymbol = checker.getSymbolAtLocation(registryFile);
  const toolsSymbol = checker.getExportsOfModule(registrySymbol).find((s) => s.name === "tools");
  if (toolsSymbol === undefined) fail("src/registry.ts exports no `tools`");
  const toolsType = checker.getTypeOfSymbol(toolsSymbol);
  const tools = checker.getPropertiesOfType(toolsType).map((prop) => {
    const definition = checker.getTypeOfSymbol(prop);
    // The decoded type of the definition's `input` / `output` schema (`Schema.Codec<T>["Type"]`): what ToolInput and
    // ToolOutput infer, whatever else the definition carries.
    const schemaType = (field) => {
      const schema = checker.getPropertyOfType(definition, field);
      const type = schema === undefined ? undefined : checker.getPropertyOfType(checker.getTypeOfSymbol(schema), "Type");
      if (type === undefined) fail(`tools[${JSON.stringify(prop.name)}].${field} is not a schema`);
      return checker.getTypeOfSymbol(type);
    };
    return { name: prop.name, input: schemaType("input"), output: schemaType("output"), summary: toolSummary(prop) };
  });

  // The tool's title and the first sentence of its description, read from its defineTool({...}) call.
  function toolSummary(prop) {
    const init = prop.valueDeclaration?.initializer;
    const target = init === undefined ? undefined : checker.getSymbolAtLocation(init);
    const resolved = target !== undefined && target.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(target) : target;
    const call = resolved?.valueDeclaration?.initializer;
    const literal = call !== undefined && ts.isCallExpression(call) ? call.arguments[0] : undefined;
    const field = (name) => {
      if (literal === undefined || !ts.isObjectLiteralExpression(literal)) return undefined;
      const p = literal.properties.find((x) => ts.isPropertyAssignment(x) && x.name.getText() === name);
      return p === undefined ? undefined : constantString(p.initializer);
    };
    const description = field("description");
    const first = description?.match(/^.*?[.!?](?=\s+[A-Z(]|$)/u)?.[0] ?? description;
    return [field("title"), first].filter((s) => s !== undefined).join(": ") || undefined;
  }

  // A constant string expression: literals, `+`, templates over constants (numbers such as MAX_PAGE_SIZE).
  function constantString(node, depth = 0) {
    if (depth > 10) return undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isNumericLiteral(node)) return String(Number(node.text.replace(/_/g, "")));
    if (ts.isParenthesizedExpression(node)) return constantString(node.expression, depth + 1);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const l = constantString(node.left, depth + 1);
      const r = constantString(node.right, depth + 1);
      return l === undefined || r === undefined ? undefined : l + r;
    }
    if (ts.isTemplateExpression(node)) {
      let out = node.head.text;
      for (const span of node.templateSpans) {
        const v = constantString(span.expression, depth + 1);
        if (v === undefined) return undefined;
        out += v + span.literal.text;
      }
      return out;
    }
    if (ts.isIdentifier(node)) {
      let s = checker.getSymbolAtLocation(node);
      if (s !== undefined && s.flags & ts.SymbolFlags.Alias) s = checker.getAliasedSymbol(s);
      const decl = s?.valueDeclaration;
      if (decl !== undefined && ts.isVariableDeclaration(decl) && decl.initializer !== undefined && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const)
        return constantString(decl.initializer, depth + 1);
    }
    return undefined;
  }

  // ---- names: what the naming files export, by type ----
  const names = new Map(); // ts.Type → { name, docs }
  const nameOwner = new Map(); // name → ts.Type
  const claim = (type, name, docs, force = false) => {
    const owner = nameOwner.get(name);
    if (owner !== undefined && owner !== type) {
      if (!force) return;
      fail(`two different types want the name ${name}`);
    }
    if (names.has(type) && !force) return;
    if (names.has(type)) nameOwner.delete(names.get(type).name);
    names.set(type, { name, docs });
    nameOwner.set(name, type);
  };
  // Only object types and unions get names from exports: `string` (NonEmptyTrimmed) or a bare literal must not.
  const nameable = (type) =>
    (type.flags & ts.TypeFlags.Object && !checker.isArrayType(type) && !checker.isTupleType(type)) ||
    (type.flags & ts.TypeFlags.Union && !isBooleanUnion(type));
  // The JSDoc of a symbol's first declaration (a schema const and its same-named type each have their own).
  const docsOf = (symbol) => {
    const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
    const jsDoc = decl === undefined ? undefined : ts.getJSDocCommentsAndTags(decl).filter(ts.isJSDoc).at(-1);
    return (jsDoc === undefined ? undefined : ts.getTextOfJSDocComment(jsDoc.comment)) || undefined;
  };
  for (const file of program.getSourceFiles()) {
    if (!inPackageSrc(file.fileName) || !namingFile(relOf(file.fileName))) continue;
    const moduleSymbol = checker.getSymbolAtLocation(file);
    if (moduleSymbol === undefined) continue;
    for (const exported of [...checker.getExportsOfModule(moduleSymbol)].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) {
        const type = checker.getDeclaredTypeOfSymbol(symbol);
        if (nameable(type)) claim(type, exported.name, docsOf(symbol));
      }
      if (symbol.flags & ts.SymbolFlags.Variable) {
        const schemaType = checker.getTypeOfSymbol(symbol);
        const typeProp = checker.getPropertyOfType(schemaType, "Type");
        if (typeProp === undefined || checker.getPropertyOfType(schemaType, "Encoded") === undefined) continue;
        const type = checker.getTypeOfSymbol(typeProp);
        if (nameable(type)) claim(type, exported.name, docsOf(symbol));
      }
    }
  }
  for (const tool of tools) {
    const base = pascal(tool.name);
    claim(tool.input, `${base}Input`, `Input of ${tool.name}.`, true);
    claim(tool.output, `${base}Output`, `Output of ${tool.name}.`, true);
  }

  // ---- printing ----
  const undefinedType = checker.getUndefinedType();
  function isBooleanUnion(type) {
    return type.flags & ts.TypeFlags.Union && type.types.length === 2 && type.types.every((t) => t.flags & ts.TypeFlags.BooleanLiteral);
  }
  const emitted = new Map(); // name → declaration text
  const queue = [];
  const refer = (type) => {
    const named = names.get(type);
    if (named !== undefined) {
      if (!emitted.has(named.name) && !queue.includes(type)) queue.push(type);
      return named.name;
    }
    const symbol = type.aliasSymbol ?? (type.flags & ts.TypeFlags.Object && type.objectFlags & ts.ObjectFlags.Interface ? type.symbol : undefined);
    if (symbol === undefined) return undefined;
    const file = symbol.declarations?.[0]?.getSourceFile().fileName ?? "";
    if (inPackageSrc(file)) return undefined; // a local alias of an unnamed shape: printed in place
    const external = EXTERNAL_NAMES[symbol.name];
    if (external === undefined)
      fail(`a tool type reaches ${symbol.name} (${relOf(file)}), which the plain facade cannot restate; map it in EXTERNAL_NAMES or use a schema of plain types`);
    claim(type, external, undefined, true);
    return refer(type);
  };

  const print = (type, top = false) => {
    if (!top) {
      const name = refer(type);
      if (name !== undefined) return name;
    }
    const f = type.flags;
    if (f & ts.TypeFlags.Any)
      fail("a tool type is `any`: give its schema a precise type, or fix the type errors `npx tsc --noEmit -p packages/tools` shows");
    if (f & ts.TypeFlags.Unknown) return "unknown";
    if (f & ts.TypeFlags.Never) return "never";
    if (f & ts.TypeFlags.String) return "string";
    if (f & ts.TypeFlags.Number) return "number";
    if (f & ts.TypeFlags.Boolean) return "boolean";
    if (f & ts.TypeFlags.BigInt) return "bigint";
    if (f & ts.TypeFlags.Null) return "null";
    if (f & ts.TypeFlags.Undefined) return "undefined";
    if (f & ts.TypeFlags.Void) return "void";
    if (f & ts.TypeFlags.StringLiteral) return JSON.stringify(type.value);
    if (f & ts.TypeFlags.NumberLiteral) return String(type.value);
    if (f & ts.TypeFlags.BooleanLiteral) return checker.typeToString(type);
    if (f & ts.TypeFlags.TemplateLiteral) return checker.typeToString(type);
    if (f & ts.TypeFlags.Union) return printUnion(type.types);
    if (f & ts.TypeFlags.Intersection) return type.types.map((t) => wrap(print(t))).join(" & ");
    if (f & ts.TypeFlags.Object) return printObject(type);
    fail(`cannot print the type ${checker.typeToString(type)}`);
  };
  // Parenthesised when a union or intersection shows at its top level (not inside <>, {}, () or []).
  const wrap = (text) => {
    let depth = 0;
    for (const c of text) {
      if ("<{([".includes(c)) depth++;
      else if (">})]".includes(c)) depth--;
      else if (depth === 0 && (c === "|" || c === "&")) return `(${text})`;
    }
    return text;
  };
  const printUnion = (members) => {
    const hasTrue = members.some((t) => t.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(t) === "true");
    const hasFalse = members.some((t) => t.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(t) === "false");
    const out = [];
    for (const t of members) {
      if (t.flags & ts.TypeFlags.BooleanLiteral && hasTrue && hasFalse) {
        if (!out.includes("boolean")) out.push("boolean");
      } else out.push(wrap(print(t)));
    }
    return out.join(" | ");
  };
  // A mapped type's property (every schema field) says `readonly` only in its check flags, which TypeScript's
  // runtime exports without declaring them (5.x); a declared property says it with its modifier.
  const readonlyProp = (prop) =>
    (typeof ts.getCheckFlags === "function" && (ts.getCheckFlags(prop) & ts.CheckFlags.Readonly) !== 0) ||
    (prop.declarations ?? []).some((d) => (ts.isPropertySignature(d) || ts.isPropertyDeclaration(d)) && (ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly) !== 0);
  const propDocs = (prop) => {
    for (const d of prop.declarations ?? []) {
      if (ts.isPropertyAssignment(d)) {
        const described = annotatedDescription(d.initializer);
        if (described !== undefined) return described;
      }
    }
    return docsOf(prop);
  };
  // The `description` of the outermost `.annotate({ description })` in a schema field's expression.
  const annotatedDescription = (expr) => {
    let at = expr;
    while (ts.isCallExpression(at)) {
      const callee = at.expression;
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === "annotate") {
        const arg = at.arguments[0];
        if (arg !== undefined && ts.isObjectLiteralExpression(arg)) {
          const p = arg.properties.find((x) => ts.isPropertyAssignment(x) && x.name.getText() === "description");
          if (p !== undefined) return constantString(p.initializer);
        }
      }
      at = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
    }
    return undefined;
  };
  const printMembers = (type, indent) => {
    if (checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0 || checker.getSignaturesOfType(type, ts.SignatureKind.Construct).length > 0)
      fail(`a tool type holds a function (${checker.typeToString(type)}); tool inputs and outputs are data`);
    const lines = [];
    for (const info of checker.getIndexInfosOfType(type)) {
      lines.push(`${indent}${info.isReadonly ? "readonly " : ""}[x: ${print(info.keyType)}]: ${print(info.type)};`);
    }
    for (const prop of checker.getPropertiesOfType(type)) {
      const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0;
      let propType = checker.getTypeOfSymbol(prop);
      // Under exactOptionalPropertyTypes an optional property's type carries the checker's "missing" marker, an
      // `undefined` that is not the real one: `?:` already says it; a real `| undefined` is kept.
      if (optional && propType.flags & ts.TypeFlags.Union) {
        const kept = propType.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined && t !== undefinedType));
        // The union without the marker is the declared one (unions are interned), so a named union keeps its name.
        const declared = kept.length === 1 ? kept[0] : typeof checker.getUnionType === "function" ? checker.getUnionType(kept) : undefined;
        const text = declared === undefined ? printUnion(kept) : print(declared);
        lines.push(doc(propDocs(prop), indent) + `${indent}${readonlyProp(prop) ? "readonly " : ""}${key(prop.name)}?: ${text};`);
        continue;
      }
      if (optional && propType.flags & ts.TypeFlags.Undefined && propType !== undefinedType) propType = checker.getNeverType();
      lines.push(doc(propDocs(prop), indent) + `${indent}${readonlyProp(prop) ? "readonly " : ""}${key(prop.name)}${optional ? "?" : ""}: ${print(propType)};`);
    }
    return lines;
  };
  const printObject = (type) => {
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type);
      const readonly = type.target?.symbol?.name === "ReadonlyArray";
      return `${readonly ? "ReadonlyArray" : "Array"}<${print(element)}>`;
    }
    if (checker.isTupleType(type)) {
      const readonly = type.target?.readonly === true;
      return `${readonly ? "readonly " : ""}[${checker.getTypeArguments(type).map((t) => print(t)).join(", ")}]`;
    }
    const lines = printMembers(type, "");
    return lines.length === 0 ? "{}" : `{ ${lines.map((l) => l.replace(/\n/g, " ")).join(" ")} }`;
  };

  // A named type's declaration: an interface for objects (and arrays' subtypes), a type alias otherwise.
  const declare = (type) => {
    const { name, docs } = names.get(type);
    const head = doc(docs);
    if (type.flags & ts.TypeFlags.Object && !checker.isArrayType(type) && !checker.isTupleType(type)) {
      const bases = type.objectFlags & ts.ObjectFlags.Interface ? (checker.getBaseTypes(type) ?? []) : [];
      if (bases.length > 0) {
        if (bases.length !== 1 || !checker.isArrayType(bases[0]) || checker.getPropertiesOfType(type).length !== checker.getPropertiesOfType(bases[0]).length)
          fail(`${name} extends another type with members of its own; the generator only restates array subtypes`);
        return `${head}export interface ${name} extends ${print(bases[0])} {}\n`;
      }
      const members = printMembers(type, "  ");
      return `${head}export interface ${name} {\n${members.join("\n")}${members.length === 0 ? "" : "\n"}}\n`;
    }
    return `${head}export type ${name} = ${print(type, true)};\n`;
  };

  const toolLines = [];
  for (const tool of tools) {
    const input = refer(tool.input);
    const output = refer(tool.output);
    // A tool whose input may be `{}` may be called without one (`front.listTags()`).
    const optionalInput = acceptsEmpty(tool.input);
    toolLines.push({ tool, input, output, optionalInput });
  }
  // Whether `{}` is a valid input: an object whose properties are all optional, or a union with one such member.
  function acceptsEmpty(type) {
    if (type.flags & ts.TypeFlags.Union) return type.types.some(acceptsEmpty);
    return (type.flags & ts.TypeFlags.Object) !== 0 && checker.getPropertiesOfType(type).every((p) => (p.flags & ts.SymbolFlags.Optional) !== 0);
  }
  while (queue.length > 0) {
    const type = queue.shift();
    const { name } = names.get(type);
    if (emitted.has(name)) continue;
    emitted.set(name, ""); // reserved first: recursive types refer to themselves
    emitted.set(name, declare(type));
  }

  const header = [
    "// Generated by scripts/facade-types.mjs from the tools' schemas (src/registry.ts) at build time. Do not edit:",
    "// change the schema. Plain declarations that import nothing but the facade's own options (see the script).",
    "",
    'import type { InvokeOptions } from "../facade-types.js";',
    "",
  ].join("\n");
  const declarations = [...emitted.keys()].sort().map((n) => emitted.get(n)).join("\n");
  const methods = toolLines
    .map(
      ({ tool, input, output, optionalInput }) =>
        doc(tool.summary === undefined ? tool.name : `${tool.name} — ${tool.summary}`, "  ") +
        `  readonly ${camel(tool.name)}: (input${optionalInput ? "?" : ""}: ${input}, options?: InvokeOptions) => Promise<${output}>;`,
    )
    .join("\n");
  const typesByName = toolLines.map(({ tool, input, output }) => `  readonly ${JSON.stringify(tool.name)}: { readonly input: ${input}; readonly output: ${output} };`).join("\n");
  return (
    `${header}\n${declarations}\n` +
    `/** The tools as camelCase async methods; a tool whose input is all optional may be called without one. */\n` +
    `export interface FrontToolMethods {\n${methods}\n}\n\n` +
    `/** Each tool's input and output, by its kebab-case name. */\n` +
    `export interface FrontToolTypes {\n${typesByName}\n}\n`
  );
}

function fail(message) {
  throw new Error(`facade-types: ${message}`);
}

/** Writes the output when it changed (an unchanged file keeps its mtime, so watchers and tsc stay quiet). */
export function writeFacadeTypes(packageDir = DEFAULT_PACKAGE_DIR) {
  const started = performance.now();
  const text = generateFacadeTypes({ packageDir });
  const out = join(packageDir, OUTPUT);
  mkdirSync(dirname(out), { recursive: true });
  const changed = !existsSync(out) || readFileSync(out, "utf8") !== text;
  if (changed) writeFileSync(out, text);
  console.log(`facade-types: ${OUTPUT} ${changed ? "written" : "unchanged"} in ${Math.round(performance.now() - started)} ms`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    writeFacadeTypes();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
