/**
 * Entry n8n loads for the Front node. n8n requires the exported class to be named after
 * the file (Front.node.js → Front); everything else is bundled from @frontkit/adapters/n8n.
 */
export { Front } from "@frontkit/adapters/n8n";
