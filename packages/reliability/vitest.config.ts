import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    // One worker, files in name order: the canary record and the unhandled-rejection watch are process-wide,
    // and zz-summary.test.ts checks them last.
    fileParallelism: false,
    isolate: false,
    sequence: { shuffle: false },
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
