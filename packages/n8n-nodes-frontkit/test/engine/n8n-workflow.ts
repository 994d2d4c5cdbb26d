/**
 * n8n-workflow as the engine and the built node see it: the CommonJS build, loaded with
 * require. Importing it as ESM would load a second copy whose classes (NodeApiError, …)
 * fail `instanceof` against the engine's.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The runtime exports of n8n-workflow (CommonJS copy shared with n8n-core). */
export const n8nWorkflow = require("n8n-workflow") as typeof import("n8n-workflow");
