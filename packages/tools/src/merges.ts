/**
 * One home for Front's merged-conversation redirects, used by get-conversation, add-tag, send-message and
 * raw-api-request.
 *
 * When conversations are merged, Front answers a request on the old one with 301 and a `Location` naming
 * the conversation that now holds it, without acting (nothing is tagged or sent), so asking again is safe
 * even for a non-idempotent send. The Location's format is not documented: it is read as a relative or
 * absolute URL, with or without a sub-resource after the id (`/tags`, `/messages`) or a query, and only the
 * conversation id is taken from it. Core's client never follows redirects, so the token never goes to the
 * Location's host: the request is sent again, by id, to the configured base URL.
 *
 * Policy: at most `MAX_MERGE_HOPS` (2) redirects are followed. A conversation merged into one that was later
 * merged again can answer with the intermediate id, so one hop is not always enough; a longer chain, a
 * Location naming no conversation, or one naming a conversation already visited is reported, not chased.
 */
import { Effect } from "effect";
import type { FrontToolError } from "./errors.js";
import { Front, type FrontCall, type FrontResponse } from "./front.js";
import { unexpectedBody } from "./http-errors.js";

/** Merge redirects followed before giving up (a merge of a merge is two). */
export const MAX_MERGE_HOPS = 2;

const CONVERSATION_ID = /^cnv_[A-Za-z0-9]+$/u;

const decodeSegment = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/**
 * The conversation id a merge redirect's Location names, or undefined when it names none: the segment after
 * `conversations` (`/conversations/cnv_x`, `/conversations/cnv_x/tags`, `https://…/conversations/cnv_x?…`),
 * else the last segment that is a conversation id (a bare `cnv_x`).
 */
export const mergedIdFromLocation = (location: string | null | undefined): string | undefined => {
  if (typeof location !== "string" || location.trim().length === 0) return undefined;
  let path: string;
  try {
    // Relative or absolute alike; the host is read by nobody.
    path = new URL(location.trim(), "http://location.invalid/").pathname;
  } catch {
    return undefined;
  }
  const segments = path.split("/").filter((s) => s.length > 0).map(decodeSegment);
  const after = segments.indexOf("conversations");
  const named = after >= 0 ? segments[after + 1] : undefined;
  if (named !== undefined && CONVERSATION_ID.test(named)) return named;
  return segments.findLast((s): s is string => s !== undefined && CONVERSATION_ID.test(s));
};

/** What to do with a 301 that cannot be followed (no id in its Location, a loop, or past `MAX_MERGE_HOPS`). */
export type Unfollowable = "fail" | "answer";

/** One request on a conversation, sent again to the conversation it was merged into. */
export interface FollowMergesOptions<A> {
  /** Names the request in errors, e.g. "POST /conversations/{conversation_id}/tags". */
  readonly operation: string;
  /** The conversation asked for. */
  readonly conversationId: string;
  /** Builds the request for one conversation id. */
  readonly call: (conversationId: string) => FrontCall<A>;
  /** Whether the request may be retried after a 5xx or a timeout (see `RequestOptions`). */
  readonly idempotent: boolean;
  /**
   * "fail" (default): an unfollowable 301 is UnexpectedResponse. "answer": it is handed back as the answer
   * (raw-api-request returns Front's answers as data).
   */
  readonly unfollowable?: Unfollowable | undefined;
}

/** The answer and the conversation that gave it (the requested one, or the one it was merged into). */
export interface MergeFollowed<A> {
  readonly response: FrontResponse<A | undefined>;
  readonly conversationId: string;
}

/** Sends the request, following merge redirects by the policy above. */
export const followMerges = <A>(options: FollowMergesOptions<A>): Effect.Effect<MergeFollowed<A>, FrontToolError, Front> =>
  Effect.gen(function* () {
    const front = yield* Front;
    const visited = new Set<string>();
    let id = options.conversationId;
    for (let hop = 0; ; hop++) {
      visited.add(id);
      const response = yield* front.request(options.operation, options.call(id), { idempotent: options.idempotent, accept: [301] });
      if (response.status !== 301) return { response, conversationId: id };
      const next = mergedIdFromLocation(response.headers.get("location"));
      const problem =
        next === undefined
          ? "a merge redirect without a conversation id in its Location"
          : visited.has(next)
            ? `a merge redirect back to ${next}, already asked`
            : hop >= MAX_MERGE_HOPS
              ? `conversation ${options.conversationId} redirects through more than ${MAX_MERGE_HOPS} merges`
              : undefined;
      if (problem === undefined && next !== undefined) {
        id = next;
        continue;
      }
      if (options.unfollowable === "answer") return { response, conversationId: id };
      return yield* unexpectedBody(options.operation, 301, problem ?? "an unfollowable merge redirect", response.headers.get("x-request-id") ?? undefined);
    }
  }).pipe(Effect.withSpan("followMerges", { attributes: { operation: options.operation } }));

/** How every tool reports a merge: the id asked for, and `merged_into` when another conversation answered. */
export const mergeReport = (requestedId: string, answeredId: string): { readonly requested_id: string; readonly merged_into?: string } =>
  answeredId === requestedId ? { requested_id: requestedId } : { requested_id: requestedId, merged_into: answeredId };
