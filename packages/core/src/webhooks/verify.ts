// Verifies that a webhook request came from Front, over the raw bytes exactly as received (re-serialised JSON
// differs in whitespace and key order, and its signature would not match). Never throws: every problem is a
// refusal whose reason says what to check. Reasons never contain the secret or the signature value.
import { createHmac, timingSafeEqual } from "node:crypto";
import { decodeFrontWebhookBody, type FrontWebhookDelivery } from "./events.js";
import { readHeader, type HeaderValue, type WebhookHeaders } from "./headers.js";
import { WEBHOOK_KINDS, type WebhookKind } from "./kind.js";

/** Why a request was refused. */
export type WebhookRefusal =
  | "missing_signature"
  | "malformed_signature"
  | "bad_signature"
  | "missing_timestamp"
  | "malformed_timestamp"
  | "stale_timestamp"
  | "not_json"
  | "not_front_event"
  | "bad_input";

/** What {@link verifyFrontWebhook} needs: the kind, the secret, and the request's headers and raw body. */
export interface VerifyFrontWebhookInput {
  /** Explicit, never guessed from headers: a request must not choose the scheme it is checked with. */
  readonly kind: WebhookKind;
  /** The app's signing secret (`application`) or the company API secret (`rule`). */
  readonly secret: string;
  readonly headers: WebhookHeaders;
  /** The body exactly as received: bytes, or the string they decode to. */
  readonly body: Uint8Array | string;
  /** Unix milliseconds; defaults to `Date.now()`. */
  readonly now?: number;
  /** Largest accepted distance between `x-front-request-timestamp` and `now` (application only); default 5 minutes. */
  readonly toleranceMs?: number;
  /** Largest body accepted; default 8 MiB. */
  readonly maxBodyBytes?: number;
}

/** The outcome: a verified delivery (and, for Front's `sync` request, the challenge to echo), or a refusal. */
export type WebhookVerification =
  | { readonly valid: true; readonly kind: WebhookKind; readonly event: FrontWebhookDelivery; readonly challenge?: string }
  | { readonly valid: false; readonly kind: WebhookKind; readonly reason: string; readonly code: WebhookRefusal };

/** Default replay window for application webhooks (Front recommends 5 minutes). */
export const DEFAULT_WEBHOOK_TOLERANCE_MS = 300_000;
/** Default largest body {@link verifyFrontWebhook} accepts. */
export const DEFAULT_VERIFY_MAX_BODY_BYTES = 8 * 1024 * 1024;

export const SIGNATURE_HEADER = "x-front-signature";
export const TIMESTAMP_HEADER = "x-front-request-timestamp";
export const CHALLENGE_HEADER = "x-front-challenge";

// base64 of a 32-byte (SHA-256) digest is 44 characters, of a 20-byte (SHA-1) one 28; anything far longer is noise.
const MAX_SIGNATURE_CHARS = 128;
// Unix milliseconds have 13 digits until the year 2286.
const MAX_TIMESTAMP_DIGITS = 16;
// Below this a "millisecond" timestamp is before 1973: almost certainly seconds.
const SECONDS_NOT_MILLIS_BELOW = 100_000_000_000;
const MAX_CHALLENGE_CHARS = 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const DIGITS = /^\d+$/;

interface Scheme {
  readonly algorithm: "sha256" | "sha1";
  readonly digestBytes: number;
  readonly label: string;
}

const SCHEMES: Readonly<Record<WebhookKind, Scheme>> = {
  application: { algorithm: "sha256", digestBytes: 32, label: "HMAC-SHA256" },
  rule: { algorithm: "sha1", digestBytes: 20, label: "HMAC-SHA1" },
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

type Refused = Extract<WebhookVerification, { valid: false }>;

const refuse = (kind: WebhookKind, code: WebhookRefusal, reason: string): Refused => ({ valid: false, kind, code, reason });

const seconds = (ms: number): string => `${Math.round(ms / 1000)} s`;

// Strict: the canonical alphabet and padding only, so two spellings of one digest cannot both pass.
const decodeBase64 = (text: string): Buffer | undefined => {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? bytes : undefined;
};

const signatureProblem = (header: HeaderValue, kind: WebhookKind): Refused | string => {
  if (header.kind === "absent") {
    return refuse(kind, "missing_signature", `${SIGNATURE_HEADER} header is missing: Front signs every webhook request; check that the request comes from Front and that any proxy forwards x-front-* headers`);
  }
  if (header.kind === "several") {
    return refuse(kind, "malformed_signature", `${SIGNATURE_HEADER} was sent more than once: the request is ambiguous and refused`);
  }
  if (header.kind === "not_text" || header.value.length === 0) {
    return refuse(kind, "malformed_signature", `${SIGNATURE_HEADER} is empty or not text`);
  }
  return header.value;
};

const validateInput = (input: VerifyFrontWebhookInput): Refused | undefined => {
  const kind = input.kind;
  if (typeof input.secret !== "string" || input.secret.length === 0) {
    return refuse(kind, "bad_input", `secret must be a non-empty string: the app's signing secret for application webhooks, the API secret for rule webhooks`);
  }
  if (input.headers === null || typeof input.headers !== "object") {
    return refuse(kind, "bad_input", "headers must be the request's headers (Node's req.headers, a Fetch Headers, or a plain object)");
  }
  const body: unknown = input.body;
  if (typeof body !== "string" && !(body instanceof Uint8Array)) {
    return refuse(kind, "bad_input", "body must be the raw request body (a Buffer/Uint8Array or string), not parsed JSON: mount the verifier before any body parser");
  }
  const max = input.maxBodyBytes ?? DEFAULT_VERIFY_MAX_BODY_BYTES;
  if (!Number.isFinite(max) || max <= 0) return refuse(kind, "bad_input", "maxBodyBytes must be a positive number");
  const size = typeof body === "string" ? Buffer.byteLength(body, "utf8") : body.byteLength;
  if (size > max) return refuse(kind, "bad_input", `the body has ${size} bytes, more than maxBodyBytes (${max})`);
  if (input.now !== undefined && !Number.isFinite(input.now)) return refuse(kind, "bad_input", "now must be unix milliseconds");
  const tolerance = input.toleranceMs;
  if (tolerance !== undefined && (!Number.isFinite(tolerance) || tolerance < 0)) {
    return refuse(kind, "bad_input", "toleranceMs must be a number of milliseconds ≥ 0");
  }
  return undefined;
};

// The other scheme's digest length in a well-formed header almost always means the wrong kind was configured.
const wrongKindHint = (kind: WebhookKind, bytes: number): string | undefined => {
  const other: WebhookKind = kind === "application" ? "rule" : "application";
  if (bytes !== SCHEMES[other].digestBytes) return undefined;
  const secret = other === "rule" ? "the company API secret" : "the app's signing secret";
  return `${SIGNATURE_HEADER} is a ${SCHEMES[other].label} signature, as ${other} webhooks send, but this endpoint verifies ${kind} webhooks: configure kind "${other}" with ${secret}`;
};

const checkSignature = (input: VerifyFrontWebhookInput, kind: WebhookKind, signature: string, timestamp: string | undefined): Refused | undefined => {
  const scheme = SCHEMES[kind];
  if (signature.length > MAX_SIGNATURE_CHARS) {
    return refuse(kind, "malformed_signature", `${SIGNATURE_HEADER} is ${signature.length} characters long; a base64 ${scheme.label} digest has ${Math.ceil(scheme.digestBytes / 3) * 4}`);
  }
  const provided = decodeBase64(signature);
  if (provided === undefined) {
    const several = signature.includes(",") ? " (it holds a comma: the header was probably sent more than once)" : "";
    return refuse(kind, "malformed_signature", `${SIGNATURE_HEADER} is not base64${several}; Front sends a base64 ${scheme.label} digest`);
  }
  if (provided.length !== scheme.digestBytes) {
    const hint = wrongKindHint(kind, provided.length);
    if (hint !== undefined) return refuse(kind, "bad_signature", hint);
    return refuse(kind, "malformed_signature", `${SIGNATURE_HEADER} decodes to ${provided.length} bytes; a ${scheme.label} digest has ${scheme.digestBytes}`);
  }
  const hmac = createHmac(scheme.algorithm, input.secret);
  if (timestamp !== undefined) hmac.update(`${timestamp}:`, "utf8");
  if (typeof input.body === "string") hmac.update(input.body, "utf8");
  else hmac.update(input.body);
  if (!timingSafeEqual(hmac.digest(), provided)) {
    const secret = kind === "application" ? "the app's signing secret" : "the company API secret";
    return refuse(kind, "bad_signature", `${SIGNATURE_HEADER} does not match the body: check that the secret is ${secret} and that the body is passed exactly as received (raw bytes, before any JSON parser or re-encoding)`);
  }
  return undefined;
};

const readTimestamp = (input: VerifyFrontWebhookInput, kind: WebhookKind): Refused | string => {
  const header = readHeader(input.headers, TIMESTAMP_HEADER);
  if (header.kind === "absent") {
    return refuse(kind, "missing_timestamp", `${TIMESTAMP_HEADER} header is missing: application webhooks always carry it (a rule webhook does not: if this endpoint receives rule webhooks, configure kind "rule")`);
  }
  if (header.kind === "several") return refuse(kind, "malformed_timestamp", `${TIMESTAMP_HEADER} was sent more than once: the request is ambiguous and refused`);
  if (header.kind === "not_text" || !DIGITS.test(header.value) || header.value.length > MAX_TIMESTAMP_DIGITS) {
    return refuse(kind, "malformed_timestamp", `${TIMESTAMP_HEADER} must be unix milliseconds (digits only)`);
  }
  return header.value;
};

const checkFreshness = (input: VerifyFrontWebhookInput, kind: WebhookKind, timestamp: string): Refused | undefined => {
  const sent = Number(timestamp);
  const now = input.now ?? Date.now();
  const tolerance = input.toleranceMs ?? DEFAULT_WEBHOOK_TOLERANCE_MS;
  const age = now - sent;
  if (Math.abs(age) <= tolerance) return undefined;
  if (sent < SECONDS_NOT_MILLIS_BELOW) {
    return refuse(kind, "stale_timestamp", `${TIMESTAMP_HEADER} (${timestamp}) looks like unix seconds; Front sends milliseconds: check the sender`);
  }
  const when = age > 0 ? `${seconds(age)} old` : `${seconds(-age)} in the future`;
  return refuse(kind, "stale_timestamp", `${TIMESTAMP_HEADER} is ${when} (tolerance ${seconds(tolerance)}): check the server clock or replay`);
};

const parseBody = (kind: WebhookKind, body: Uint8Array | string): Refused | { readonly json: unknown } => {
  try {
    const text = typeof body === "string" ? body : utf8.decode(body);
    return { json: JSON.parse(text) as unknown };
  } catch {
    // JSON.parse's message quotes the body; the body can hold customer data, so it is not repeated here.
    return refuse(kind, "not_json", "the body is correctly signed but is not JSON (UTF-8): Front sends JSON event bodies");
  }
};

const readChallenge = (input: VerifyFrontWebhookInput, kind: WebhookKind): Refused | string | undefined => {
  const header = readHeader(input.headers, CHALLENGE_HEADER);
  if (header.kind === "absent") return undefined;
  if (header.kind !== "one" || header.value.length === 0 || header.value.length > MAX_CHALLENGE_CHARS) {
    return refuse(kind, "bad_input", `${CHALLENGE_HEADER} must be one non-empty value of at most ${MAX_CHALLENGE_CHARS} characters`);
  }
  return header.value;
};

const verify = (input: VerifyFrontWebhookInput): WebhookVerification => {
  if (input === null || typeof input !== "object") return refuse("application", "bad_input", "verifyFrontWebhook takes { kind, secret, headers, body }");
  const kind = input.kind;
  // A kind that is neither is a configuration error; the result still needs a kind, and "application" is the
  // stricter scheme, so a caller that ignores `valid` is not pointed at the weaker one.
  if (!WEBHOOK_KINDS.includes(kind)) return refuse("application", "bad_input", `kind must be "application" or "rule" (it decides the signing scheme; it is never guessed from the request)`);
  const invalid = validateInput(input);
  if (invalid !== undefined) return invalid;

  const signature = signatureProblem(readHeader(input.headers, SIGNATURE_HEADER), kind);
  if (typeof signature !== "string") return signature;
  let timestamp: string | undefined;
  if (kind === "application") {
    const read = readTimestamp(input, kind);
    if (typeof read !== "string") return read;
    timestamp = read;
  }
  const badSignature = checkSignature(input, kind, signature, timestamp);
  if (badSignature !== undefined) return badSignature;
  // Freshness after authenticity: "stale" then means a genuine Front request that is old (clock skew or a replay).
  if (timestamp !== undefined) {
    const stale = checkFreshness(input, kind, timestamp);
    if (stale !== undefined) return stale;
  }

  const parsed = parseBody(kind, input.body);
  if (!("json" in parsed)) return parsed;
  const delivery = decodeFrontWebhookBody(kind, parsed.json);
  if ("error" in delivery) {
    return refuse(kind, "not_front_event", `the body is correctly signed but is not a Front ${kind} webhook: ${delivery.error}`);
  }
  if (delivery.kind === "application" && delivery.type === "sync") {
    const challenge = readChallenge(input, kind);
    if (typeof challenge === "object") return challenge;
    return challenge === undefined ? { valid: true, kind, event: delivery } : { valid: true, kind, event: delivery, challenge };
  }
  return { valid: true, kind, event: delivery };
};

/**
 * Checks a Front webhook request: the signature over the raw body (application: base64 HMAC-SHA256 of
 * `${x-front-request-timestamp}:${body}` with the app's signing secret, timestamp within `toleranceMs`; rule:
 * base64 HMAC-SHA1 of the body with the API secret), then decodes the body. Never throws.
 */
export const verifyFrontWebhook = (input: VerifyFrontWebhookInput): WebhookVerification => {
  try {
    return verify(input);
  } catch {
    // Only hostile inputs get here (getters that throw, proxies); the secret may be in scope, so no error text.
    let kind: WebhookKind = "application";
    try {
      if (input.kind === "rule") kind = "rule";
    } catch {
      // `kind` itself threw: keep the stricter default.
    }
    return refuse(kind, "bad_input", "the input could not be read (a header, body or option threw when accessed)");
  }
};
