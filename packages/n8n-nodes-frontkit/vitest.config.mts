import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    // Unit tests use the workspace sources; the engine tests load the built bundle (dist/).
    alias: {
      "@frontkit/adapters/n8n": path("../adapters/src/n8n/index.ts"),
      "@frontkit/tools/redact": path("../tools/src/redact.ts"),
      "@frontkit/tools/token": path("../tools/src/token.ts"),
      "@frontkit/tools": path("../tools/src/index.ts"),
      "@frontkit/core": path("../core/src/index.ts"),
      "@frontkit/testkit": path("../testkit/src/index.ts"),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    // Builds the bundle once, then starts one Prism for the run.
    globalSetup: ["./test/global-setup.ts"],
    // n8n-core reads N8N_USER_FOLDER and needs reflect-metadata before it is imported.
    setupFiles: ["./test/engine/env.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
