import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Test against core's and testkit's source, so their changes are seen without rebuilding dist.
const alias = {
  "@frontkit/core": fileURLToPath(new URL("../core/src/index.ts", import.meta.url)),
  "@frontkit/testkit": fileURLToPath(new URL("../testkit/src/index.ts", import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        // Inline projects inherit the root's timeouts only with `extends: true` (without it, vitest's 5 s default applied).
        extends: true,
        resolve: { alias },
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/contract/**", "test/**/*.prism.test.ts"],
          typecheck: { include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      {
        extends: true,
        resolve: { alias },
        test: {
          name: "contract",
          // Per-tool Prism tests live beside the tool's unit tests as *.prism.test.ts.
          include: ["test/contract/**/*.test.ts", "test/**/*.prism.test.ts"],
          // One Prism per run (it takes seconds to boot), provided to tests as inject("prismUrl").
          globalSetup: ["./test/contract/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
