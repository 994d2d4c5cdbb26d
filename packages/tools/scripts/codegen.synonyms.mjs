// Words agents use for Front jobs that the spec's own wording never says, mapped to the operation that does the job.
// Facts about Front's API (dev.frontapp.com): archiving, reopening, trashing or spamming a conversation is
// PATCH /conversations/{id} with `status`; assigning is PUT /conversations/{id}/assignee; a comment is an
// internal note on a conversation. codegen.mjs folds these words into the search index at build time.

/** operationId → extra search words (weighted like the summary). */
export const OPERATION_SYNONYMS = {
  "update-conversation": ["archive", "unarchive", "reopen", "open", "trash", "delete", "spam", "status", "close", "resolve", "move", "restore"],
  "update-conversation-assignee": ["assign", "unassign", "owner", "reassign", "give", "hand"],
  "add-comment": ["comment", "note", "internal", "discuss", "mention"],
  "search-conversations": ["search", "find", "query", "lookup", "look"],
  "list-contact-conversations": ["contact", "customer", "history"],
  "add-conversation-tag": ["tag", "label"],
  "remove-conversation-tag": ["untag", "unlabel"],
  "add-conversation-link": ["link", "ticket", "issue"],
  "create-draft": ["draft"],
  "create-draft-reply": ["draft", "reply"],
  "list-conversation-events": ["history", "activity", "timeline"],
  "update-conversation-reminders": ["snooze", "remind", "reminder"],
  "add-conversation-followers": ["follow", "subscribe", "watch"],
};
