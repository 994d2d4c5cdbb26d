/**
 * The memory budget of one tool call: bytes of answers read across all its pages (and so what a cached list
 * it loads can hold). `maxResponseBytes` bounds one answer; without this a call paging through 100 pages of
 * 32 MiB would hold over 3 GB. Pages are bounded separately (`max_pages`, `DEFAULT_MAX_PAGES`).
 *
 * A fiber-local reference, installed fresh by `runTool`, so concurrent calls on one Front service each count
 * only their own answers.
 */
import { Context } from "effect";

/** Default bound on the bytes of answers one call reads (64 MiB). */
export const DEFAULT_MAX_CALL_BYTES = 64 * 1024 * 1024;

/** What one call has read so far. */
export interface CallBudget {
  /** Bytes of answer bodies read, retries included. */
  bytes: number;
}

/** Creates an empty budget for one call. */
export const makeCallBudget = (): CallBudget => ({ bytes: 0 });

/** The budget of the current tool call, if the request runs inside one. */
export const CurrentCallBudget = Context.Reference<CallBudget | undefined>("@frontkit/tools/CurrentCallBudget", {
  defaultValue: () => undefined,
});
