import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/global-setup.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  // import.meta.url locates the repo root in the CJS build too.
  shims: true,
  target: "node22",
  external: ["vitest", "vitest/node"],
});
