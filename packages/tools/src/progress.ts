/**
 * Progress reporting from long tools (paging through many pages) to whoever
 * runs them: the facade's `onProgress`, MCP progress notifications.
 *
 * The rule a caller sees lives here once (`guardProgress`, installed by `runTool`):
 * `progress` grows with every report (MCP requires it) and is never above `total`.
 * Front may answer pages shorter than `limit`, so a pager only has an estimate of
 * its page count; when it is passed, the total grows to meet the progress, and a
 * total is never lowered. Pagers report their own best guess; the guard keeps the
 * promise whatever they, or several of them combined, report.
 */
import { Context, Effect } from "effect";

/** One progress report: `progress` grows with every report and is never above `total`; `total` when known (it may grow, never shrinks). */
export interface ProgressUpdate {
  readonly progress: number;
  readonly total?: number;
  readonly message?: string;
}

// The default reporter, recognised by identity so runs nobody listens to pay nothing for the guard.
const dropProgress = (_update: ProgressUpdate): void => undefined;

/** Receives progress reports of the current invocation; the default drops them. */
export const ProgressReporter = Context.Reference<(update: ProgressUpdate) => void>("@frontkit/tools/ProgressReporter", {
  defaultValue: () => dropProgress,
});

/**
 * Wraps a reporter so what it receives keeps the rule: a report whose progress does not grow is dropped, a
 * total below the progress grows to it, a total never shrinks (a smaller one is replaced by the largest
 * seen), and a report without a total carries none. One guard per invocation: it remembers the last report.
 */
export const guardProgress = (report: (update: ProgressUpdate) => void): ((update: ProgressUpdate) => void) => {
  let last = 0;
  let largestTotal = 0;
  return (update) => {
    const progress = update.progress;
    if (!Number.isFinite(progress) || progress <= last) return;
    last = progress;
    let total: number | undefined;
    if (update.total !== undefined && Number.isFinite(update.total)) {
      largestTotal = Math.max(largestTotal, update.total, progress);
      total = largestTotal;
    }
    report({ progress, ...(total === undefined ? {} : { total }), ...(update.message === undefined ? {} : { message: update.message }) });
  };
};

/** Runs `effect` with the current reporter guarded (see `guardProgress`); nothing to do when nobody listens. */
export const withGuardedProgress = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  ProgressReporter.use((report) => (report === dropProgress ? effect : Effect.provideService(effect, ProgressReporter, guardProgress(report))));

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

/**
 * Runs `f` over `items` (concurrently, as `Effect.forEach`), each with its own progress, reporting their sum:
 * pages done across all of them, and the sum of their totals, where an item that has not reported yet is
 * expected to be as long as the longest one known. Any item without a total makes the total unknown.
 */
export const forEachWithProgress = <A, B, E, R>(
  items: ReadonlyArray<A>,
  f: (item: A) => Effect.Effect<B, E, R>,
  options: { readonly concurrency: number },
): Effect.Effect<Array<B>, E, R> =>
  ProgressReporter.use((report) => {
    if (report === dropProgress) return Effect.forEach(items, f, options);
    const progress = items.map(() => 0);
    const totals = items.map((): number | undefined => undefined);
    const reported = items.map(() => false);
    const partReporter = (index: number) => (update: ProgressUpdate) => {
      progress[index] = update.progress;
      totals[index] = update.total;
      reported[index] = true;
      let total: number | undefined = 0;
      let longest = 0;
      for (let i = 0; i < items.length; i++) {
        if (!reported[i]) continue;
        const t = totals[i];
        if (t === undefined) {
          total = undefined;
          break;
        }
        total += t;
        longest = Math.max(longest, t);
      }
      if (total !== undefined) total += reported.filter((r) => !r).length * Math.max(longest, 1);
      const sum = progress.reduce((a, b) => a + b, 0);
      report({ progress: sum, ...(total === undefined ? {} : { total }), ...(update.message === undefined ? {} : { message: update.message }) });
    };
    return Effect.forEach(items, (item, index) => Effect.provideService(f(item), ProgressReporter, partReporter(index)), options);
  });
