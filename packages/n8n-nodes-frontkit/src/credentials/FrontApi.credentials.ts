/** Entry n8n loads for the `Front API` credentials (class named after the file, as n8n requires). */
export { FrontApi } from "@frontkit/adapters/n8n";
