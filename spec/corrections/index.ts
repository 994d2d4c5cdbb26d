import { errorResponses } from "./error-responses.js";
import { eventsLimit } from "./events-limit.js";
import { listPageToken } from "./list-page-token.js";
import { mergedConversationRedirect } from "./merged-conversation-redirect.js";
import { multipartMessages } from "./multipart-messages.js";
import { queryObjects } from "./query-objects.js";
import { rateLimitHeaders } from "./rate-limit-headers.js";
import type { Correction } from "./types.js";

export type { Correction, Json } from "./types.js";

/** Our corrections to Front's spec, applied in this order. */
export const corrections: readonly Correction[] = [
  errorResponses,
  rateLimitHeaders,
  queryObjects,
  multipartMessages,
  mergedConversationRedirect,
  eventsLimit,
  listPageToken,
];
