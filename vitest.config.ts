import { defineConfig } from "vitest/config";

// Root tests: the spec pipeline and the repository scripts. Package tests live in each package.
export default defineConfig({
  test: {
    include: ["spec/test/**/*.test.ts", "scripts/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
