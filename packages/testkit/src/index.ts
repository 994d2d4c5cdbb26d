import "./provided-context.js";

export { startPrism, resolvePrismCli, PrismStartError, type PrismServer, type StartPrismOptions } from "./prism.js";
export { prismGlobalSetup } from "./global-setup.js";
export {
  startFaultProxy,
  type FaultProxy,
  type FaultMatch,
  type FaultRequest,
  type FaultRule,
  type RecordedRequest,
} from "./fault-proxy.js";
export {
  faults,
  passThrough,
  status,
  rateLimited,
  serverError,
  connectionReset,
  delay,
  timeout,
  malformedJson,
  html,
  emptyBody,
  slowBody,
  hugeBody,
  type Fault,
  type FaultHeaders,
  type RateLimitedOptions,
} from "./faults.js";
export { freePort } from "./free-port.js";
export {
  startRedisServer,
  withRedisServer,
  findRedisServer,
  redisTestGate,
  pingRedis,
  RedisServerStartError,
  type RedisServer,
  type RedisTestGate,
  type StartRedisServerOptions,
} from "./redis-server.js";
export { rawHttpExchange } from "./raw-http.js";
export { findRepoRoot, defaultSpecPath, CORRECTED_SPEC_RELATIVE_PATH } from "./repo-root.js";
export { withPrism, withFaultProxy } from "./scoped.js";
export {
  startSimulatedFront,
  type SimulatedFront,
  type SimulatedFrontOptions,
  type SimulatedFrontStats,
  type SimulatedWrite,
} from "./simulated-front/server.js";
export { Dataset, DEFAULT_DATASET, CONVERSATION_STATUSES, SIMULATED_COMPANY_HOST, type DatasetSize } from "./simulated-front/dataset.js";
export {
  EventLog,
  MAX_EVENTS_PAGE_SIZE,
  SIMULATED_EVENT_TYPES,
  compareEvents,
  type EmitEventInput,
  type SimulatedEventJson,
  type SimulatedEventRecord,
} from "./simulated-front/events.js";
export { SlidingWindowLimiter, type Admission } from "./simulated-front/rate-limit.js";
export {
  signApplicationWebhook,
  signRuleWebhook,
  sampleFrontEvent,
  sampleFrontEventPreview,
  applicationWebhookBody,
  syncWebhookBody,
  deliverFrontWebhook,
  type SenderWebhookKind,
  type SampleFrontEventOptions,
  type DeliverFrontWebhookOptions,
  type DeliveryAttempt,
  type Delivery,
  type DeliveryReport,
  type JsonObject,
} from "./webhooks.js";
export {
  ConversationOrder,
  BUMP_SETTINGS,
  bumps,
  type BumpSetting,
  type ConversationAction,
} from "./simulated-front/conversation-order.js";
