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
    for (const [key, item] of Object.entries(value)) out[scrub(key, secret) as string] = scrub(item, secret);
    return out;
  }
  return value;
};
