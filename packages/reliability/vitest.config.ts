import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

/** Runs files in name order, always: the default sequencer runs last run's failed and slowest files first. */
class NameOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    // One worker, files in name order: the canary record and the unhandled-rejection watch are process-wide,
    // and zz-summary.test.ts checks them last.
    fileParallelism: false,
    isolate: false,
    sequence: { shuffle: false, sequencer: NameOrderSequencer },
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
