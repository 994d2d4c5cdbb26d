/**
 * Webhook mode: Front POSTs an event, the node checks its signature over the raw body,
 * answers Front's `sync` challenge, filters, drops repeats and starts one run per event.
 * It never throws at Front: every refusal is an HTTP answer without a run.
 */
import type { IncomingHttpHeaders } from "node:http";
import { eventIdOf, FRONT_EVENT_TYPES, frontChallengeAnswer, verifyFrontWebhook, type WebhookKind, type WebhookRefusal } from "@frontkit/tools";
import type { IDataObject, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from "n8n-workflow";
import { NodeOperationError } from "n8n-workflow";
import { redactText } from "@frontkit/tools/redact";
import { FRONT_WEBHOOK_CREDENTIAL_NAME, webhookSecretOf } from "./trigger-credentials.js";
import { rememberEvent } from "./trigger-dedupe.js";
import { TRIGGER_PARAM } from "./trigger-description.js";
import { type EventFilter, FilterValueError, matchesFilter, parseEventTypes, parseInboxIds } from "./trigger-filter.js";
import { eventItem } from "./trigger-items.js";

/** The parts of n8n's request (an Express request after n8n's body reader) the node uses. */
interface WebhookRequest {
  readonly headers: IncomingHttpHeaders;
  rawBody?: unknown;
  readRawBody?: () => Promise<void>;
}

/** The parts of n8n's response the node writes; plain Node methods, so any ServerResponse works. */
interface WebhookResponse {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body: string): unknown;
}

/** Refusals of a request whose signature is not the problem. */
const MALFORMED: ReadonlySet<WebhookRefusal> = new Set(["not_json", "not_front_event", "bad_input"]);

const NO_RUN: IWebhookResponseData = { noWebhookResponse: true };

const answer = (res: WebhookResponse, status: number, body: IDataObject | string): IWebhookResponseData => {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
  });
  res.end(text);
  return NO_RUN;
};

/**
 * The exact bytes Front signed. n8n reads them into `rawBody` before a trigger node runs for
 * JSON bodies; `readRawBody` is its reader for a body it has not read yet.
 */
const rawBodyOf = async (req: WebhookRequest): Promise<Buffer | undefined> => {
  if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === "function") await req.readRawBody();
  return Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined;
};

const kindOf = (value: unknown): WebhookKind => (value === "rule" ? "rule" : "application");

/** The filter of the node's parameters (throws FilterValueError naming a wrong value). */
const filterOf = (ctx: IWebhookFunctions | IHookFunctions): EventFilter => ({
  types: parseEventTypes(ctx.getNodeParameter(TRIGGER_PARAM.events, []), FRONT_EVENT_TYPES),
  inboxIds: parseInboxIds(ctx.getNodeParameter(TRIGGER_PARAM.inboxIds, "")),
});

/** Handles one delivery (the node's `webhook()`). */
export async function receiveFrontWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
  const res = this.getResponseObject() as unknown as WebhookResponse;
  if (this.getNodeParameter(TRIGGER_PARAM.mode, "webhook") === "polling") {
    return answer(res, 404, { error: "This Front Trigger polls Front; it takes no webhook deliveries." });
  }
  const kind = kindOf(this.getNodeParameter(TRIGGER_PARAM.kind, "application"));
  let secret = "";
  try {
    secret = webhookSecretOf(await this.getCredentials(FRONT_WEBHOOK_CREDENTIAL_NAME));
  } catch {
    // Reported to the n8n user at activation (checkExists/create); Front only learns it is not set up.
  }
  if (secret === "") {
    return answer(res, 500, { error: "This Front Trigger has no signing secret set up in n8n." });
  }
  const req = this.getRequestObject() as unknown as WebhookRequest;
  const body = await rawBodyOf(req);
  if (body === undefined) {
    return answer(res, 400, { error: "The request has no body to check the signature of." });
  }
  const verified = verifyFrontWebhook({ kind, secret, headers: req.headers, body });
  if (!verified.valid) {
    // The reason says what to check and never holds the secret (scrubbed anyway: the caller may not be Front).
    // A genuine signature over a body that is no Front webhook is a bad request, not an unauthorised one.
    const status = MALFORMED.has(verified.code) ? 400 : 401;
    return answer(res, status, { error: redactText(verified.reason, [secret]), code: verified.code });
  }
  if (verified.challenge !== undefined) {
    // Saving an application webhook in Front sends a signed `sync`; echoing its challenge validates the URL.
    const challenge = frontChallengeAnswer(verified.challenge);
    res.writeHead(challenge.status, { "content-type": challenge.contentType });
    res.end(challenge.body);
    return NO_RUN;
  }
  // Read after the signature check, so only Front learns about a set-up problem.
  let filter: EventFilter;
  try {
    filter = filterOf(this);
  } catch (error) {
    return answer(res, 500, { error: error instanceof FilterValueError ? error.message : "This Front Trigger's filter is not valid." });
  }
  const delivery = verified.event;
  if (delivery.event === undefined) {
    return answer(res, 200, { received: true, started: false, reason: "no event in this delivery" });
  }
  if (!matchesFilter(delivery, filter)) {
    return answer(res, 200, { received: true, started: false, reason: "filtered out by the trigger's event types or inboxes" });
  }
  const id = eventIdOf(delivery);
  if (id !== undefined && !rememberEvent(this.getWorkflowStaticData("node"), id, Date.now())) {
    return answer(res, 200, { received: true, started: false, reason: "duplicate delivery of an event already received" });
  }
  const item =
    delivery.kind === "application"
      ? eventItem(delivery.event, { kind: "application", deliveryType: "full", authorizationId: delivery.authorizationId })
      : eventItem(delivery.event, { kind: "rule", deliveryType: delivery.preview ? "preview" : "full" });
  return { workflowData: [[item]] };
}

/**
 * The node's webhookMethods. Front has no API to register a webhook: the user pastes the URL
 * into Front. Activation still checks the set-up, so a missing secret or a wrong filter fails
 * there, in front of the user, instead of on Front's first delivery.
 */
export const frontWebhookMethods = {
  default: {
    async checkExists(this: IHookFunctions): Promise<boolean> {
      return false;
    },
    async create(this: IHookFunctions): Promise<boolean> {
      const credentials = await this.getCredentials(FRONT_WEBHOOK_CREDENTIAL_NAME);
      if (webhookSecretOf(credentials) === "") {
        throw new NodeOperationError(this.getNode(), "The Front Webhook credential has no signing secret.", {
          description: "Set the app's signing key (application webhook) or the company's API secret (rule webhook) in the credential.",
        });
      }
      try {
        filterOf(this);
      } catch (error) {
        if (error instanceof FilterValueError) throw new NodeOperationError(this.getNode(), error.message);
        throw error;
      }
      return true;
    },
    async delete(this: IHookFunctions): Promise<boolean> {
      return true;
    },
  },
};
