/**
 * Front's inbox list for library users and tools: streamed, or collected once
 * and cached per Front service (inboxes change rarely; fetch once per workflow).
 */
import { type FrontClient, request as coreRequest } from "@frontkit/core";
import { Effect, type Stream } from "effect";
import type { FrontToolError } from "./errors.js";
import { Front, type RequestControl } from "./front.js";
import { collectAll, type StreamPagesOptions, streamItems } from "./pagination.js";
import { Inbox } from "./schemas/inbox.js";

const OPERATION = "GET /inboxes";
/** Cache key of the full inbox list on a Front service. */
export const INBOXES_CACHE_KEY = "inboxes";

// The spec declares no query parameters here, but Front pages every list the same way: follow its page_token.
const inboxesPage = (pageToken: string | undefined) => (client: FrontClient, control: RequestControl) =>
  pageToken === undefined
    ? coreRequest(client, "get", "/inboxes", { ...control })
    : coreRequest(client, "get", "/inboxes", { params: { query: { page_token: pageToken } }, ...control } as unknown as RequestControl);

/** Every inbox the token can see, page by page. */
export const streamInboxes = (options: StreamPagesOptions = {}): Stream.Stream<Inbox, FrontToolError, Front> =>
  streamItems(OPERATION, inboxesPage, Inbox, options);

/** Every inbox, from the Front service's cache when fresh (`refresh` forces a new fetch). */
export const allInboxes = (options: { readonly refresh?: boolean } = {}): Effect.Effect<ReadonlyArray<Inbox>, FrontToolError, Front> =>
  Effect.gen(function* () {
    const front = yield* Front;
    if (options.refresh === true) yield* front.invalidate(INBOXES_CACHE_KEY);
    return yield* front.cached(INBOXES_CACHE_KEY, collectAll(OPERATION, inboxesPage, Inbox));
  });
