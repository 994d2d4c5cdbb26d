/**
 * Front's tag list for library users and for tools that resolve tag names: streamed, or collected once and
 * cached per Front service (`cached-list.ts`).
 */
import type { Effect, Stream } from "effect";
import { wholeList, type WholeListReadOptions } from "./cached-list.js";
import type { FrontToolError } from "./errors.js";
import type { Front } from "./front.js";
import { MAX_PAGE_SIZE, type StreamPagesOptions } from "./pagination.js";
import { Tag } from "./schemas/tag.js";

/** Cache key of the full tag list on a Front service. */
export const TAGS_CACHE_KEY = "tags";

const tags = wholeList({ path: "/tags", item: Tag, pageSize: MAX_PAGE_SIZE, cacheKey: TAGS_CACHE_KEY });

/** Every tag of the company, page by page. */
export const streamTags = (options: StreamPagesOptions = {}): Stream.Stream<Tag, FrontToolError, Front> => tags.stream(options);

/** Every tag, from the Front service's cache when fresh (`refresh` forces a new fetch). */
export const allTags = (options: WholeListReadOptions = {}): Effect.Effect<ReadonlyArray<Tag>, FrontToolError, Front> => tags.all(options);
