// Front webhooks: verification, the event types, dedupe and a mountable receiver. No Effect here: core stays
// dependency-light so any Node server (or a platform adapter) can verify Front's requests.
export { type WebhookKind, WEBHOOK_KINDS } from "./kind.js";
export { type WebhookHeaders } from "./headers.js";
export {
  verifyFrontWebhook,
  DEFAULT_WEBHOOK_TOLERANCE_MS,
  DEFAULT_VERIFY_MAX_BODY_BYTES,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  CHALLENGE_HEADER,
  type VerifyFrontWebhookInput,
  type WebhookVerification,
  type WebhookRefusal,
} from "./verify.js";
export {
  FRONT_EVENT_TYPES,
  APPLICATION_WEBHOOK_EVENT_TYPES,
  APPLICATION_TO_EVENT_TYPE,
  isFrontEventType,
  decodeFrontEvent,
  decodeFrontWebhookBody,
  eventIdOf,
  eventTypeOf,
  conversationIdOf,
  inboxIdsOf,
  type FrontEventType,
  type ApplicationWebhookEventType,
  type FrontEvent,
  type FrontEventPreview,
  type FrontEventParty,
  type FrontEventConversation,
  type FrontWebhookDelivery,
  type ApplicationSyncDelivery,
  type ApplicationEventDelivery,
  type RuleEventDelivery,
  type RulePreviewDelivery,
} from "./events.js";
export { frontChallengeAnswer, type FrontChallengeAnswer } from "./challenge.js";
export { createMemoryDedupeStore, DEFAULT_DEDUPE_MAX_ENTRIES, type DedupeStore, type MemoryDedupeStoreOptions } from "./dedupe.js";
export {
  createFrontWebhookReceiver,
  DEFAULT_RECEIVER_MAX_BODY_BYTES,
  DEFAULT_DEDUPE_WINDOW_MS,
  DEFAULT_BODY_TIMEOUT_MS,
  type FrontWebhookReceiverOptions,
  type FrontWebhookRequestHandler,
  type ReceiverRefusal,
} from "./receiver.js";
