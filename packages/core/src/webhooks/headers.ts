import type { IncomingHttpHeaders } from "node:http";

/** Request headers as Node (`req.headers`), the Fetch API (`Headers`) or a plain object with any key case gives them. */
export type WebhookHeaders = IncomingHttpHeaders | Headers | Readonly<Record<string, string | string[] | undefined>>;

/** One header as read for verification: absent, one value, or ambiguous (sent several times, or not text). */
export type HeaderValue =
  | { readonly kind: "absent" }
  | { readonly kind: "one"; readonly value: string }
  | { readonly kind: "several" }
  | { readonly kind: "not_text" };

const ABSENT: HeaderValue = { kind: "absent" };
const SEVERAL: HeaderValue = { kind: "several" };
const NOT_TEXT: HeaderValue = { kind: "not_text" };

// A plain object with more keys than this is not a request's headers (Node itself caps a request at 2000 headers).
const MAX_HEADER_KEYS = 2000;

const isFetchHeaders = (headers: object): headers is Headers =>
  typeof (headers as Headers).get === "function" && typeof (headers as Headers).has === "function";

const fromValue = (value: unknown): HeaderValue => {
  if (value === undefined || value === null) return ABSENT;
  if (typeof value === "string") return { kind: "one", value: value.trim() };
  if (Array.isArray(value)) {
    // One array element is unambiguous; two or more mean the header was sent twice and we cannot know which one
    // Front signed, so the request is refused rather than guessed at.
    if (value.length === 0) return ABSENT;
    if (value.length > 1) return SEVERAL;
    return fromValue(value[0]);
  }
  return NOT_TEXT;
};

/**
 * Reads one header by its lower-case name. Plain objects are searched case-insensitively, and two keys that differ
 * only in case (`X-Front-Signature` and `x-front-signature`) count as the header sent twice.
 */
export const readHeader = (headers: WebhookHeaders, lowerName: string): HeaderValue => {
  if (isFetchHeaders(headers)) {
    // Fetch joins repeated headers with ", "; callers spot that in the value (a signature never holds a comma).
    const value = headers.get(lowerName);
    return value === null ? ABSENT : { kind: "one", value: value.trim() };
  }
  const record = headers as Readonly<Record<string, unknown>>;
  let found: HeaderValue = ABSENT;
  let matches = 0;
  let seen = 0;
  for (const key in record) {
    if (++seen > MAX_HEADER_KEYS) return NOT_TEXT;
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    if (key.length !== lowerName.length || key.toLowerCase() !== lowerName) continue;
    const value = fromValue(record[key]);
    if (value.kind === "absent") continue;
    matches += 1;
    found = value;
  }
  return matches > 1 ? SEVERAL : found;
};
