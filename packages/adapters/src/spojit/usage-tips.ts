import type { SpojitUsageTip } from "./connector-types.js";

/**
 * What workflow authors (and Agent-mode LLMs, which read these alongside the tool
 * descriptions) need to know about Front to use the tools well. Each tip names the tools it
 * concerns; a test checks that every name is a real tool.
 */
export const frontUsageTips: ReadonlyArray<SpojitUsageTip> = [
  {
    id: "cache-inboxes-and-tags",
    title: "Look up inboxes and tags once, then reuse their ids",
    text:
      "Inboxes and tags rarely change. Call list-inboxes / list-tags once at the start of a workflow (or in a scheduled workflow that stores the result) and reuse the ids, instead of calling them for every item: every call counts against your company's rate limit. The executor also caches them per connection for a short time.",
    tools: ["list-inboxes", "list-tags"],
  },
  {
    id: "send-message-needs-a-channel",
    title: "send-message takes a channel id (cha_…), not an inbox id (inb_…)",
    text:
      "Front sends from a channel (an email address, SMS number, …) that belongs to an inbox. Pass channel_id (cha_…, or an alias such as alt:address:support@example.com) to start a new conversation; to reply, pass conversation_id instead. An inbox id (inb_…) works only when that inbox has exactly one channel; otherwise the call fails and lists the inbox's channels to choose from. Find channel ids with raw-api-request GET /inboxes/{inbox_id}/channels and store the one you need.",
    tools: ["send-message", "list-inboxes", "raw-api-request"],
  },
  {
    id: "tags-must-exist",
    title: "Tags must already exist",
    text:
      "add-tag accepts tag ids (tag_ids) or names (tag_names, matched case-insensitively) but never creates a tag. A name that matches no tag fails with NOT_FOUND and lists the nearest existing names in suggestions, so a typo does not silently create clutter. Create tags in Front first (or with raw-api-request POST /tags).",
    tools: ["add-tag", "list-tags"],
  },
  {
    id: "merged-conversations-change-ids",
    title: "Merged conversations change ids",
    text:
      "When conversations are merged, Front answers the old id with a redirect. get-conversation, add-tag, send-message (replies) and raw-api-request follow it and name the surviving conversation in merged_into: store that id and use it in later steps instead of the old one.",
    tools: ["get-conversation", "add-tag", "send-message", "raw-api-request"],
  },
  {
    id: "retries-and-rate-limits",
    title: "Let the executor retry; act on `retryable` and `retryAfterMs`",
    text:
      "Transient failures (rate limits, 5xx on safe requests, network resets) are retried inside the executor with backoff that honours Front's retry-after. If a result still fails with retryable: true, wait retryAfterMs (when present) before running the step again; retryable: false means the input, the token or the data must change first. send-message is retried only after a 429, never after a 5xx or a timeout, so a message is never sent twice.",
    tools: ["send-message", "raw-api-request"],
  },
  {
    id: "paging",
    title: "Lists are paged: limit is at most 100",
    text:
      "list-contacts and list-conversations return one page by default (limit up to 100) and a next_page_token: pass it back as page_token to continue. Or set auto_paginate: true with max_results to let the tool follow pages for you. Front does not list conversations in updated_at order (its bump settings decide), so list-conversations with updated_after reads the whole list, about one request per page, up to max_pages; complete: false means a bound stopped it first. To poll for what changed, the events feed (raw-api-request GET /events with q[after]) is cheaper and exact.",
    tools: ["list-contacts", "list-conversations"],
  },
  {
    id: "contacts-by-handle",
    title: "Find contacts by email or phone",
    text:
      "get-contact accepts a contact id (crd_…) or finds the contact by email, phone, or handle plus source; there is no need to list contacts to find one.",
    tools: ["get-contact", "list-contacts"],
  },
];
