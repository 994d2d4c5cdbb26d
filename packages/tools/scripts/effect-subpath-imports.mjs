// An esbuild plugin (tsup) that turns `import { Effect, Schema } from "effect"` in our sources into
// `import * as Effect from "effect/Effect"; import * as Schema from "effect/Schema"` in the built files.
//
// Why: `effect` stays external (consumers share one Effect runtime with us), and its root entry re-exports all
// 140-odd modules, so one import of it makes Node load and evaluate every one of them — about 300 ms of CPU on the
// bench machine, most of `frontkit-mcp`'s first tools/call. The subpath modules are the very same module instances
// the root entry re-exports (`export * as Effect from "./Effect.js"`), so identity (tags, classes, the fiber
// runtime) is unchanged; only the modules we use are loaded. Sources keep the idiomatic root import.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// The root entry's plain function re-exports (`export { pipe, … } from "./Function.js"`).
const FUNCTION_EXPORTS = new Set(["absurd", "cast", "flow", "hole", "identity", "pipe"]);
const ROOT_IMPORT = /^import\s+(type\s+)?\{([^}]*)\}\s+from\s+"effect";?/gmu;

/** Rewrites one source text; throws when it names a module `effect` does not ship (a build error, not a runtime one). */
export const rewriteEffectImports = (source, file, effectDist) =>
  source.replace(ROOT_IMPORT, (whole, typeOnly, names) => {
    if (typeOnly !== undefined) return whole; // erased by the TypeScript loader anyway
    // As many line breaks as the import had: the rewritten file keeps its line numbers, so source maps stay right.
    const breaks = "\n".repeat(whole.split("\n").length - 1);
    return `${names
      .split(",")
      .map((spec) => spec.trim())
      .filter((spec) => spec !== "" && !spec.startsWith("type "))
      .map((spec) => {
        const [name, alias] = spec.split(/\s+as\s+/u);
        if (FUNCTION_EXPORTS.has(name)) return `import { ${name}${alias === undefined ? "" : ` as ${alias}`} } from "effect/Function";`;
        if (!/^[A-Z][A-Za-z]*$/u.test(name) || !existsSync(join(effectDist, `${name}.js`))) {
          throw new Error(`effect-subpath-imports: ${file} imports ${name} from "effect", which has no module effect/${name}; import it from its module`);
        }
        return `import * as ${alias ?? name} from "effect/${name}";`;
      })
      .join(" ")}${breaks}`;
  });

/** The esbuild plugin; `packageDir` is the package whose sources it rewrites (node_modules are left alone). */
export const effectSubpathImports = (packageDir) => {
  const effectDist = dirname(createRequire(join(packageDir, "package.json")).resolve("effect"));
  return {
    name: "effect-subpath-imports",
    setup(build) {
      build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
        if (args.path.includes("node_modules") || !args.path.startsWith(packageDir)) return undefined;
        const source = await readFile(args.path, "utf8");
        if (!source.includes('from "effect"')) return undefined;
        return { contents: rewriteEffectImports(source, args.path, effectDist), loader: args.path.endsWith("x") ? "tsx" : "ts" };
      });
    },
  };
};
