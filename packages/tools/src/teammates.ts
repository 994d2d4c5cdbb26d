/** Front's teammate list as a stream (all pages). */
import { type FrontClient, request as coreRequest } from "@frontkit/core";
import type { Effect, Stream } from "effect";
import type { FrontToolError } from "./errors.js";
import type { Front, RequestControl } from "./front.js";
import { collectAll, type StreamPagesOptions, streamItems } from "./pagination.js";
import { Teammate } from "./schemas/teammate.js";

const OPERATION = "GET /teammates";

// The spec declares no query parameters here, but Front pages every list the same way: follow its page_token.
const teammatesPage = (pageToken: string | undefined) => (client: FrontClient, control: RequestControl) =>
  pageToken === undefined
    ? coreRequest(client, "get", "/teammates", { ...control })
    : coreRequest(client, "get", "/teammates", { params: { query: { page_token: pageToken } }, ...control } as unknown as RequestControl);

/** Every teammate of the company, page by page. */
export const streamTeammates = (options: StreamPagesOptions = {}): Stream.Stream<Teammate, FrontToolError, Front> =>
  streamItems(OPERATION, teammatesPage, Teammate, options);

/** Every teammate (all pages, bounded by `maxPages`). */
export const allTeammates = (options: StreamPagesOptions = {}): Effect.Effect<ReadonlyArray<Teammate>, FrontToolError, Front> =>
  collectAll(OPERATION, teammatesPage, Teammate, options);
