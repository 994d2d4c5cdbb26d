import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";
import { effectSubpathImports } from "../tools/scripts/effect-subpath-imports.mjs";

export default defineConfig([
  {
    entry: { mcp: "src/mcp/index.ts", spojit: "src/spojit/index.ts", n8n: "src/n8n/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node22",
    // The Spojit entry loads only the Effect modules it uses, not all of `effect` (see the plugin).
    esbuildPlugins: [effectSubpathImports(fileURLToPath(new URL(".", import.meta.url)))],
    // Emits dist/spojit-connector.json and its schema from the built ./spojit module, validated
    // first; here rather than in the npm script so every tsup run (clean included) writes them.
    onSuccess: "node scripts/spojit-connector.mjs",
  },
  {
    // The CLI is ESM only; its shebang makes it directly executable (npx frontkit-mcp).
    entry: { "frontkit-mcp": "src/bin/frontkit-mcp.ts" },
    format: ["esm"],
    sourcemap: true,
    clean: false,
    target: "node22",
    // The bin is a program, not a library: it carries its own tree-shaken, minified copy of the tools, core and
    // Effect (no consumer shares its runtime), split so the tools load only when needed. Node then compiles one
    // small file instead of resolving and compiling ~170 modules (3.9 MB) of `effect` at the first tools/call.
    noExternal: [/^@frontkit\//, /^effect(\/|$)/, "openapi-fetch"],
    splitting: true,
    // Whitespace and syntax minified, identifiers kept: names stay readable in stack traces, and no keepNames
    // helper runs each time a closure is made (Effect makes many per call).
    minify: true,
    esbuildOptions(options) {
      options.minifyIdentifiers = false;
      // Maps without the sources: they still name file and line, and the package does not ship 8 MB of Effect's source.
      options.sourcesContent = false;
    },
    banner: { js: "#!/usr/bin/env node" },
    // The bin answers tools/list from this snapshot of the catalog before it loads Effect and the
    // tools (cold start); written from the very `mcpToolCatalog` the bin then runs.
    onSuccess: async () => {
      const { writeFile } = await import("node:fs/promises");
      const { mcpToolCatalog } = await import("@frontkit/tools");
      await writeFile("dist/frontkit-mcp.catalog.json", `${JSON.stringify(mcpToolCatalog)}\n`);
    },
  },
]);
