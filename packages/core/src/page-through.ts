/**
 * The one page-through of Front lists: which page to ask next and when to stop. Every paging loop in frontkit
 * (core's `paginate`, the tools' streams and collectors, the n8n node's "Return All") turns pages with a
 * `PageWalk`, so the stopping rules live here once:
 *
 * - the next page is asked by its `page_token` only (take it from `_pagination.next` with `pageTokenFromNext`),
 *   always from the configured base URL, never from the host a `next` URL names;
 * - a missing `next` ends the list;
 * - a token already followed ends it too (Prism, and a misbehaving server, repeat one forever);
 * - `maxPages` bounds the requests, empty pages included; a walk stopped there knows the list went on.
 *
 * Effect-free and synchronous: callers keep their own way of fetching (Promise or Effect).
 */

/** Why a walk stopped: the list ended, a token came back, or the page budget ran out while the list went on. */
export type PageStop = "end" | "repeated" | "budget";

/** Options of a walk. */
export interface PageWalkOptions {
  /** Token of the first page to ask (a previous walk's continuation); absent: the first page. */
  readonly startToken?: string | undefined;
  /** Most pages asked (a positive integer). */
  readonly maxPages: number;
}

/** The paging state of one walk through a list. */
export interface PageWalk {
  /** The token of the page to ask now (undefined: the first page). */
  readonly token: string | undefined;
  /** Pages read so far. */
  readonly pages: number;
  /** Why the walk stopped, once it has. */
  readonly stop: PageStop | undefined;
  /** A next token that is new (not undefined, not followed before): more of the list can be read from it. */
  readonly isFresh: (next: string | undefined) => next is string;
  /**
   * Counts the page just read and takes its next token: true when another page should be read (then `token`
   * is that page's), false when the walk stops (then `stop` says why).
   */
  readonly advance: (next: string | undefined) => boolean;
}

/** Starts a walk; a `maxPages` that is not a positive integer is a RangeError. */
export const pageWalk = (options: PageWalkOptions): PageWalk => {
  const { maxPages } = options;
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new RangeError("maxPages must be a positive integer");
  const seen = new Set<string>();
  if (options.startToken !== undefined) seen.add(options.startToken);
  let token = options.startToken;
  let pages = 0;
  let stop: PageStop | undefined;
  const isFresh = (next: string | undefined): next is string => next !== undefined && next !== "" && !seen.has(next);
  return {
    get token() {
      return token;
    },
    get pages() {
      return pages;
    },
    get stop() {
      return stop;
    },
    isFresh,
    advance: (next) => {
      pages++;
      if (!isFresh(next)) {
        stop = next === undefined || next === "" ? "end" : "repeated";
        return false;
      }
      if (pages >= maxPages) {
        stop = "budget";
        return false;
      }
      seen.add(next);
      token = next;
      return true;
    },
  };
};

/**
 * Reads a list page by page with `fetchPage(token)`, yielding each page: the generic loop for Promise-based
 * callers. `nextToken(page)` reads a page's next token. Stops by the rules of `pageWalk`; `signal` aborts
 * between pages.
 */
export async function* pageThrough<P>(
  fetchPage: (token: string | undefined) => Promise<P>,
  nextToken: (page: P) => string | undefined,
  options: PageWalkOptions & { readonly signal?: AbortSignal | undefined },
): AsyncGenerator<P, PageWalk, undefined> {
  const walk = pageWalk(options);
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await fetchPage(walk.token);
    yield page;
    if (!walk.advance(nextToken(page))) return walk;
  }
}
