import type { Plugin } from "esbuild";
import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";
import { effectSubpathImports } from "./scripts/effect-subpath-imports.mjs";

/**
 * `@frontkit/tools/promise` re-exports the facade of the main entry. Bundled, it would carry its own copy of the
 * whole runtime (CJS has no code splitting), so its errors would not be `instanceof` the main entry's classes;
 * resolving its `./index.js` to the built main bundle keeps one runtime for both entries.
 */
const promiseEntryUsesMainBundle: Plugin = {
  name: "promise-entry-uses-main-bundle",
  setup(build) {
    const mainBundle = build.initialOptions.format === "cjs" ? "./index.cjs" : "./index.js";
    build.onResolve({ filter: /^\.\/index\.js$/ }, (args) =>
      /[\\/]src[\\/]promise\.ts$/.test(args.importer) ? { path: mainBundle, external: true } : undefined,
    );
  },
};

export default defineConfig({
  // token.ts imports nothing: `@frontkit/tools/token` lets the MCP bin check FRONT_API_TOKEN without loading Effect.
  // redact.ts likewise: the MCP server masks secrets in what it answers before Effect is loaded.
  entry: ["src/index.ts", "src/promise.ts", "src/token.ts", "src/redact.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node22",
  // Only the Effect modules the tools use are loaded, not all of `effect` (cold start; see the plugin).
  esbuildPlugins: [promiseEntryUsesMainBundle, effectSubpathImports(fileURLToPath(new URL(".", import.meta.url)))],
});
