/**
 * Bounded auto-paging for the list tools that return "up to N" results
 * (list-contacts, list-conversations, get-conversation's messages).
 *
 * Unlike `streamPages`, each request asks Front for only as many items as are
 * still wanted, so the last page is never cut and its `next_page_token` stays a
 * true continuation point. A `keep` predicate may end paging early: Front lists
 * conversations most recently updated first, so the first one older than a
 * date filter means every later one is older too — no need to fetch them.
 */
import type { Schema } from "effect";
import { Effect } from "effect";
import type { FrontToolError } from "./errors.js";
import type { Front, FrontCall } from "./front.js";
import { fetchPage, MAX_PAGE_SIZE } from "./pagination.js";
import { reportProgress } from "./progress.js";

/** What `keep` decides for one item: include it, leave it out, or end paging before it. */
export type KeepDecision = "keep" | "skip" | "stop";

/** Options of `collectPages`. */
export interface CollectPagesOptions<A> {
  /** Names the request in errors and progress messages, e.g. "GET /contacts". */
  readonly operation: string;
  /** Builds the request of one page. */
  readonly call: (pageToken: string | undefined, limit: number) => FrontCall<unknown>;
  /** Lenient item schema. */
  readonly item: Schema.Codec<A, unknown, never, never>;
  /** Page token to start from. */
  readonly pageToken?: string | undefined;
  /** Page size asked of Front (capped at 100). */
  readonly pageSize: number;
  /** Stop once this many items are kept. */
  readonly maxResults: number;
  /** Stop after this many pages even if more are wanted (one page for "single page" mode). */
  readonly maxPages?: number | undefined;
  /** Per-item decision (default: keep all). */
  readonly keep?: ((item: A) => KeepDecision) | undefined;
}

/** Result of `collectPages`. */
export interface CollectedPages<A> {
  readonly items: ReadonlyArray<A>;
  /** Where to continue, when Front has more and every item before it was seen. */
  readonly nextPageToken: string | undefined;
  /** True when Front has items beyond those returned (another page, or the rest of a page cut short). */
  readonly hasMore: boolean;
  /** True when `keep` said "stop" (a date filter reached older items). */
  readonly stoppedEarly: boolean;
  /** Requests made. */
  readonly pages: number;
}

/** Pages through a Front list until `maxResults`, the end of the list, a repeated page token, `maxPages`, or `keep` says stop. */
export const collectPages = Effect.fn("collectPages")(function* <A>(
  options: CollectPagesOptions<A>,
): Effect.fn.Return<CollectedPages<A>, FrontToolError, Front> {
  const keep = options.keep ?? (() => "keep" as const);
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  const pageSize = Math.max(1, Math.min(options.pageSize, MAX_PAGE_SIZE));
  // Prism (and a misbehaving server) repeats one page token forever: a token seen before ends paging.
  const seen = new Set<string>(options.pageToken === undefined ? [] : [options.pageToken]);
  const items: A[] = [];
  let token = options.pageToken;
  let pages = 0;
  while (true) {
    const want = Math.min(pageSize, options.maxResults - items.length);
    const page = yield* fetchPage(options.operation, (t) => options.call(t, want), options.item, token);
    pages++;
    let stopped = false;
    let consumed = 0;
    for (const item of page.items) {
      if (items.length >= options.maxResults) break;
      const decision = keep(item);
      if (decision === "stop") {
        stopped = true;
        break;
      }
      consumed++;
      if (decision === "keep") items.push(item);
    }
    const next = page.nextPageToken;
    // A page cut short (a server ignoring `limit`) has no honest continuation token.
    const whole = consumed === page.items.length;
    const fresh = next !== undefined && !seen.has(next);
    const done = stopped || !fresh || items.length >= options.maxResults || pages >= maxPages;
    // Progress counts pages: it must grow with every report (MCP requires it), which an item count may not.
    // The total is this page count when done, else the pages still needed if every later page is full — an
    // estimate, since Front may answer short pages; runTool's guard keeps it at or above the progress.
    const wanted = Math.ceil((options.maxResults - items.length) / pageSize);
    yield* reportProgress({
      progress: pages,
      total: done ? pages : Math.min(maxPages, pages + Math.max(1, wanted)),
      message: `${options.operation}: ${items.length} item(s) from ${pages} page(s)`,
    });
    if (stopped) return { items, nextPageToken: undefined, hasMore: false, stoppedEarly: true, pages };
    if (done) return { items, nextPageToken: fresh && whole ? next : undefined, hasMore: fresh || !whole, stoppedEarly: false, pages };
    seen.add(next);
    token = next;
  }
});
