/**
 * Entry n8n loads for the Front Trigger node (class named after the file, as n8n requires);
 * everything else is bundled from @frontkit/adapters/n8n.
 */
export { FrontTrigger } from "@frontkit/adapters/n8n";
