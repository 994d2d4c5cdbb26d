/**
 * Front's inbox list for library users and tools: streamed, or collected once and cached per Front service
 * (`cached-list.ts`; inboxes change rarely).
 */
import type { Effect, Stream } from "effect";
import { wholeList, type WholeListReadOptions } from "./cached-list.js";
import type { FrontToolError } from "./errors.js";
import type { Front } from "./front.js";
import type { StreamPagesOptions } from "./pagination.js";
import { Inbox } from "./schemas/inbox.js";

/** Cache key of the full inbox list on a Front service. */
export const INBOXES_CACHE_KEY = "inboxes";

// No `limit`: the endpoint documents none, so Front's own page size applies.
const inboxes = wholeList({ path: "/inboxes", item: Inbox, cacheKey: INBOXES_CACHE_KEY });

/** Every inbox the token can see, page by page. */
export const streamInboxes = (options: StreamPagesOptions = {}): Stream.Stream<Inbox, FrontToolError, Front> => inboxes.stream(options);

/** Every inbox, from the Front service's cache when fresh (`refresh` forces a new fetch). */
export const allInboxes = (options: WholeListReadOptions = {}): Effect.Effect<ReadonlyArray<Inbox>, FrontToolError, Front> =>
  inboxes.all(options);
