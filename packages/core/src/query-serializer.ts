// Front reads nested query objects (its `q` search object) in bracket notation, arrays as empty brackets:
// `q[statuses][]=assigned&q[statuses][]=archived&q[updated_after]=1700000000`. That is the form Front's API
// reference shows (`q[statuses][]=…`, `q[types][]=…`); its query-object guide shows plain repeated keys
// (`q[statuses]=a&q[statuses]=b`), and the indexed form (`[0]`) appears in neither. `[]` keeps a one-value
// list a list for bracket-style parsers, where a lone `q[statuses]=a` reads as a string. openapi-fetch's
// deepObject style cannot express arrays inside objects (OpenAPI 3.0 leaves that undefined), so frontkit
// serializes queries itself. Top-level arrays stay repeated keys (`inbox_ids=a&inbox_ids=b`), the OpenAPI
// `form`/`explode` default the spec declares for them.

type Pair = readonly [key: string, value: string];

const encodeKey = (key: string): string => encodeURIComponent(key).replace(/%5B/gi, "[").replace(/%5D/gi, "]");

const scalar = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  // Front's timestamps in `q` are unix seconds; a Date is the natural thing to pass.
  if (value instanceof Date) return String(Math.floor(value.getTime() / 1000));
  return undefined;
};

const nested = (prefix: string, value: unknown, out: Pair[]): void => {
  const s = scalar(value);
  if (s !== undefined) {
    out.push([prefix, s]);
    return;
  }
  if (Array.isArray(value)) {
    // Only lists of plain values are `[]`: a list of objects needs its index to keep each one's fields together
    // (no Front `q` has one; the index keeps such data intact rather than guessing).
    value.forEach((item, i) => nested(scalar(item) !== undefined ? `${prefix}[]` : `${prefix}[${i}]`, item, out));
    return;
  }
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) nested(`${prefix}[${k}]`, v, out);
  }
};

/** Flattens a query object into key/value pairs the way Front expects them (see module comment). */
export const frontQueryPairs = (query: Record<string, unknown> | undefined): Pair[] => {
  const out: Pair[] = [];
  if (!query) return out;
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      for (const item of value) {
        const s = scalar(item);
        if (s !== undefined) out.push([name, s]);
      }
      continue;
    }
    nested(name, value, out);
  }
  return out;
};

/** Serializes a query object Front's way: `q[statuses][]=assigned`, repeated keys for top-level arrays. */
export const frontQuerySerializer = (query: Record<string, unknown> | undefined): string =>
  frontQueryPairs(query)
    .map(([k, v]) => `${encodeKey(k)}=${encodeURIComponent(v)}`)
    .join("&");
