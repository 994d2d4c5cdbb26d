/**
 * @frontkit/adapters/spojit — the Front connector for Spojit: a connector definition derived
 * from the @frontkit/tools registry, its JSON Schema, a never-throwing executor, and the
 * triggers (a webhook delivery handler and a poller) that start workflows on Front events.
 */
export { FRONT_DEFAULT_BASE_URL, frontAuthentication } from "./authentication.js";
export { buildFrontConnector, frontConnector, frontToolExamples, type ToolCatalogEntry } from "./connector.js";
export type {
  JsonSchemaObject,
  SpojitAuthentication,
  SpojitAuthField,
  SpojitConnectorDefinition,
  SpojitToolDefinition,
  SpojitToolExample,
  SpojitTriggerDefinition,
  SpojitTriggerDeliveryMode,
  SpojitUsageTip,
} from "./connector-types.js";
export type { SpojitConnection } from "./connection.js";
export { SPOJIT_CONNECTOR_SCHEMA_ID, spojitConnectorJsonSchema } from "./definition-schema.js";
export { SPOJIT_CODE_BY_TAG, toSpojitError } from "./error-mapping.js";
export {
  createSpojitExecutor,
  type SpojitClientOptions,
  type SpojitExecuteOptions,
  type SpojitExecuteRequest,
  type SpojitExecutor,
  type SpojitExecutorOptions,
} from "./executor.js";
export { FRONT_CONNECTOR_ICON_SVG } from "./icon.js";
export { REDACTED } from "./redact.js";
export {
  SPOJIT_ERROR_CODES,
  type SpojitError,
  type SpojitErrorCode,
  type SpojitExecuteMeta,
  type SpojitExecuteResult,
  type SpojitFailure,
  type SpojitIssue,
  type SpojitRateLimit,
  type SpojitSuccess,
} from "./result.js";
export {
  handleSpojitTriggerDelivery,
  type SpojitTriggerDelivery,
  type SpojitTriggerResult,
  type SpojitTriggerSuccess,
} from "./trigger-handler.js";
export type { SpojitTriggerEvent } from "./trigger-event.js";
export type { SpojitPollRequest, SpojitPollResult, SpojitPollSuccess } from "./trigger-poll.js";
export { frontTriggers, triggerNames } from "./triggers.js";
export { frontUsageTips } from "./usage-tips.js";
