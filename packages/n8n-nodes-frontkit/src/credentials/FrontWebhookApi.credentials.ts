/** Entry n8n loads for the `Front Webhook` credentials (class named after the file, as n8n requires). */
export { FrontWebhookApi } from "@frontkit/adapters/n8n";
