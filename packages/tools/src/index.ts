/**
 * @frontkit/tools — the Front connector tools as Effect programs, with typed
 * errors, a rate-limit-aware retry policy and a Promise facade.
 *
 * This file is the package's public surface, chosen name by name (api/index.api.md records it; `npm run api:update`
 * after a deliberate change). What integrators use: the Promise facade, the `Front` service and its layers, the
 * tool definitions and the catalogue adapters derive from, the errors, the events feed and the webhooks, and the
 * types of all these. Everything else (paging, caches, the limiter, the transport's error mapping, name helpers)
 * is internal: modules import it from its own file, and no other package needs it.
 */

// ---- Promise facade ----
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

// ---- The Front service (Effect): configuration, layers, the request boundary custom tools go through ----
export {
  Front,
  type FrontConfig,
  type FrontService,
  type FrontCall,
  type FetchResult,
  type FrontResponse,
  type RequestOptions,
  type RequestControl,
} from "./front.js";
export { checkFrontToken, MIN_FRONT_TOKEN_LENGTH, MAX_FRONT_TOKEN_LENGTH, type FrontTokenCheck } from "./token.js";
export { FrontRetry, makeFrontRetry, type FrontRetryOptions, type FrontRetrySchedule } from "./retry.js";
// ---- Secrets: the one redaction rule, and one client per token for servers serving many accounts ----
export { makeRedactor, secretOf, type Redactor, type Secret } from "./redact-secret.js";
export { REDACTED, redactText, redactJson, redactorOf } from "./redact.js";
export {
  ClientCache,
  DEFAULT_MAX_CLIENTS,
  DEFAULT_CLIENT_IDLE_TTL_MS,
  type ClientCacheOptions,
  type ClientConfig,
  type ClientLease,
  type ClientOptions,
  type ClientRequest,
  type DisposableClient,
} from "./client-cache.js";
// ---- Rate limiting: the limiter's settings and the seam for its shared state (issue 15) ----
export { makeRateLimiter, type RateLimiter, type RateLimiterOptions, type RateLimiterState, type TripDetails } from "./rate-limiter.js";
export type { AcquireResult, LimiterConfig, LimiterSnapshot, LimiterStore, MaybePromise, ResourceSnapshot, TripInfo, WaitReason } from "./limiter-store.js";
export { makeMemoryLimiterStore, type MemoryLimiterStore } from "./limiter-memory-store.js";
export { LIMITER_CEILINGS, LIMITER_DEFAULTS, type LimiterSettings, type LimiterTuning, limiterSettingIssues } from "./limiter-options.js";
export { resourceOf } from "./limiter-resource.js";
// ---- Shared state through Redis ----
export { createRedisDedupeStore, type RedisDedupeStoreOptions } from "./shared/redis-dedupe-store.js";
export { closeSharedRedis } from "./shared/redis-connection.js";
export { RequestObserver, type RequestEvent, type RequestAttemptEvent, type RequestRetryEvent } from "./request-events.js";
export { ProgressReporter, reportProgress, type ProgressUpdate } from "./progress.js";

// ---- Errors: every export of errors.ts is public (the tagged errors, their union and schema, the guards) ----
export * from "./errors.js";

// ---- Tool definitions and what adapters derive from them ----
export {
  defineTool,
  runTool,
  decodeToolInput,
  encodeToolOutput,
  issuesOf,
  type ToolDefinition,
  type AnyToolDefinition,
  type ToolAnnotations,
  type ToolAttachments,
  type ToolExample,
  type ToolMenu,
  type ToolPaging,
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

// ---- The tools, their input and output schemas, and the records they return ----
export { listTags, ListTagsInput, ListTagsOutput } from "./tools/list-tags.js";
export { listInboxes, ListInboxesInput, ListInboxesOutput } from "./tools/list-inboxes.js";
export { listTeammates, ListTeammatesInput, ListTeammatesOutput } from "./tools/list-teammates.js";
export {
  getContact,
  GetContactInput,
  GetContactOutput,
  type GetContactById,
  type GetContactByEmail,
  type GetContactByPhone,
  type GetContactByHandle,
} from "./tools/get-contact.js";
export { createContact, CreateContactInput, CreateContactOutput, NewContactHandle } from "./tools/create-contact.js";
export { addTag, AddTagInput, AddTagOutput, AppliedTag } from "./tools/add-tag.js";
export { sendMessage } from "./tools/send-message.js";
export { SendMessageInput, SendMessageOutput, MessageOptions } from "./schemas/message.js";
export { Base64Attachment } from "./attachments.js";
export { rawApiRequest, RawApiRequestInput, RawApiRequestOutput, RawRateLimit } from "./tools/raw-api-request.js";
export { searchApiOperations, SearchApiOperationsInput, SearchApiOperationsOutput, ApiOperationMatch } from "./tools/search-api-operations.js";
export { Tag } from "./schemas/tag.js";
export { Inbox } from "./schemas/inbox.js";
export { Teammate } from "./schemas/teammate.js";
export { Contact, ContactHandle, ContactGroup, ContactHandleSource } from "./schemas/contact.js";
// Whole lists as Streams, for Effect programs (the list tools return them collected).
export { streamTags } from "./tags.js";
export { streamInboxes } from "./inboxes.js";
export { streamTeammates } from "./teammates.js";

// ---- The Core API operations raw-api-request can call (what search-api-operations searches) ----
export { apiOperations, operationById, type ApiOperation, type ApiOperationParameter, type CompactSchema } from "./operations/catalogue.js";
export { searchOperations, type OperationSearch } from "./operations/search.js";
export { describeOperation, type OperationDescription } from "./operations/describe.js";

// ---- Events feed ----
export { pollEventsOnce, eventsStream, type EventsPoll, type EventsFeedItem } from "./events/feed.js";
export { encodeEventCursor, decodeEventCursor, decodeEventCursorResult, EventCursorSchema, type EventCursor } from "./events/cursor.js";
export { FrontEventSchema } from "./events/event.js";
export type { EventsFeedOptions, EventsStreamOptions } from "./events/options.js";

// ---- Webhooks (from @frontkit/core, so adapters and integrators need only this package) ----
export {
  verifyFrontWebhook,
  frontChallengeAnswer,
  createFrontWebhookReceiver,
  createMemoryDedupeStore,
  decodeFrontWebhookBody,
  decodeFrontEvent,
  eventIdOf,
  eventTypeOf,
  conversationIdOf,
  inboxIdsOf,
  isFrontEventType,
  FRONT_EVENT_TYPES,
  APPLICATION_WEBHOOK_EVENT_TYPES,
  APPLICATION_TO_EVENT_TYPE,
  type FrontChallengeAnswer,
  type WebhookKind,
  type WebhookHeaders,
  type VerifyFrontWebhookInput,
  type WebhookVerification,
  type WebhookRefusal,
  type FrontEvent,
  type FrontEventType,
  type FrontEventPreview,
  type FrontEventParty,
  type FrontEventConversation,
  type FrontWebhookDelivery,
  type ApplicationSyncDelivery,
  type ApplicationEventDelivery,
  type RuleEventDelivery,
  type RulePreviewDelivery,
  type DedupeStore,
  type FrontWebhookReceiverOptions,
  type FrontWebhookRequestHandler,
  type ReceiverRefusal,
} from "@frontkit/core";

// ---- Paging ----
// The one page-through (core), for adapters that page over tool calls (n8n's Return All); adapters never import core.
export { pageThrough, pageWalk, type PageWalk, type PageStop } from "@frontkit/core";
