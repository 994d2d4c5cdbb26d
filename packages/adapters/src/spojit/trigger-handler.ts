/**
 * The webhook side of the Front triggers: Spojit receives Front's POST, hands the raw request to
 * {@link handleSpojitTriggerDelivery}, and starts one workflow run per returned event. The
 * signature check, the envelope and the event helpers are core's (their one home); this file only
 * adds the Spojit shape: configuration, filters and a result value that never throws.
 */
import { verifyFrontWebhook, type WebhookHeaders } from "@frontkit/tools";
import { spojitError } from "./error-mapping.js";
import { toJsonSafe } from "./json-safe.js";
import { MIN_REDACTED_LENGTH } from "@frontkit/tools/redact";
import { redactResult, redactSecret } from "./redact.js";
import type { SpojitFailure } from "./result.js";
import { resolveTrigger } from "./trigger-configuration.js";
import { keysOf, type SpojitTriggerEvent, toTriggerEvent } from "./trigger-event.js";
import { skipReason } from "./triggers.js";

/** One webhook request for a trigger, as Spojit's webhook endpoint received it. */
export interface SpojitTriggerDelivery {
  /** A trigger name of the connector, e.g. `new-inbound-message`. */
  readonly trigger: string;
  /** The trigger's configuration, matching its configurationSchema (`kind` defaults to application). */
  readonly configuration?: unknown;
  /** The application's signing secret (kind application) or the company's API secret (kind rule). */
  readonly secret: string;
  /** The request headers: Node's `req.headers`, a Fetch `Headers`, or a plain object. */
  readonly headers: WebhookHeaders;
  /** The raw request body, exactly as received: Front signs the bytes, so parsed JSON cannot be checked. */
  readonly body: string | Uint8Array;
  /** Current time, unix ms (default: the clock); application webhooks older than about 5 minutes are refused. */
  readonly now?: number;
}

/** A delivery that was Front's: the events that start a workflow (none when filtered out), or a challenge to echo. */
export interface SpojitTriggerSuccess {
  readonly ok: true;
  /** One workflow run per event; empty for the sync request and for events the configuration filters out. */
  readonly events: ReadonlyArray<SpojitTriggerEvent>;
  /** Front's validation request (saving an application webhook): answer 200 echoing it, as JSON `{ "challenge": … }`. */
  readonly challenge?: string;
  /** Why a verified event started nothing (its type, inbox, tag or teammate did not match the configuration). */
  readonly skipped?: string;
}

/** What {@link handleSpojitTriggerDelivery} resolves to; it never throws. */
export type SpojitTriggerResult = SpojitTriggerSuccess | SpojitFailure;

// Front's secrets are long random strings; a few characters is a paste error (and could not be
// scrubbed from results without corrupting them): the redaction rule's own floor.
const MIN_SECRET_LENGTH = MIN_REDACTED_LENGTH;

const invalid = (path: string, message: string, issue: string): SpojitFailure => ({
  ok: false,
  error: spojitError("INVALID_INPUT", { message, issues: [{ path, message: issue }] }),
});

const NOT_SIGNATURE_PROBLEMS: ReadonlySet<string> = new Set(["not_json", "not_front_event", "bad_input"]);

/** Core's reasons are clauses; a Spojit message is sentences. */
const sentence = (reason: string): string => (/[.!?]$/.test(reason) ? reason : `${reason}.`);

const isBody = (value: unknown): value is string | Uint8Array => typeof value === "string" || value instanceof Uint8Array;

const handle = (request: unknown): SpojitTriggerResult => {
  if (request === null || typeof request !== "object") {
    return invalid("", "The trigger delivery must be an object { trigger, configuration, secret, headers, body }.", "Expected an object.");
  }
  const { trigger, configuration, secret, headers, body, now } = request as Record<string, unknown>;
  const resolved = resolveTrigger(trigger, configuration);
  if (!resolved.ok) return { ok: false, error: resolved.error };
  const { spec, configuration: config } = resolved;
  const kind = config.kind ?? "application";
  if (typeof secret !== "string" || secret.trim().length < MIN_SECRET_LENGTH) {
    const which = kind === "application" ? "the signing secret of the Front app that owns the webhook" : "the company's API secret from Front's developer settings";
    return invalid("secret", `The webhook secret is missing or too short; pass ${which}.`, `Expected the whole secret, at least ${MIN_SECRET_LENGTH} characters.`);
  }
  if (headers === null || typeof headers !== "object") {
    return invalid("headers", "The request headers are missing; pass them as received (req.headers or a Headers object).", "Expected an object.");
  }
  if (!isBody(body)) {
    return invalid(
      "body",
      "The request body must be the raw body (a string or bytes) exactly as received: Front signs those bytes, so parsed JSON cannot be verified.",
      "Expected a string or a Uint8Array.",
    );
  }
  if (now !== undefined && (typeof now !== "number" || !Number.isFinite(now))) {
    return invalid("now", "now must be unix milliseconds (a finite number), or left out to use the clock.", "Expected a finite number.");
  }

  const verified = verifyFrontWebhook({ kind, secret, headers: headers as WebhookHeaders, body, ...(now === undefined ? {} : { now }) });
  if (!verified.valid) {
    // A signed body Front could not have meant (not JSON, not an event) is bad input, not a forgery.
    if (NOT_SIGNATURE_PROBLEMS.has(verified.code)) {
      return { ok: false, error: spojitError("INVALID_INPUT", { message: `Refused a ${kind} webhook request: ${sentence(verified.reason)}`, details: [verified.code] }) };
    }
    return {
      ok: false,
      error: spojitError("INVALID_SIGNATURE", {
        message: `Refused a ${kind} webhook request: ${sentence(verified.reason)} If Front sent it, check the trigger's kind and secret: ${kind === "application" ? "an application webhook is signed with the app's signing secret" : "a rule webhook is signed with the company's API secret"}.`,
        details: [verified.code],
      }),
    };
  }
  const delivery = verified.event;
  if (delivery.kind === "application" && delivery.type === "sync") {
    return { ok: true, events: [], ...(verified.challenge === undefined ? {} : { challenge: verified.challenge }) };
  }
  const summary = toTriggerEvent(delivery.event, keysOf(delivery), {
    delivery: delivery.kind,
    preview: delivery.kind === "rule" && delivery.preview,
    authorizationId: delivery.kind === "application" ? delivery.authorizationId : null,
  });
  const skipped = skipReason(spec, config, summary);
  if (skipped !== undefined) return { ok: true, events: [], skipped };
  return { ok: true, events: [toJsonSafe(summary) as SpojitTriggerEvent] };
};

/** Scrubs the secret from everything a result carries back (defence in depth: nothing should echo it). */
const redact = (result: SpojitTriggerResult, secret: unknown): SpojitTriggerResult => {
  if (typeof secret !== "string") return result;
  if (!result.ok) return redactResult(result, secret);
  return redactSecret(result, secret);
};

/**
 * Checks one Front webhook request for a Spojit trigger and returns the workflow events it
 * carries. Never throws, whatever it is given: a bad signature is INVALID_SIGNATURE, bad input
 * INVALID_INPUT (with issues), an unknown trigger UNKNOWN_TRIGGER; the secret never appears in
 * the result. Deduplicate runs on `events[].id`: Front retries a delivery it saw fail.
 */
export const handleSpojitTriggerDelivery = (request: SpojitTriggerDelivery): SpojitTriggerResult => {
  try {
    return redact(handle(request), (request as { secret?: unknown } | null)?.secret);
  } catch {
    // Last line of defence: a bug must become a result, never an exception in Spojit's endpoint.
    return { ok: false, error: spojitError("INTERNAL") };
  }
};
