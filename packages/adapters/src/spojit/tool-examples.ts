import type { SpojitToolExample } from "./connector-types.js";

/**
 * Worked examples per tool, shown in the connector docs. They are usage documentation, not
 * schema: a test validates every one against the tool's input JSON Schema (and runs it against
 * the Prism mock of Front's API), so an example that no longer fits its tool fails the build
 * instead of misleading users. Ids are the ones in Front's API reference examples.
 */
export const frontToolExamples: Readonly<Record<string, ReadonlyArray<SpojitToolExample>>> = {
  "add-tag": [
    { title: "Tag by name (the tag must exist)", input: { conversation_id: "cnv_55c8c149", tag_names: ["Warehouse task"] } },
    { title: "Tag by id", input: { conversation_id: "cnv_55c8c149", tag_ids: ["tag_2oxhvy"] } },
  ],
  "create-contact": [
    {
      title: "Create a contact with an email address, in a group",
      input: {
        name: "Jane Doe",
        handles: [{ source: "email", handle: "jane@example.com" }],
        group_names: ["VIP customers"],
      },
    },
    {
      title: "Create a contact reachable by phone, with a custom field",
      input: {
        handles: [{ source: "phone", handle: "+15551234567" }],
        description: "Signed up at the spring event",
        custom_fields: { plan: "enterprise", seats: 40 },
      },
    },
  ],
  "get-contact": [
    { title: "By contact id", input: { contact_id: "crd_55c8c149" } },
    { title: "By email address", input: { email: "jane@example.com" } },
    { title: "By phone number", input: { phone: "+15551234567" } },
  ],
  "get-conversation": [
    { title: "A conversation with its 25 newest messages", input: { conversation_id: "cnv_55c8c149" } },
    { title: "Only the last 5 messages", input: { conversation_id: "cnv_55c8c149", max_messages: 5 } },
    { title: "Metadata only (status, assignee, tags)", input: { conversation_id: "cnv_55c8c149", include_messages: false } },
  ],
  "list-contacts": [
    { title: "First page of contacts", input: { limit: 25 } },
    {
      title: "Contacts changed since a date, every page up to 200",
      input: { updated_after: "2026-01-01T00:00:00Z", sort_by: "updated_at", sort_order: "desc", auto_paginate: true, max_results: 200 },
    },
  ],
  "list-conversations": [
    { title: "Unassigned conversations of one inbox", input: { inbox_ids: ["inb_55c8c149"], statuses: ["unassigned"], limit: 25 } },
    {
      title: "Updated since a time: reads the list (at most 20 pages), complete says whether it reached the end",
      input: { updated_after: 1767225600, auto_paginate: true, max_results: 100, max_pages: 20 },
    },
  ],
  "list-inboxes": [
    { title: "Inboxes (cached per connection)", input: {} },
    { title: "Right after an inbox was added", input: { refresh: true } },
  ],
  "list-tags": [
    { title: "Tags (cached per connection)", input: {} },
    { title: "Right after tags were created or renamed", input: { refresh: true } },
  ],
  "list-teammates": [{ title: "Every teammate", input: {} }],
  "raw-api-request": [
    { title: "The channels of an inbox (for send-message)", input: { method: "GET", path: "/inboxes/inb_55c8c149/channels" } },
    {
      title: "Add an internal comment to a conversation",
      input: { method: "POST", path: "/conversations/cnv_55c8c149/comments", body: { body: "Escalated to tier 2." } },
    },
  ],
  "send-message": [
    {
      title: "Start a new conversation from a channel",
      input: { channel_id: "cha_55c8c149", to: ["jane@example.com"], subject: "Your order", body: "<p>Hi Jane, your order has shipped.</p>" },
    },
    { title: "Reply in a conversation", input: { conversation_id: "cnv_55c8c149", body: "Thanks, we are on it." } },
    {
      title: "Send with an attachment (base64)",
      input: {
        channel_id: "cha_55c8c149",
        to: ["jane@example.com"],
        subject: "Invoice",
        body: "Please find the invoice attached.",
        attachments: [{ filename: "invoice.txt", content_type: "text/plain", data_base64: "SW52b2ljZSAjMTAwMQ==" }],
      },
    },
  ],
};
