/**
 * API reports: what each published package's entry points export, as users receive it (the built `.d.ts`), in a
 * normalized text committed as `packages/<pkg>/api/<entry>.api.md`. A change to the public types then shows in
 * review as a change to that file, and scripts/api-report.test.ts fails while the files are not updated.
 *
 *   npm run api:update          builds what changed (turbo, cached) and rewrites the reports
 *   tsx scripts/api-report.ts   checks only: prints which reports differ, exits 1 if any
 *
 * The report of an entry lists, sorted by exported name, each export's declaration as TypeScript prints it
 * (comments dropped, formatting normalized), then the package's own declarations those reach without exporting
 * them (a changed shape there changes the public types too). Names re-exported from another package are listed
 * with that package; their shapes are in its own report. Nothing machine-specific goes in: no paths, no hashes.
 *
 * Why not API Extractor: it takes one entry point per configuration and a TypeScript of its own, and three of
 * these packages have several entries; this check is one TypeScript program over every entry (about a second).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The published packages that have a TypeScript API (n8n-nodes-frontkit has none: n8n loads its node files by path). */
export const REPORTED_PACKAGES = ["packages/core", "packages/tools", "packages/adapters"] as const;

/**
 * Packages whose declarations include types generated from Front's spec (core's `paths`, `components`, path unions):
 * the report names them but does not restate them, since nothing generated from the spec is committed (DESIGN.md).
 * Which names those are is read from the generated files themselves.
 */
const SPEC_GENERATED_DIRS: Readonly<Record<string, string>> = { "packages/core": "src/generated" };

/** The command that rewrites the reports, named in every failure. */
export const UPDATE_COMMAND = "npm run api:update";

/** One entry point of a package and its report. */
export interface EntryReport {
  /** `@frontkit/tools`, `@frontkit/tools/promise`, … */
  readonly specifier: string;
  /** The report file, relative to the repository root (`packages/tools/api/index.api.md`). */
  readonly file: string;
  /** The report's text. */
  readonly text: string;
}

interface Entry {
  readonly packageDir: string;
  readonly packageName: string;
  readonly subpath: string;
  readonly typesFile: string;
}

const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;

/** Every entry point in a package's `exports` with its ESM types file (`./package.json` is not code). */
const entriesOf = (packageDir: string): Entry[] => {
  const manifest = readJson(join(root, packageDir, "package.json"));
  const name = String(manifest.name);
  const exportsField = (manifest.exports ?? {}) as Record<string, unknown>;
  const entries: Entry[] = [];
  for (const [subpath, target] of Object.entries(exportsField)) {
    if (subpath === "./package.json") continue;
    const importTarget = (target as { import?: { types?: string } }).import;
    if (importTarget?.types === undefined) throw new Error(`${packageDir}/package.json: exports["${subpath}"] has no import.types`);
    entries.push({ packageDir, packageName: name, subpath, typesFile: resolve(root, packageDir, importTarget.types) });
  }
  return entries.sort((a, b) => (a.subpath < b.subpath ? -1 : a.subpath > b.subpath ? 1 : 0));
};

const reportFileOf = (entry: Entry): string =>
  `${entry.packageDir}/api/${entry.subpath === "." ? "index" : entry.subpath.replace(/^\.\//, "").replace(/\//g, "-")}.api.md`;

// The package a declaration file belongs to: the name in the nearest package.json.
const packageNames = new Map<string, string>();
const packageOf = (file: string): string => {
  let dir = dirname(file);
  while (true) {
    const cached = packageNames.get(dir);
    if (cached !== undefined) return cached;
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const json = readJson(manifest);
      if (typeof json.name === "string") {
        packageNames.set(dir, json.name);
        return json.name;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return "(unknown)";
    dir = parent;
  }
};

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Top-level names declared in a package's spec-generated files. */
const specGeneratedNames = (packageDir: string): ReadonlySet<string> => {
  const dir = SPEC_GENERATED_DIRS[packageDir];
  if (dir === undefined) return new Set();
  const abs = join(root, packageDir, dir);
  if (!existsSync(abs)) throw new Error(`API report: ${packageDir}/${dir} is missing; build first (\`${UPDATE_COMMAND}\` does)`);
  const names = new Set<string>();
  for (const file of readdirSync(abs).filter((f) => f.endsWith(".ts")).sort(byName)) {
    const source = ts.createSourceFile(file, readFileSync(join(abs, file), "utf8"), ts.ScriptTarget.ES2022, false);
    for (const statement of source.statements) {
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
      } else if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name !== undefined) {
        names.add(statement.name.text);
      }
    }
  }
  return names;
};

/** Builds every report from the built declaration files (run the build first; `npm run api:update` does). */
export const buildReports = (
  packages: ReadonlyArray<string> = REPORTED_PACKAGES,
  /** Absolute path → text, replacing a declaration file as read (the test proves a change is caught). */
  overrides: ReadonlyMap<string, string> = new Map(),
): EntryReport[] => {
  const entries = packages.flatMap(entriesOf);
  const missing = entries.filter((e) => !existsSync(e.typesFile));
  if (missing.length > 0) {
    const list = missing.map((e) => relative(root, e.typesFile).split(sep).join("/")).join(", ");
    throw new Error(`API report: ${list} missing; build first (\`${UPDATE_COMMAND}\` builds and updates the reports)`);
  }
  const options: ts.CompilerOptions = {
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    types: ["node"],
  };
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, languageVersion, onError, shouldCreate) => {
    const text = overrides.get(resolve(file));
    return text === undefined ? getSourceFile(file, languageVersion, onError, shouldCreate) : ts.createSourceFile(file, text, languageVersion, true);
  };
  const program = ts.createProgram({ rootNames: entries.map((e) => e.typesFile), options, host });
  const checker = program.getTypeChecker();
  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  return entries.map((entry) => ({
    specifier: entry.subpath === "." ? entry.packageName : `${entry.packageName}/${entry.subpath.replace(/^\.\//, "")}`,
    file: reportFileOf(entry),
    text: reportOf(entry, program, checker, printer),
  }));
};

const reportOf = (entry: Entry, program: ts.Program, checker: ts.TypeChecker, printer: ts.Printer): string => {
  const source = program.getSourceFile(entry.typesFile);
  const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (source === undefined || moduleSymbol === undefined) throw new Error(`API report: cannot read ${entry.typesFile} as a module`);
  const ownPackage = entry.packageName;
  const specGenerated = specGeneratedNames(entry.packageDir);
  const resolveAlias = (symbol: ts.Symbol): ts.Symbol => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const declarationsOf = (symbol: ts.Symbol): ts.Declaration[] => symbol.declarations ?? [];
  const isOwn = (node: ts.Node) => packageOf(node.getSourceFile().fileName) === ownPackage;

  // A declaration's statement: a variable's whole `declare const x: T;`, anything else itself.
  const statementOf = (decl: ts.Node): ts.Node => {
    if (ts.isVariableDeclaration(decl) && ts.isVariableDeclarationList(decl.parent)) return decl.parent.parent;
    return decl;
  };

  // Bundlers rename clashing locals (`Tag$1`); the report uses the exported name wherever the symbol is exported.
  const exported = [...checker.getExportsOfModule(moduleSymbol)].sort((a, b) => byName(a.name, b.name));
  const exportedNameOf = new Map<ts.Symbol, string>();
  for (const symbol of exported) {
    const target = resolveAlias(symbol);
    if (!exportedNameOf.has(target)) exportedNameOf.set(target, symbol.name);
  }
  const renames = new Map<string, string>();

  const printed = new Set<ts.Node>();
  const referenced = new Map<string, ts.Symbol>(); // own, not exported, reached from what is printed
  const print = (statement: ts.Node): string => {
    const declared = ts.isVariableStatement(statement)
      ? statement.declarationList.declarations.map((d) => d.name.getText())
      : [(statement as ts.NamedDeclaration).name?.getText() ?? ""];
    if (declared.length > 0 && declared.every((n) => specGenerated.has(n))) {
      return `/* ${declared.join(", ")}: generated from Front's OpenAPI spec at build time; not restated (never committed) */`;
    }
    // Collect the names this statement refers to, to find the unexported own declarations it reaches.
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && (ts.isTypeReferenceNode(node.parent) || ts.isExpressionWithTypeArguments(node.parent) || ts.isTypeQueryNode(node.parent) || ts.isQualifiedName(node.parent))) {
        const symbol = checker.getSymbolAtLocation(node);
        if (symbol !== undefined) {
          const target = resolveAlias(symbol);
          const name = exportedNameOf.get(target);
          if (name !== undefined && name !== node.text) renames.set(node.text, name);
          if (name === undefined && declarationsOf(target).some(isOwn) && !(target.flags & ts.SymbolFlags.TypeParameter)) referenced.set(target.name, target);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(statement);
    return printer.printNode(ts.EmitHint.Unspecified, statement, statement.getSourceFile());
  };

  const sections: string[] = [];
  const fromOtherPackages = new Map<string, string[]>();
  for (const symbol of exported) {
    const target = resolveAlias(symbol);
    const decls = declarationsOf(target);
    const own = decls.filter(isOwn);
    if (own.length === 0) {
      const from = decls[0] === undefined ? "(unknown)" : packageOf(decls[0].getSourceFile().fileName);
      fromOtherPackages.set(from, [...(fromOtherPackages.get(from) ?? []), symbol.name]);
      continue;
    }
    const local = target.name;
    if (local !== symbol.name) renames.set(local, symbol.name);
    const texts: string[] = [];
    for (const decl of own) {
      const statement = statementOf(decl);
      if (printed.has(statement)) continue;
      printed.add(statement);
      texts.push(print(statement));
    }
    sections.push(`// ${symbol.name}\n${texts.join("\n")}`);
  }

  // The unexported own declarations reached, transitively, in name order.
  const internal: string[] = [];
  const done = new Set<string>();
  while (true) {
    const next = [...referenced.keys()].filter((n) => !done.has(n)).sort(byName)[0];
    if (next === undefined) break;
    done.add(next);
    const symbol = referenced.get(next);
    const texts: string[] = [];
    for (const decl of (symbol === undefined ? [] : declarationsOf(symbol)).filter(isOwn)) {
      const statement = statementOf(decl);
      if (printed.has(statement)) continue;
      printed.add(statement);
      texts.push(print(statement));
    }
    if (texts.length > 0) internal.push(`// ${next} (not exported)\n${texts.join("\n")}`);
  }

  const reexports = [...fromOtherPackages.entries()]
    .sort(([a], [b]) => byName(a, b))
    .map(([from, names]) => `export { ${names.sort(byName).join(", ")} } from "${from}";`);

  // Exported names for bundler-renamed locals (`Tag$1` → `Tag`), whole identifiers only.
  const rename = (text: string): string => {
    let out = text;
    for (const [local, name] of [...renames.entries()].sort(([a], [b]) => byName(a, b))) {
      if (!local.includes("$")) continue;
      out = out.replace(new RegExp(`(?<![\\w$])${local.replace(/\$/g, "\\$")}(?![\\w$])`, "g"), name);
    }
    return out;
  };

  // What the entry imports from other modules, so a bundler alias such as `Server as Server$1` reads plainly.
  const imports = source.statements
    .filter(ts.isImportDeclaration)
    .map((statement) => {
      // Named imports sorted: the bundler orders them by first use, which unrelated changes move.
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      if (clause === undefined || clause.name !== undefined || bindings === undefined || !ts.isNamedImports(bindings)) {
        return printer.printNode(ts.EmitHint.Unspecified, statement, source);
      }
      const names = bindings.elements.map((e) => e.getText(source)).sort(byName);
      const typeOnly = clause.isTypeOnly ? "type " : "";
      return `import ${typeOnly}{ ${names.join(", ")} } from ${statement.moduleSpecifier.getText(source).replace(/'/g, '"')};`;
    })
    .sort(byName);

  const specifier = entry.subpath === "." ? entry.packageName : `${entry.packageName}/${entry.subpath.replace(/^\.\//, "")}`;
  const body = [
    ...(imports.length > 0 ? [`// Imports\n${imports.join("\n")}`] : []),
    ...(reexports.length > 0 ? [`// Re-exported from other packages\n${reexports.join("\n")}`] : []),
    ...sections,
    ...internal,
  ].join("\n\n");
  return [
    `# API report: ${specifier}`,
    "",
    `Generated from the built declarations by \`${UPDATE_COMMAND}\` (scripts/api-report.ts). Do not edit: review the`,
    "diff. Exports in name order; then the package's own declarations they reach without exporting them.",
    "",
    "```ts",
    rename(body),
    "```",
    "",
  ].join("\n");
};

/** Reports whose committed text differs from the built declarations (missing files included). */
export const staleReports = (reports: ReadonlyArray<EntryReport>): EntryReport[] =>
  reports.filter((r) => {
    const file = join(root, r.file);
    return !existsSync(file) || readFileSync(file, "utf8") !== r.text;
  });

/** Writes every report that changed; returns the files written. */
export const writeReports = (reports: ReadonlyArray<EntryReport>): string[] =>
  staleReports(reports).map((r) => {
    const file = join(root, r.file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, r.text);
    return r.file;
  });

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const reports = buildReports();
  const ms = () => Math.round(performance.now() - started);
  if (process.argv.includes("--update")) {
    const written = writeReports(reports);
    console.log(`api-report: ${written.length === 0 ? "all reports current" : `updated ${written.join(", ")}`} (${reports.length} entries, ${ms()} ms)`);
  } else {
    const stale = staleReports(reports);
    if (stale.length > 0) {
      console.error(`api-report: the public types changed and ${stale.map((r) => r.file).join(", ")} do not record it; review the change and run \`${UPDATE_COMMAND}\`.`);
      process.exit(1);
    }
    console.log(`api-report: ${reports.length} reports current (${ms()} ms)`);
  }
}
