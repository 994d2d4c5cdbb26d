import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Tests use the testkit's source, so core's tests need no testkit build (and core no build-time dependency on it).
    alias: { "@frontkit/testkit": fileURLToPath(new URL("../testkit/src/index.ts", import.meta.url)) },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 90_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/contract/**"],
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      {
        extends: true,
        test: {
          name: "contract",
          include: ["test/contract/**/*.test.ts"],
          // One Prism per run, started and stopped by the testkit (also when tests fail).
          globalSetup: ["./test/contract/global-setup.ts"],
        },
      },
    ],
  },
});
