/**
 * One valid input per tool, accepted by Prism (which checks requests against
 * the corrected spec: a 422 there means the tool sent a wrong request).
 */

/** The eleven tools the issue asks for, by name. */
export const ELEVEN = [
  "add-tag",
  "create-contact",
  "get-contact",
  "get-conversation",
  "list-contacts",
  "list-conversations",
  "list-inboxes",
  "list-tags",
  "list-teammates",
  "raw-api-request",
  "send-message",
] as const;

/** What MCP offers: the eleven and the read-only discovery tool for raw-api-request's operations. */
export const MCP_TOOLS = [...ELEVEN.slice(0, 9), "raw-api-request", "search-api-operations", "send-message"] as const;

/** A valid input for each tool. */
export const sampleInputs: Readonly<Record<string, Record<string, unknown>>> = {
  "add-tag": { conversation_id: "cnv_abc123", tag_ids: ["tag_abc123"] },
  "create-contact": { handles: [{ source: "email", handle: "jane@example.com" }], name: "Jane Doe" },
  "get-contact": { contact_id: "crd_abc123" },
  "get-conversation": { conversation_id: "cnv_abc123" },
  "list-contacts": { limit: 5 },
  "list-conversations": { limit: 5 },
  "list-inboxes": {},
  "list-tags": {},
  "list-teammates": {},
  "raw-api-request": { method: "GET", path: "/me" },
  "search-api-operations": { query: "assign a conversation" },
  "send-message": { channel_id: "cha_abc123", to: ["jane@example.com"], body: "Hello from frontkit" },
};
