import type { HeadersOptions } from "openapi-fetch";
import type { FrontClient } from "./client.js";
import { parseFrontError } from "./errors/front-api-error.js";
import type { paths } from "./generated/schema.js";
import type { ListGetPath } from "./generated/path-unions.js";
import { pageThrough } from "./page-through.js";
import type { GetResponseBody } from "./types.js";

/**
 * Takes the `page_token` out of a `_pagination.next` URL, and nothing else. The URL's host is ignored:
 * Front puts the company host there, but the next page is always requested from the configured base URL,
 * so a hostile or odd `next` can never redirect the token. Non-http(s) or unparsable values give undefined.
 */
export const pageTokenFromNext = (next: string | null | undefined): string | undefined => {
  if (typeof next !== "string" || next.trim() === "") return undefined;
  let url: URL;
  try {
    // A base lets relative or scheme-relative values parse; the host never matters, only the query.
    url = new URL(next, "https://front.invalid/");
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  const token = url.searchParams.get("page_token");
  return token && token.trim() !== "" ? token : undefined;
};

/** GET paths whose 2xx body is a Front list (`_results`, paged by `_pagination`). */
// Generated as a literal union (see scripts/codegen.mjs) so a call does not compute every GET body to find its path.
export type PaginatedPath = ListGetPath;

/** One page body of a paginated GET. */
export type PageOf<P extends PaginatedPath> = GetResponseBody<P>;

/** One item of a paginated GET's `_results`. */
export type ItemOf<P extends PaginatedPath> =
  NonNullable<GetResponseBody<P> extends { _results?: infer R } ? R : never> extends ReadonlyArray<infer I> ? I : never;

/** Paging controls, next to the request's own params. */
export interface PaginateControls {
  /** Stop after this many pages (default 100). */
  readonly maxPages?: number;
  /** Aborts between and during page requests. */
  readonly signal?: AbortSignal;
}

/** The spec's parameters (path, query) of a paginated GET. */
type ListParameters<P extends PaginatedPath> = paths[P]["get"] extends { parameters: infer X } ? X : never;

/**
 * The init of `paginate`: the GET's `params` from the spec (required when it has required ones), headers, and
 * paging controls. Not openapi-fetch's full init: pages are always JSON from the configured base URL, so
 * `parseAs`/`baseUrl` overrides have no place here — and evaluating that init for a generic path cost a
 * consumer's typecheck ~8k type instantiations per call (issue 7).
 */
export type PaginateInit<P extends PaginatedPath> = ({} extends ListParameters<P>
  ? { readonly params?: ListParameters<P> }
  : { readonly params: ListParameters<P> }) & { readonly headers?: HeadersOptions } & PaginateControls;

const DEFAULT_MAX_PAGES = 100;

interface PaginationBody {
  readonly _results?: ReadonlyArray<unknown>;
  readonly _pagination?: { readonly next?: string | null } | null;
}

/**
 * Iterates the pages of a Front list endpoint, following `_pagination.next` by its page token on the
 * client's base URL, by the one page-through (`pageThrough`): stops on a null `next`, a token already seen
 * (Prism repeats one forever), or `maxPages`.
 * A non-2xx answer throws {@link FrontApiError}.
 */
export async function* paginate<P extends PaginatedPath>(
  client: FrontClient,
  path: P,
  ...[init]: {} extends PaginateInit<P> ? [init?: PaginateInit<P>] : [init: PaginateInit<P>]
): AsyncGenerator<PageOf<P>, void, undefined> {
  const { maxPages = DEFAULT_MAX_PAGES, signal, ...rest } = (init ?? {}) as unknown as PaginateControls & {
    params?: { query?: Record<string, unknown>; path?: Record<string, unknown> };
  } & Record<string, unknown>;
  const startToken = rest.params?.query?.["page_token"];
  const get = client.GET as unknown as (
    path: string,
    init: Record<string, unknown>,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  const fetchPage = async (pageToken: string | undefined): Promise<PaginationBody> => {
    const query = { ...(rest.params?.query ?? {}), ...(pageToken ? { page_token: pageToken } : {}) };
    const { data, error, response } = await get(path, {
      ...rest,
      ...(signal ? { signal } : {}),
      params: { ...(rest.params ?? {}), query },
    });
    if (!response.ok) throw parseFrontError(response, error);
    return (data ?? {}) as PaginationBody;
  };
  yield* pageThrough(fetchPage, (body) => pageTokenFromNext(body._pagination?.next), {
    startToken: typeof startToken === "string" && startToken !== "" ? startToken : undefined,
    maxPages,
    signal,
  }) as AsyncGenerator<PageOf<P>, unknown, undefined>;
}

/** Iterates the `_results` items across pages; see {@link paginate} for the stopping rules. */
export async function* paginateItems<P extends PaginatedPath>(
  client: FrontClient,
  path: P,
  ...[init]: {} extends PaginateInit<P> ? [init?: PaginateInit<P>] : [init: PaginateInit<P>]
): AsyncGenerator<ItemOf<P>, void, undefined> {
  const pages = (paginate as (c: FrontClient, p: P, i?: unknown) => AsyncGenerator<PaginationBody>)(client, path, init);
  for await (const page of pages) {
    for (const item of page._results ?? []) yield item as ItemOf<P>;
  }
}
