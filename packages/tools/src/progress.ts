/**
 * Progress reporting from long tools (paging through many pages) to whoever
 * runs them: the facade's `onProgress`, MCP progress notifications.
 */
import { Context, Effect } from "effect";

/** One progress report: `progress` grows monotonically; `total` when known. */
export interface ProgressUpdate {
  readonly progress: number;
  readonly total?: number;
  readonly message?: string;
}

/** Receives progress reports of the current invocation; the default drops them. */
export const ProgressReporter = Context.Reference<(update: ProgressUpdate) => void>("@frontkit/tools/ProgressReporter", {
  defaultValue: () => () => undefined,
});

/** Reports progress to the current reporter; a reporter that throws never breaks the tool. */
export const reportProgress = (update: ProgressUpdate): Effect.Effect<void> =>
  ProgressReporter.use((report) =>
    Effect.sync(() => {
      try {
        report(update);
      } catch {
        // A caller's progress callback is advisory; its failure is not the tool's failure.
      }
    }),
  );
