/**
 * The one redaction rule of frontkit: what a secret (a Front API token, a webhook secret) is replaced with
 * wherever it would otherwise leave the process, and which strings count as secrets at all.
 *
 * The token itself travels as `Redacted` (see `redact-secret.ts`) and so prints as `<redacted>` by itself;
 * this rule is for text that came from elsewhere and may still quote it — a Front error body, a proxy's page,
 * a response header echoing the Authorization header, a tool result. Every adapter (MCP, Spojit, n8n, the MCP
 * bin) and the request boundary use this module, so there is one mask and one threshold.
 *
 * It imports nothing (entry `@frontkit/tools/redact`): the MCP server formats errors before Effect is loaded.
 */

/** What a secret is replaced with; the same text Effect's `Redacted` prints. */
export const REDACTED = "<redacted>";

/**
 * Shortest string treated as a secret. Front tokens are at least 16 characters (token.ts) and webhook secrets
 * longer; a shorter "secret" is a paste error, and replacing it everywhere would mangle ordinary words.
 */
export const MIN_REDACTED_LENGTH = 8;

/** Deepest nesting redacted (and so passed on): Front's data is a few levels deep; thousands would overflow every JSON walker. */
export const MAX_RESULT_DEPTH = 1_000;

/** A value nested deeper than `MAX_RESULT_DEPTH`: it cannot be redacted, serialised or validated safely. */
export class ResultTooDeep extends Error {
  constructor() {
    super(`the result is nested more than ${MAX_RESULT_DEPTH} levels deep`);
    this.name = "ResultTooDeep";
  }
}

/** The secrets the rule applies to: non-strings and strings shorter than `MIN_REDACTED_LENGTH` are dropped. */
export const liveSecrets = (secrets: ReadonlyArray<unknown>): ReadonlyArray<string> =>
  secrets.filter((s): s is string => typeof s === "string" && s.length >= MIN_REDACTED_LENGTH);

/** Replaces every occurrence of the secrets in a string. */
export const redactText = (text: string, secrets: ReadonlyArray<unknown>): string => {
  let out = text;
  // The rule of liveSecrets, inline: this runs on every response header, so it allocates nothing.
  for (const secret of secrets) {
    if (typeof secret === "string" && secret.length >= MIN_REDACTED_LENGTH && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
};

/**
 * Deep copy of a JSON value with the secrets masked in every string (object keys included); unchanged values
 * are shared. Throws ResultTooDeep past `MAX_RESULT_DEPTH`. A `__proto__` key stays data (an own property), as
 * JSON.parse made it.
 */
export const redactJson = <A>(value: A, secrets: ReadonlyArray<unknown>): A => {
  const live = liveSecrets(secrets);
  if (live.length === 0 && (typeof value !== "object" || value === null)) return value;
  const text = (s: string): string => (live.length === 0 ? s : redactText(s, live));
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === "string") return text(v);
    if (typeof v !== "object" || v === null) return v;
    if (depth > MAX_RESULT_DEPTH) throw new ResultTooDeep();
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const key = text(k);
      // Plain assignment of "__proto__" would set the prototype and drop the key from the result.
      if (key === "__proto__") Object.defineProperty(out, key, { value: walk(x, depth + 1), enumerable: true, writable: true, configurable: true });
      else out[key] = walk(x, depth + 1);
    }
    return out;
  };
  return walk(value, 0) as A;
};

/** Masks a fixed set of secrets in text and JSON values that may quote them. */
export interface Redactor {
  /** The text with every secret replaced by `<redacted>`. */
  readonly text: (text: string) => string;
  /** A deep copy of a JSON value with every secret masked (keys included); see `redactJson`. */
  readonly json: <A>(value: A) => A;
}

/** A redactor for these secrets (plain strings: where a secret is `Redacted`, see `makeRedactor`). */
export const redactorOf = (secrets: ReadonlyArray<unknown>): Redactor => {
  const live = liveSecrets(secrets);
  return {
    text: (text) => redactText(text, live),
    json: (value) => redactJson(value, live),
  };
};
