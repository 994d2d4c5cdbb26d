/**
 * Last-line defence for secrets: whatever goes back to an MCP client passes
 * through here, so a token that slipped into an error message or an echoed
 * payload is replaced before it leaves the process.
 */

const MASK = "<redacted>";

// Tokens shorter than this are not masked: replacing "a" everywhere would mangle output
// and a token that short is rejected by Front anyway.
const MIN_SECRET_LENGTH = 8;

/** Replaces every occurrence of the secrets in a string. */
export const redactString = (text: string, secrets: ReadonlyArray<string>): string => {
  let out = text;
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH && out.includes(secret)) out = out.split(secret).join(MASK);
  return out;
};

/** Deepest nesting passed to a client: Front's data is a few levels deep; thousands would overflow every JSON walker. */
export const MAX_RESULT_DEPTH = 1_000;

/** A value nested deeper than `MAX_RESULT_DEPTH`: it cannot be redacted, serialised or validated safely. */
export class ResultTooDeep extends Error {
  constructor() {
    super(`the result is nested more than ${MAX_RESULT_DEPTH} levels deep`);
    this.name = "ResultTooDeep";
  }
}

/**
 * Deep copy of a JSON value with the secrets masked in every string (keys included); unchanged values are shared.
 * Throws ResultTooDeep past `MAX_RESULT_DEPTH`. A `__proto__` key stays data (an own property), as JSON.parse made it.
 */
export const redactJson = <A>(value: A, secrets: ReadonlyArray<string>): A => {
  const live = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH);
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === "string") return live.length === 0 ? v : redactString(v, live);
    if (typeof v !== "object" || v === null) return v;
    if (depth > MAX_RESULT_DEPTH) throw new ResultTooDeep();
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const key = live.length === 0 ? k : redactString(k, live);
      // Plain assignment of "__proto__" would set the prototype and drop the key from the result.
      if (key === "__proto__") Object.defineProperty(out, key, { value: walk(x, depth + 1), enumerable: true, writable: true, configurable: true });
      else out[key] = walk(x, depth + 1);
    }
    return out;
  };
  return walk(value, 0) as A;
};
