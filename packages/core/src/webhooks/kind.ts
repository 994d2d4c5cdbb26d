/** Which of Front's two webhook kinds a request is: an app's webhook feature, or a rule's "send to a webhook" action. */
export type WebhookKind = "application" | "rule";

/** Both kinds, for validating a kind that came from configuration. */
export const WEBHOOK_KINDS: readonly WebhookKind[] = ["application", "rule"];
