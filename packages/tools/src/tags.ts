/**
 * Front's tag list for library users and for tools that resolve tag names:
 * streamed, or collected once and cached per Front service (Front's guidance is
 * to fetch tags once per workflow, not per conversation).
 */
import { request as coreRequest } from "@frontkit/core";
import { Effect, type Stream } from "effect";
import type { FrontToolError } from "./errors.js";
import { Front, type RequestControl } from "./front.js";
import { collectAll, MAX_PAGE_SIZE, type StreamPagesOptions, streamItems } from "./pagination.js";
import { Tag } from "./schemas/tag.js";

const OPERATION = "GET /tags";
/** Cache key of the full tag list on a Front service. */
export const TAGS_CACHE_KEY = "tags";

const tagsPage = (pageToken: string | undefined) => (client: import("@frontkit/core").FrontClient, control: RequestControl) =>
  coreRequest(client, "get", "/tags", {
    params: { query: { limit: MAX_PAGE_SIZE, ...(pageToken === undefined ? {} : { page_token: pageToken }) } },
    ...control,
  });

/** Every tag of the company, page by page. */
export const streamTags = (options: StreamPagesOptions = {}): Stream.Stream<Tag, FrontToolError, Front> =>
  streamItems(OPERATION, tagsPage, Tag, options);

/** Every tag, from the Front service's cache when fresh (`refresh` forces a new fetch). */
export const allTags = (options: { readonly refresh?: boolean } = {}): Effect.Effect<ReadonlyArray<Tag>, FrontToolError, Front> =>
  Effect.gen(function* () {
    const front = yield* Front;
    if (options.refresh === true) yield* front.invalidate(TAGS_CACHE_KEY);
    return yield* front.cached(TAGS_CACHE_KEY, collectAll(OPERATION, tagsPage, Tag));
  });
