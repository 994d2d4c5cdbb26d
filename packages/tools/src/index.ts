/**
 * @frontkit/tools — the Front connector tools as Effect programs, with typed
 * errors, a rate-limit-aware retry policy and a Promise facade.
 */
export * from "./errors.js";
export { errorFromResponse, errorFromThrown, transportReason, unexpectedBody, type ResponseContext } from "./http-errors.js";
export {
  Front,
  makeFront,
  type FrontConfig,
  type FrontService,
  type FrontCall,
  type FetchResult,
  type FrontResponse,
  type RequestOptions,
} from "./front.js";
export { checkFrontToken, MIN_FRONT_TOKEN_LENGTH, MAX_FRONT_TOKEN_LENGTH, type FrontTokenCheck } from "./token.js";
export { FrontRetry, makeFrontRetry, shouldRetry, DEFAULT_MAX_RETRY_AFTER_MS, type FrontRetryOptions, type FrontRetrySchedule } from "./retry.js";
export { makeRateLimiter, type RateLimiter, type RateLimiterOptions, type RateLimiterState, type TripDetails } from "./rate-limiter.js";
export type { AcquireResult, LimiterConfig, LimiterSnapshot, LimiterStore, MaybePromise, ResourceSnapshot, TripInfo, WaitReason } from "./limiter-store.js";
export { makeMemoryLimiterStore, type MemoryLimiterStore } from "./limiter-memory-store.js";
export { LIMITER_CEILINGS, LIMITER_DEFAULTS, type LimiterSettings, type LimiterTuning, limiterSettingIssues } from "./limiter-options.js";
export { resourceOf } from "./limiter-resource.js";
export { createRedisDedupeStore, type RedisDedupeStoreOptions } from "./shared/redis-dedupe-store.js";
export { closeSharedRedis } from "./shared/redis-connection.js";
export { CurrentRequestMeter, makeRequestMeter, type RequestMeter } from "./request-meter.js";
export { DEFAULT_MAX_CALL_BYTES } from "./call-budget.js";
export { RequestObserver, type RequestEvent, type RequestAttemptEvent, type RequestRetryEvent } from "./request-events.js";
export { ProgressReporter, reportProgress, guardProgress, withGuardedProgress, forEachWithProgress, type ProgressUpdate } from "./progress.js";
export {
  defineTool,
  runTool,
  decodeToolInput,
  encodeToolOutput,
  issuesOf,
  type ToolDefinition,
  type AnyToolDefinition,
  type ToolAnnotations,
  type ToolSchema,
  type ToolInput,
  type ToolOutput,
} from "./definition.js";
export { toPlainJsonSchema, type JsonSchemaObject } from "./json-schema.js";
export {
  tools,
  registry,
  toolsByName,
  toolNames,
  toolCatalog,
  agentTools,
  mcpToolCatalog,
  catalogEntry,
  annotationHints,
  type ToolCatalogEntry,
  type ToolAnnotationHints,
} from "./registry.js";
export {
  streamPages,
  streamItems,
  collectAll,
  fetchPage,
  decodeBody,
  PageEnvelope,
  MAX_PAGE_SIZE,
  DEFAULT_MAX_PAGES,
  type Page,
  type StreamPagesOptions,
} from "./pagination.js";
export { streamTags, allTags, TAGS_CACHE_KEY } from "./tags.js";
export { Tag } from "./schemas/tag.js";
export { Inbox } from "./schemas/inbox.js";
export { Teammate } from "./schemas/teammate.js";
export { Contact, ContactHandle, ContactGroup, ContactHandleSource } from "./schemas/contact.js";
export { camelName, kebabName } from "./names.js";
export {
  createFrontTools,
  type FrontTools,
  type FrontToolsOptions,
  type FrontToolMethods,
  type FrontToolName,
  type InvokeOptions,
  type InvokeTool,
  type InvokeToolDetailed,
  type DetailedResult,
  type ToolsByAnyName,
  type EventsIteratorOptions,
} from "./facade.js";
export { pollEventsOnce, eventsStream, MAX_EVENTS_PAGE_SIZE, type EventsPoll, type EventsFeedItem } from "./events/feed.js";
export {
  encodeEventCursor,
  decodeEventCursor,
  decodeEventCursorResult,
  EventCursorSchema,
  EVENT_CURSOR_PREFIX,
  MAX_SEEN_IDS,
  type EventCursor,
} from "./events/cursor.js";
export { FrontEventSchema, compareEvents } from "./events/event.js";
export {
  DEFAULT_OVERLAP_SECONDS,
  DEFAULT_MAX_EVENTS_PER_POLL,
  DEFAULT_POLL_INTERVAL_MS,
  MIN_POLL_INTERVAL_MS,
  MAX_OVERLAP_SECONDS,
  MAX_EVENTS_PER_POLL,
  type EventsFeedOptions,
  type EventsStreamOptions,
} from "./events/options.js";
export { streamInboxes, allInboxes, INBOXES_CACHE_KEY } from "./inboxes.js";
export { streamTeammates, allTeammates } from "./teammates.js";
export { NonEmptyTrimmed, frontId, EmailAddress, PhoneNumber, NoInput } from "./schemas/common.js";
export { listTags, ListTagsInput, ListTagsOutput } from "./tools/list-tags.js";
export { listInboxes, ListInboxesInput, ListInboxesOutput } from "./tools/list-inboxes.js";
export { listTeammates, ListTeammatesInput, ListTeammatesOutput } from "./tools/list-teammates.js";
export {
  getContact,
  GetContactInput,
  GetContactOutput,
  contactAlias,
  type GetContactById,
  type GetContactByEmail,
  type GetContactByPhone,
  type GetContactByHandle,
} from "./tools/get-contact.js";
export { createContact, CreateContactInput, CreateContactOutput, NewContactHandle, createContactBody } from "./tools/create-contact.js";
export { addTag, AddTagInput, AddTagOutput, AppliedTag, resolveTagNames } from "./tools/add-tag.js";
export { sendMessage, sendMessageWithBytes, sendMessageProgram, channelOfInbox, type SendMessageRequest } from "./tools/send-message.js";
export { SendMessageInput, SendMessageOutput, MessageOptions, ChannelRef, ChannelSummary } from "./schemas/message.js";
export { Base64Attachment, type BytesAttachment, type MessageAttachment } from "./attachments.js";
export { rawApiRequest, rawRequest, RawApiRequestInput, RawApiRequestOutput, RawRateLimit, type RawResponse } from "./tools/raw-api-request.js";
export { checkRawPath, unsafePathReason, nearTemplates, type PathCheck } from "./raw-paths.js";
export { verifyFrontWebhook, frontChallengeAnswer, type FrontChallengeAnswer, createFrontWebhookReceiver, createMemoryDedupeStore, decodeFrontWebhookBody, decodeFrontEvent, eventIdOf, eventTypeOf, conversationIdOf, inboxIdsOf, isFrontEventType, FRONT_EVENT_TYPES, APPLICATION_WEBHOOK_EVENT_TYPES, APPLICATION_TO_EVENT_TYPE, type WebhookKind, type WebhookHeaders, type VerifyFrontWebhookInput, type WebhookVerification, type WebhookRefusal, type FrontEvent, type FrontEventType, type FrontEventPreview, type FrontEventParty, type FrontEventConversation, type FrontWebhookDelivery, type ApplicationSyncDelivery, type ApplicationEventDelivery, type RuleEventDelivery, type RulePreviewDelivery, type DedupeStore, type FrontWebhookReceiverOptions, type FrontWebhookRequestHandler, type ReceiverRefusal } from "@frontkit/core";
export {
  searchApiOperations,
  SearchApiOperationsInput,
  SearchApiOperationsOutput,
  ApiOperationMatch,
} from "./tools/search-api-operations.js";
export { apiOperations, operationById, operationFor, type ApiOperation, type ApiOperationParameter, type CompactSchema } from "./operations/catalogue.js";
export { searchOperations, type OperationSearch } from "./operations/search.js";
export { describeOperation, type OperationDescription } from "./operations/describe.js";
export { checkOperationRequest, type OperationRequest } from "./operations/check-request.js";
