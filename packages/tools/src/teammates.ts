/** Front's teammate list (all pages; read fresh each time, as list-teammates always has, so not cached). */
import type { Effect, Stream } from "effect";
import { wholeList } from "./cached-list.js";
import type { FrontToolError } from "./errors.js";
import type { Front } from "./front.js";
import type { StreamPagesOptions } from "./pagination.js";
import { Teammate } from "./schemas/teammate.js";

// No `limit`: the endpoint documents none, so Front's own page size applies.
const teammates = wholeList({ path: "/teammates", item: Teammate });

/** Every teammate of the company, page by page. */
export const streamTeammates = (options: StreamPagesOptions = {}): Stream.Stream<Teammate, FrontToolError, Front> => teammates.stream(options);

/** Every teammate (all pages, bounded by `maxPages` or the service's `maxListPages`). */
export const allTeammates = (options: StreamPagesOptions = {}): Effect.Effect<ReadonlyArray<Teammate>, FrontToolError, Front> =>
  teammates.collect(options);
