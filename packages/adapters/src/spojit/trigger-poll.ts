/**
 * The polling side of the Front triggers: for Spojit deployments Front's webhooks cannot reach,
 * the executor reads Front's events feed on the connection's own client (`pollEvents`, whose
 * cursor, overlap and dedupe are the tools' one home) and this file shapes what it returns into
 * the same trigger events the webhook handler emits.
 */
import type { FrontWebhookDelivery } from "@frontkit/tools";
import { spojitError } from "./error-mapping.js";
import { toJsonSafe } from "./json-safe.js";
import type { SpojitFailure } from "./result.js";
import { resolveTrigger } from "./trigger-configuration.js";
import { keysOf, type SpojitTriggerEvent, toTriggerEvent } from "./trigger-event.js";
import { skipReason, type TriggerConfiguration, type TriggerSpec, typesOf } from "./triggers.js";

/** One poll of a trigger for a connection. */
export interface SpojitPollRequest {
  /** A trigger name of the connector, e.g. `conversation-tagged`. */
  readonly trigger: string;
  /** The trigger's configuration (`kind` is ignored when polling). */
  readonly configuration?: unknown;
  readonly connection: { readonly id: string; readonly token: string; readonly baseUrl?: string | undefined };
  /** The `cursor` of the previous poll; leave it out on the first poll, which starts from now. */
  readonly cursor?: string | undefined;
}

/** A poll that reached Front: the new events, oldest first, and the cursor to store for the next poll. */
export interface SpojitPollSuccess {
  readonly ok: true;
  readonly events: ReadonlyArray<SpojitTriggerEvent>;
  /** Persist it and pass it back as `cursor` next time (also when `events` is empty: it moves on). */
  readonly cursor: string;
  readonly meta: {
    readonly trigger: string;
    /** Events Front returned that the configuration's local filters (tags, teammates) left out. */
    readonly skipped: number;
    readonly durationMs: number;
  };
}

/** What a trigger poll resolves to; it never throws or rejects. */
export type SpojitPollResult = SpojitPollSuccess | SpojitFailure;

/** What the executor needs from a client to poll: the Promise facade's `pollEvents`. */
export type EventPoller = (
  options: { readonly types?: ReadonlyArray<string>; readonly inboxIds?: ReadonlyArray<string>; readonly cursor?: string },
  invokeOptions?: { signal?: AbortSignal },
) => Promise<{ readonly events: ReadonlyArray<unknown>; readonly cursorString: string }>;

/** A checked poll request. */
export type CheckedPoll =
  | { readonly ok: true; readonly spec: TriggerSpec; readonly configuration: TriggerConfiguration; readonly cursor: string | undefined; readonly connection: unknown }
  | SpojitFailure;

// The cursor's string form is short (a time and the ids seen near it); anything huge is not one.
const MAX_CURSOR_CHARS = 64 * 1024;

/** Checks everything but the connection (the executor's job) before any request. */
export const checkPollRequest = (request: unknown): CheckedPoll => {
  if (request === null || typeof request !== "object") {
    return {
      ok: false,
      error: spojitError("INVALID_INPUT", {
        message: "The poll request must be an object { trigger, configuration, connection, cursor }.",
        issues: [{ path: "", message: "Expected an object." }],
      }),
    };
  }
  const { trigger, configuration, connection, cursor } = request as Record<string, unknown>;
  const resolved = resolveTrigger(trigger, configuration);
  if (!resolved.ok) return { ok: false, error: resolved.error };
  if (cursor !== undefined && cursor !== null && (typeof cursor !== "string" || cursor.length === 0 || cursor.length > MAX_CURSOR_CHARS)) {
    return {
      ok: false,
      error: spojitError("INVALID_INPUT", {
        message: "The cursor must be the cursor string of the previous poll, or left out on the first poll.",
        issues: [{ path: "cursor", message: "Expected the previous poll's cursor string." }],
      }),
    };
  }
  return { ok: true, spec: resolved.spec, configuration: resolved.configuration, cursor: typeof cursor === "string" ? cursor : undefined, connection };
};

/** The feed options for a configured trigger: Front filters types and inboxes itself. */
export const feedOptionsFor = (checked: Extract<CheckedPoll, { ok: true }>) => ({
  types: typesOf(checked.spec, checked.configuration),
  ...(checked.configuration.inbox_ids === undefined ? {} : { inboxIds: checked.configuration.inbox_ids }),
  ...(checked.cursor === undefined ? {} : { cursor: checked.cursor }),
});

/**
 * Shapes polled events as trigger events and applies the filters Front cannot (tags, teammates).
 * Core's event helpers read deliveries; a listed event is what a rule webhook with full data
 * delivers, so it is wrapped as one to reuse them rather than re-reading its fields here.
 */
export const toPolledEvents = (
  spec: TriggerSpec,
  configuration: TriggerConfiguration,
  events: ReadonlyArray<unknown>,
): { readonly events: ReadonlyArray<SpojitTriggerEvent>; readonly skipped: number } => {
  const out: SpojitTriggerEvent[] = [];
  let skipped = 0;
  for (const event of events) {
    const delivery = { kind: "rule", preview: false, event } as FrontWebhookDelivery;
    const summary = toTriggerEvent(event, keysOf(delivery), { delivery: "poll", preview: false, authorizationId: null });
    if (summary.id === "" || skipReason(spec, configuration, summary, { inboxesChecked: true }) !== undefined) {
      skipped += 1;
      continue;
    }
    out.push(toJsonSafe(summary) as SpojitTriggerEvent);
  }
  return { events: out, skipped };
};
