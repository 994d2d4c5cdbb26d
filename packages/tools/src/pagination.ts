/**
 * Front list endpoints as Effect Streams, through the request boundary.
 *
 * Front's `_pagination.next` is a full URL on the company's own host; only its
 * `page_token` is taken (core's `pageTokenFromNext`) and the next page is asked
 * of the configured base URL, so the token never travels elsewhere. Paging
 * follows core's one page-through (`pageWalk`): it stops at a null `next`, a page
 * token already seen (Prism repeats one forever) or `maxPages`; `collectAll`, which
 * promises the whole list, fails at `maxPages` instead
 * (`pageBudgetExceeded`), so endless pages never pass for a complete list.
 */
import { pageTokenFromNext, pageWalk } from "@frontkit/core";
import { Effect, Option, Result, Schema, Stream } from "effect";
import { type FrontToolError, UnexpectedResponse } from "./errors.js";
import { Front, type FrontCall } from "./front.js";
import { unexpectedBody } from "./http-errors.js";
import { reportProgress } from "./progress.js";

/** Front's page size ceiling. */
export const MAX_PAGE_SIZE = 100;
/** Default bound on pages followed by "all pages" tools. */
export const DEFAULT_MAX_PAGES = 100;

/**
 * A page budget as `pageWalk` takes it, from what a library caller may pass: at least one page (0 or NaN read
 * one page), a fraction rounded up (as the loops always counted), and Infinity as the largest safe count rather than a RangeError.
 */
export const pageBudget = (maxPages: number): number =>
  Number.isNaN(maxPages) ? 1 : Math.max(1, Math.ceil(Math.min(maxPages, Number.MAX_SAFE_INTEGER)));

/** The envelope of every Front list. */
export const PageEnvelope = Schema.Struct({
  _results: Schema.Array(Schema.Unknown),
  _pagination: Schema.optionalKey(
    Schema.NullOr(Schema.Struct({ next: Schema.optionalKey(Schema.NullOr(Schema.String)) })),
  ),
});

/** One decoded page. */
export interface Page<A> {
  readonly items: ReadonlyArray<A>;
  /** Token of the next page, when there is one. */
  readonly nextPageToken: string | undefined;
}

const shapeProblem = (error: Schema.SchemaError): string =>
  `unexpected shape: ${error.message.split("\n").slice(0, 2).join(" ").slice(0, 300)}`;

/** Decodes a response body with a lenient schema; a mismatch is UnexpectedResponse naming the first problem. */
export const decodeBody =
  <A>(schema: Schema.Codec<A, unknown, never, never>, operation: string, status?: number) =>
  (body: unknown): Effect.Effect<A, FrontToolError> =>
    Schema.decodeUnknownEffect(schema)(body).pipe(Effect.mapError((error) => unexpectedBody(operation, status, shapeProblem(error))));

const decodeEnvelope = Schema.decodeUnknownResult(PageEnvelope);

// Decoders are built once per item schema: every page of every list goes through here.
const itemDecoders = new WeakMap<object, (input: unknown) => Result.Result<unknown, Schema.SchemaError>>();
const itemDecoder = <A>(item: Schema.Codec<A, unknown, never, never>) => {
  let decode = itemDecoders.get(item);
  if (decode === undefined) {
    decode = Schema.decodeUnknownResult(item);
    itemDecoders.set(item, decode);
  }
  return decode as (input: unknown) => Result.Result<A, Schema.SchemaError>;
};

/** Decodes a page synchronously (no Effect per item): the envelope, then each item; the first mismatch fails. */
const decodePage = <A>(
  body: unknown,
  item: Schema.Codec<A, unknown, never, never>,
  operation: string,
  status: number,
): Result.Result<Page<A>, FrontToolError> => {
  const envelope = decodeEnvelope(body);
  if (Result.isFailure(envelope)) return Result.fail(unexpectedBody(operation, status, shapeProblem(envelope.failure)));
  const decode = itemDecoder(item);
  const results = envelope.success._results;
  const items: A[] = new Array(results.length);
  for (let i = 0; i < results.length; i++) {
    const decoded = decode(results[i]);
    if (Result.isFailure(decoded)) return Result.fail(unexpectedBody(operation, status, shapeProblem(decoded.failure)));
    items[i] = decoded.success;
  }
  return Result.succeed({ items, nextPageToken: pageTokenFromNext(envelope.success._pagination?.next) });
};

/** Options of `streamPages`. */
export interface StreamPagesOptions {
  /** Page token to start from (a previous page's `next_page_token`). */
  readonly pageToken?: string | undefined;
  /** Stop after this many pages (default 100). */
  readonly maxPages?: number | undefined;
}

/** Fetches one page of a list endpoint and decodes its items. */
export const fetchPage = <A>(
  operation: string,
  call: (pageToken: string | undefined) => FrontCall<unknown>,
  item: Schema.Codec<A, unknown, never, never>,
  pageToken: string | undefined,
): Effect.Effect<Page<A>, FrontToolError, Front> =>
  Front.use((front) =>
    Effect.flatMap(front.request(operation, call(pageToken), { idempotent: true }), (response) =>
      Effect.fromResult(decodePage(response.data, item, operation, response.status)),
    ),
  );

/**
 * Streams the pages of a Front list endpoint (`call(pageToken)` builds the request of one page),
 * reporting progress per page.
 */
export const streamPages = <A>(
  operation: string,
  call: (pageToken: string | undefined) => FrontCall<unknown>,
  item: Schema.Codec<A, unknown, never, never>,
  options: StreamPagesOptions = {},
): Stream.Stream<Page<A>, FrontToolError, Front> => {
  const maxPages = pageBudget(options.maxPages ?? DEFAULT_MAX_PAGES);
  return Stream.suspend(() => {
    // One walk per run of the stream: the page-through rules of core's pageWalk.
    const walk = pageWalk({ startToken: options.pageToken, maxPages });
    let items = 0;
    return Stream.paginate(undefined, () =>
      Effect.gen(function* () {
        const page = yield* fetchPage(operation, call, item, walk.token);
        items += page.items.length;
        yield* reportProgress({ progress: walk.pages + 1, message: `${operation}: ${items} items from ${walk.pages + 1} page(s)` });
        const more = walk.advance(page.nextPageToken);
        return [[page], more ? Option.some(undefined) : Option.none()] as const;
      }),
    );
  });
};

/** Streams the items of every page. */
export const streamItems = <A>(
  operation: string,
  call: (pageToken: string | undefined) => FrontCall<unknown>,
  item: Schema.Codec<A, unknown, never, never>,
  options: StreamPagesOptions = {},
): Stream.Stream<A, FrontToolError, Front> =>
  streamPages(operation, call, item, options).pipe(Stream.flatMap((page) => Stream.fromIterable(page.items)));

/**
 * The typed error of a full-list read that did not reach the end of the list within its page budget: the
 * caller asked for the whole list, so a truncated one is not returned (or cached) as if it were complete.
 */
export const pageBudgetExceeded = (operation: string, maxPages: number, items: number): UnexpectedResponse =>
  new UnexpectedResponse({
    retryable: false,
    operation,
    message:
      `The list ${operation} did not end within the page budget of ${maxPages} pages (every request counts, empty pages too; ${items} items read). ` +
      `frontkit stops here rather than return part of the list as all of it. If the list really is that long, raise the maxListPages option ` +
      `of the Front service (createFrontTools / Front.layer), or read it page by page (streamTags / streamInboxes / streamTeammates with a ` +
      `larger maxPages option); otherwise the server is answering endless pages.`,
  });

/**
 * Collects every item of every page, with the same stopping rules as `streamPages`, except that reaching
 * `maxPages` while the list goes on is a typed error (`pageBudgetExceeded`), not a silently short list.
 * A plain loop rather than a collected Stream: it runs on every list call, and the Stream machinery costs
 * more than the paging itself.
 */
export const collectAll = <A>(
  operation: string,
  call: (pageToken: string | undefined) => FrontCall<unknown>,
  item: Schema.Codec<A, unknown, never, never>,
  options: StreamPagesOptions = {},
): Effect.Effect<ReadonlyArray<A>, FrontToolError, Front> =>
  Effect.gen(function* () {
    const maxPages = pageBudget(options.maxPages ?? (yield* Front).maxListPages ?? DEFAULT_MAX_PAGES);
    const walk = pageWalk({ startToken: options.pageToken, maxPages });
    const items: A[] = [];
    for (;;) {
      const page = yield* fetchPage(operation, call, item, walk.token);
      items.push(...page.items);
      yield* reportProgress({ progress: walk.pages + 1, message: `${operation}: ${items.length} items from ${walk.pages + 1} page(s)` });
      if (!walk.advance(page.nextPageToken)) break;
    }
    if (walk.stop === "budget") return yield* Effect.fail(pageBudgetExceeded(operation, maxPages, items.length));
    return items;
  });
