/**
 * @frontkit/adapters/n8n — the Front node, the Front Trigger and their credentials for n8n, derived from
 * the @frontkit/tools registry. The n8n-nodes-frontkit package bundles this as CommonJS.
 */
export { DEFAULT_FRONT_BASE_URL, FRONT_CREDENTIAL_NAME, FrontApi } from "./credentials.js";
export { Front, frontOperationPlans, makeFrontNode } from "./node.js";
export { nodeDescription, PARAM } from "./description.js";
export { executeFront, readInput, runOperation } from "./execute.js";
export { loadOptionsMethods } from "./load-options.js";
export { camelParam, displayNameOf, fieldsOfSchema, type FieldKind, type FieldSpec, type JsonSchema, type LoadOptionsMethod } from "./fields.js";
export { ADDITIONAL_FIELDS, COLLECTION_GROUP, operationProperties, propertyOf } from "./properties.js";
export { decodeObject, decodeValue, FieldValueError } from "./input.js";
export { API_OPERATION_PARAM, API_OPERATION_SEARCH, apiOperationProperty, applyPickedOperation, pickedOperationId, RAW_TOOL_NAME, searchApiOperationItems } from "./raw-operation.js";
export { FRONT_RESOURCES, OTHER_RESOURCE, placementOf, resourceOptions, toolNameFor, type FrontResource, type OperationPlacement } from "./operations.js";
export { planOf, type AttachmentsPlan, type OperationPlan, type Paging } from "./plan.js";
export { summarizeFailure, toNodeError, type FailureSummary, type Secrets } from "./errors.js";
export { openSession, tokenOf, type FrontNodeOptions, type FrontSession } from "./session.js";
export { FRONT_WEBHOOK_CREDENTIAL_NAME, FrontWebhookApi, webhookSecretOf } from "./trigger-credentials.js";
export { FrontTrigger, makeFrontTriggerNode } from "./trigger-node.js";
export { eventTypeOptions, TRIGGER_PARAM, triggerDescription, type TriggerMode } from "./trigger-description.js";
export { receiveFrontWebhook, frontWebhookMethods } from "./trigger-webhook.js";
export { CURSOR_KEY, POLL_EVENT_LIMIT, pollFrontEvents, TEST_EVENT_COUNT } from "./trigger-poll.js";
export { matchesFilter, parseEventTypes, parseInboxIds, FilterValueError, type EventFilter } from "./trigger-filter.js";
export { DEDUPE_MAX_IDS, DEDUPE_WINDOW_MS, rememberEvent, SEEN_EVENTS_KEY } from "./trigger-dedupe.js";
export { eventItem, type DeliveryType, type EventArrival, type EventItemMeta } from "./trigger-items.js";
