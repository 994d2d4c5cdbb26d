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

/** Deep copy of a JSON value with the secrets masked in every string (keys included); unchanged values are shared. */
export const redactJson = <A>(value: A, secrets: ReadonlyArray<string>): A => {
  const live = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH);
  if (live.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redactString(v, live);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === "object" && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[redactString(k, live)] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as A;
};
