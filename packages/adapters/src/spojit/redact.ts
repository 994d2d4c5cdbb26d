import { defineKey } from "./json-safe.js";

/** What a secret is replaced with wherever it would otherwise appear. */
export const REDACTED = "<redacted>";

/**
 * Replaces every occurrence of `secret` inside the strings (and object keys) of a JSON value.
 * Defence in depth: the tools layer already keeps the token out of errors, but a Front error
 * body, a proxy's HTML page or a stack message could still echo the Authorization header,
 * and the executor's result must never carry the token.
 */
export const redactSecret = <T>(value: T, secret: string): T => {
  if (secret.length === 0) return value;
  return scrub(value, secret) as T;
};

const scrub = (value: unknown, secret: string): unknown => {
  if (typeof value === "string") return value.includes(secret) ? value.split(secret).join(REDACTED) : value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, secret));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) defineKey(out, scrub(key, secret) as string, scrub(item, secret));
    return out;
  }
  return value;
};

/** Shorter strings are not plausible tokens, and scrubbing them would corrupt ordinary text. */
const MIN_SCRUBBED_LENGTH = 8;

/**
 * Scrubs a token from an executor result: the data, and the free-text fields of an error. The
 * stable fields (`ok`, `code`, `retryable`, numbers, the tool name) are never touched, so a
 * result stays machine-readable whatever the token looks like.
 */
export const redactResult = <R extends { readonly ok: boolean }>(result: R, token: string): R => {
  if (token.length < MIN_SCRUBBED_LENGTH) return result;
  const r = result as unknown as Record<string, unknown>;
  if (r.ok === true) return { ...r, data: redactSecret(r.data, token) } as unknown as R;
  const error = r.error as Record<string, unknown>;
  const scrubbed: Record<string, unknown> = { ...error };
  for (const key of ["message", "details", "issues", "title", "suggestions", "requestId"]) {
    if (key in scrubbed) scrubbed[key] = redactSecret(scrubbed[key], token);
  }
  return { ...r, error: scrubbed } as unknown as R;
};
