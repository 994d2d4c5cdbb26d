/**
 * Bounded auto-paging for the list tools that return "up to N" results
 * (list-contacts, list-conversations, get-conversation's messages).
 *
 * Without a filter, each request asks Front for only as many items as are
 * still wanted, so the last page is never cut and its `next_page_token` stays a
 * true continuation point.
 *
 * With a client-side filter (`keep`), nothing about Front's order is assumed:
 * a match can sit anywhere in the list (Front orders conversations by its bump
 * settings, not by `updated_at`), so pages are read whole until `maxResults`
 * matches, the end of the list or the page budget. When the last page read
 * holds more matches than are still wanted, that page is asked again with a
 * `limit` ending at the last match kept, so the result still ends on a page
 * boundary with an honest continuation token.
 *
 * Every request counts against `maxPages`, empty pages included: a server
 * answering endless empty pages with fresh tokens ends at the budget.
 */
import { pageWalk } from "@frontkit/core";
import type { Schema } from "effect";
import { Effect } from "effect";
import type { FrontToolError } from "./errors.js";
import type { Front, FrontCall } from "./front.js";
import { DEFAULT_MAX_PAGES, fetchPage, MAX_PAGE_SIZE, type Page, pageBudget } from "./pagination.js";
import { reportProgress } from "./progress.js";

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
  /**
   * Most pages read (every request counts, empty ones too), plus at most the one request that re-asks a page
   * overflowing `maxResults`. Default: enough for `maxResults` in full pages plus `DEFAULT_MAX_PAGES` short or
   * empty ones.
   */
  readonly maxPages?: number | undefined;
  /** Client-side filter: only items it accepts are kept; the others are read and dropped. */
  readonly keep?: ((item: A) => boolean) | undefined;
}

/** Result of `collectPages`. */
export interface CollectedPages<A> {
  readonly items: ReadonlyArray<A>;
  /** Where to continue, when Front has more and every item before it was read. */
  readonly nextPageToken: string | undefined;
  /** True when the list was not read to its end (a bound stopped it, or the last page was cut short). */
  readonly hasMore: boolean;
  /** Requests made. */
  readonly pages: number;
}

/** The default page budget: `maxResults` in full pages, plus room for short or empty ones. */
export const defaultMaxPages = (maxResults: number, pageSize: number): number =>
  Math.ceil(maxResults / Math.max(1, pageSize)) + DEFAULT_MAX_PAGES;

/** Pages through a Front list until `maxResults` kept, the end of the list, a repeated page token, or `maxPages`. */
export const collectPages = Effect.fn("collectPages")(function* <A>(
  options: CollectPagesOptions<A>,
): Effect.fn.Return<CollectedPages<A>, FrontToolError, Front> {
  const keep = options.keep;
  const pageSize = Math.max(1, Math.min(options.pageSize, MAX_PAGE_SIZE));
  const maxPages = pageBudget(options.maxPages ?? defaultMaxPages(options.maxResults, pageSize));
  // Core's one page-through decides which token comes next and when the list ends (a repeated token, as
  // Prism sends forever, ends it too); this collector adds the maxResults bound and the re-asked last page.
  const walk = pageWalk({ startToken: options.pageToken, maxPages });
  const items: A[] = [];
  // Requests made, the re-asked page included (the walk counts pages turned).
  let pages = 0;

  const read = (pageToken: string | undefined, limit: number): Effect.Effect<Page<A>, FrontToolError, Front> =>
    fetchPage(options.operation, (t) => options.call(t, limit), options.item, pageToken).pipe(
      Effect.tap(() =>
        Effect.sync(() => {
          pages++;
        }),
      ),
    );
  // Progress counts requests: it must grow with every report (MCP requires it), which an item count may not.
  // The total is the request count once done. Before that, without a filter, it is the requests still needed
  // if every later page is full — an estimate, as Front may answer short pages; with a filter it is unknown.
  // runTool's guard keeps whatever is reported at or above the progress and never lowers it.
  const report = (done: boolean) =>
    reportProgress({
      progress: pages,
      ...(done
        ? { total: pages }
        : keep === undefined
          ? { total: Math.min(maxPages, pages + Math.max(1, Math.ceil((options.maxResults - items.length) / pageSize))) }
          : {}),
      message: `${options.operation}: ${items.length} item(s) from ${pages} page(s)`,
    });

  // Indices of the items of `page` to keep, in order.
  const matches = (page: Page<A>): number[] => {
    const out: number[] = [];
    page.items.forEach((item, i) => {
      if (keep === undefined || keep(item)) out.push(i);
    });
    return out;
  };

  while (true) {
    const wanted = options.maxResults - items.length;
    // A filter drops an unknown share of each page: ask for whole pages, so a scan is not slowed to a crawl.
    const token = walk.token;
    const page = yield* read(token, keep === undefined ? Math.min(pageSize, wanted) : pageSize);
    const kept = matches(page);
    if (kept.length > wanted) {
      // More matches than wanted: end on the last one kept, at a page boundary, by asking for that prefix again.
      const prefixLength = kept[wanted - 1]! + 1;
      const prefix = keep === undefined ? undefined : yield* read(token, prefixLength);
      const prefixKept = prefix === undefined ? [] : matches(prefix);
      if (prefix !== undefined && prefixKept.length <= wanted && prefix.items.length <= prefixLength) {
        for (const i of prefixKept) items.push(prefix.items[i]!);
        yield* report(true);
        const next = prefix.nextPageToken;
        const fresh = walk.isFresh(next);
        return { items, nextPageToken: fresh ? next : undefined, hasMore: fresh, pages };
      }
      // The server ignored `limit` or the list moved under us: keep what fits, with no honest continuation.
      for (const i of kept.slice(0, wanted)) items.push(page.items[i]!);
      yield* report(true);
      return { items, nextPageToken: undefined, hasMore: true, pages };
    }
    for (const i of kept) items.push(page.items[i]!);
    const next = page.nextPageToken;
    const more = items.length < options.maxResults && walk.advance(next);
    yield* report(!more);
    if (!more) {
      // Stopped by a bound (maxResults or the page budget) with a new token: the list goes on from there.
      const fresh = walk.isFresh(next);
      return { items, nextPageToken: fresh ? next : undefined, hasMore: fresh, pages };
    }
  }
});
