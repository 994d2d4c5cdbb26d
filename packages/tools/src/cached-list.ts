/**
 * One home for Front's whole lists (tags, inboxes, teammates): read page by page as a Stream, or read to the
 * end within the page budget (`maxListPages`, `pageBudgetExceeded`) and the per-call byte budget
 * (`maxCallBytes`, counted by the request boundary), optionally kept in the Front service's list cache
 * (`front.cached`: `cacheTtl`, single flight, a shared store when configured). Front's guidance is to fetch
 * such lists once per workflow, not once per conversation.
 */
import { request as coreRequest } from "@frontkit/core";
import { Effect, type Schema, type Stream } from "effect";
import type { FrontToolError } from "./errors.js";
import { Front, type FrontCall } from "./front.js";
import { collectAll, type StreamPagesOptions, streamItems } from "./pagination.js";

/**
 * The list endpoints read whole. Each takes `page_token` (for /inboxes and /teammates through the spec
 * correction `list-page-token`), so one typed request serves them all.
 */
export type WholeListPath = "/tags" | "/inboxes" | "/teammates";

/** What defines one whole list. */
export interface WholeListSpec<A> {
  /** The list endpoint. */
  readonly path: WholeListPath;
  /** Lenient item schema. */
  readonly item: Schema.Codec<A, unknown, never, never>;
  /** Page size asked of Front; absent, Front's default (as the endpoint documents no `limit`). */
  readonly pageSize?: number | undefined;
  /** Key in the Front service's list cache; absent, every read goes to Front. */
  readonly cacheKey?: string | undefined;
}

/** Options of a cached whole-list read. */
export interface WholeListReadOptions {
  /** Bypass the cached list and fetch it again (the new list is cached). */
  readonly refresh?: boolean | undefined;
}

/** A whole Front list, streamed or collected. */
export interface WholeList<A> {
  /** Names the request in errors and progress messages, e.g. "GET /tags". */
  readonly operation: string;
  /** Every item, page by page, lazily (stops at `maxPages`, default 100, without failing). */
  readonly stream: (options?: StreamPagesOptions) => Stream.Stream<A, FrontToolError, Front>;
  /** Every item, never from the cache; a list longer than the page budget fails rather than coming back short. */
  readonly collect: (options?: StreamPagesOptions) => Effect.Effect<ReadonlyArray<A>, FrontToolError, Front>;
  /** Every item, from the cache while fresh when the list has a `cacheKey` (else as `collect`). */
  readonly all: (options?: WholeListReadOptions) => Effect.Effect<ReadonlyArray<A>, FrontToolError, Front>;
}

/** The request of one page of `path`. */
const pageRequest =
  (path: WholeListPath, pageSize: number | undefined) =>
  (pageToken: string | undefined): FrontCall<unknown> =>
  (client, control) =>
    coreRequest(client, "get", path, {
      params: {
        query: {
          ...(pageSize === undefined ? {} : { limit: pageSize }),
          ...(pageToken === undefined ? {} : { page_token: pageToken }),
        },
      },
      ...control,
    });

/** Defines a whole list from its endpoint, item schema, page size and cache key. */
export const wholeList = <A>(spec: WholeListSpec<A>): WholeList<A> => {
  const operation = `GET ${spec.path}`;
  const page = pageRequest(spec.path, spec.pageSize);
  const collect = (options: StreamPagesOptions = {}) => collectAll(operation, page, spec.item, options);
  const cacheKey = spec.cacheKey;
  return {
    operation,
    stream: (options = {}) => streamItems(operation, page, spec.item, options),
    collect,
    all: (options = {}) =>
      cacheKey === undefined
        ? collect()
        : Front.use((front) =>
            // A refresh drops the kept list (in the shared store too, when there is one) and loads it anew.
            options.refresh === true
              ? Effect.andThen(front.invalidate(cacheKey), front.cached(cacheKey, collect()))
              : front.cached(cacheKey, collect()),
          ),
  };
};
