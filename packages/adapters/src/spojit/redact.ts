/**
 * A Spojit result with secrets masked by the one redaction rule (@frontkit/tools/redact): the data, and the
 * free-text fields of an error. Defence in depth — the token is Redacted on its way to Front and the tools keep
 * it out of errors, but a Front error body, a proxy's page or an echoed payload could still quote it.
 */
import { liveSecrets, REDACTED, type Redactor, redactorOf } from "@frontkit/tools/redact";

export { REDACTED };

/** Replaces every occurrence of `secret` inside the strings (and object keys) of a JSON value. */
export const redactSecret = <T>(value: T, secret: string): T => redactorOf([secret]).json(value);

/** The error fields that carry free text; `ok`, `code`, `retryable`, numbers and the tool name are never touched. */
const TEXT_FIELDS = ["message", "details", "issues", "title", "suggestions", "requestId"] as const;

/**
 * Scrubs the secrets from an executor result: the data, and the free-text fields of an error, so a result
 * stays machine-readable whatever the token looks like. Takes the token itself or a client lease's redactor.
 */
export const redactResult = <R extends { readonly ok: boolean }>(result: R, secret: string | Redactor): R => {
  if (typeof secret === "string" && liveSecrets([secret]).length === 0) return result; // too short to be a secret by the rule
  const redact = typeof secret === "string" ? redactorOf([secret]) : secret;
  const r = result as unknown as Record<string, unknown>;
  if (r.ok === true) return { ...r, data: redact.json(r.data) } as unknown as R;
  const scrubbed: Record<string, unknown> = { ...(r.error as Record<string, unknown>) };
  for (const key of TEXT_FIELDS) if (key in scrubbed) scrubbed[key] = redact.json(scrubbed[key]);
  return { ...r, error: scrubbed } as unknown as R;
};
