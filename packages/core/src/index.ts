/**
 * @frontkit/core — the typed client for Front's Core API: generated path types, the client and its lean
 * `request`, errors, rate-limit parsing, paging, messages with attachments, path templates and webhooks.
 *
 * This file is the package's public surface, chosen name by name (api/index.api.md records it; `npm run
 * api:update` after a deliberate change). How the client serialises queries and names itself (the user agent)
 * is internal.
 */
export type { paths, components, operations } from "./generated/schema.js";
export type * from "./aliases.js";
export { createFrontClient, type FrontClient } from "./client.js";
export { DEFAULT_BASE_URL, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, type FrontClientOptions } from "./options.js";
export {
  FrontApiError,
  parseFrontError,
  isFrontErrorBody,
  readFrontErrorBody,
  type FrontErrorBody,
  type FrontErrorParts,
  type FrontApiErrorFields,
} from "./errors/front-api-error.js";
export { FRONT_ERROR_KIND, frontErrorKind, isFrontError, type FrontErrorKind, type FrontCoreErrors } from "./errors/error-kind.js";
export { FrontTimeoutError } from "./errors/front-timeout-error.js";
export { FrontInputError } from "./errors/front-input-error.js";
export { FrontResponseError } from "./errors/front-response-error.js";
export { responseBodyBytes } from "./body-size.js";
export { parseRateLimit, parseRetryAfter, type RateLimitInfo } from "./rate-limit.js";
export {
  pageTokenFromNext,
  paginate,
  paginateItems,
  type PaginatedPath,
  type PageOf,
  type ItemOf,
  type PaginateControls,
  type PaginateInit,
} from "./pagination.js";
export { pageThrough, pageWalk, type PageStop, type PageWalk, type PageWalkOptions } from "./page-through.js";
export { unwrap } from "./unwrap.js";
export type { HttpMethod, PathsWithMethod, SuccessBody, GetResponseBody } from "./types.js";
export { FRONTKIT_CORE_VERSION } from "./version.js";
export { toMessageFormData, MAX_ATTACHMENTS_BYTES, type AttachmentInput } from "./multipart.js";
export {
  sendNewMessage,
  sendReply,
  type NewMessageBody,
  type ReplyBody,
  type SendMessageOptions,
  type NewMessageResult,
  type ReplyResult,
} from "./messages.js";
export { request, type RequestControls, type RequestInitFor, type RequestResult } from "./request.js";
export { PATH_TEMPLATES, matchPathTemplate, type PathMatch } from "./path-templates.js";
export * from "./webhooks/index.js";
