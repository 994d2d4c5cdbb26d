// A request handler that verifies Front webhooks and hands each event to the caller once. It answers Front
// before the handler runs (see "acknowledgement" below) and nothing the handler or the dedupe store does can
// fail the answer or crash the process.
import type { IncomingMessage, ServerResponse } from "node:http";
import { FrontInputError } from "../errors/front-input-error.js";
import { createMemoryDedupeStore, type DedupeStore } from "./dedupe.js";
import { eventIdOf, type FrontWebhookDelivery } from "./events.js";
import { frontChallengeAnswer } from "./challenge.js";
import { WEBHOOK_KINDS, type WebhookKind } from "./kind.js";
import { verifyFrontWebhook, type WebhookRefusal } from "./verify.js";

/** Refusals the receiver adds to {@link WebhookRefusal}: wrong method, body too large, too slow or unreadable. */
export type ReceiverRefusal = WebhookRefusal | "method_not_allowed" | "payload_too_large" | "body_timeout" | "body_unavailable";

/** Options of {@link createFrontWebhookReceiver}. */
export interface FrontWebhookReceiverOptions {
  readonly kind: WebhookKind;
  /** The app's signing secret (`application`) or the company API secret (`rule`). */
  readonly secret: string;
  /** Called once per verified delivery (including Front's `sync` request), after Front got its answer. */
  readonly onEvent: (delivery: FrontWebhookDelivery) => void | Promise<void>;
  /** Largest body read; larger answers 413. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Replay window for application webhooks; default 5 minutes. */
  readonly toleranceMs?: number;
  /** Deliveries of an event id already seen within this window answer 200 without calling `onEvent`. Default 10 minutes; 0 turns it off. */
  readonly dedupeWindowMs?: number;
  /** Where seen event ids are kept; default an in-memory store bounded in size (per process). */
  readonly dedupeStore?: DedupeStore;
  /** Handler and dedupe-store failures; default one `console.error` line. */
  readonly onError?: (error: unknown, context: { readonly stage: "handler" | "dedupe"; readonly eventId?: string }) => void;
  /** Every refused request, with the status it was answered with. */
  readonly onRefused?: (refusal: { readonly code: ReceiverRefusal; readonly reason: string; readonly status: number }) => void;
  /** Longest wait for the whole body; a slower client gets 408. Default 10 s. */
  readonly bodyTimeoutMs?: number;
  /** Clock in unix milliseconds; default `Date.now`. */
  readonly now?: () => number;
}

/** A Node request handler; also an Express/Connect middleware (it answers every request itself and never calls `next`). */
export type FrontWebhookRequestHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/** Default largest webhook body the receiver reads. */
export const DEFAULT_RECEIVER_MAX_BODY_BYTES = 1024 * 1024;
/** Default window in which a repeated event id is dropped. */
export const DEFAULT_DEDUPE_WINDOW_MS = 10 * 60 * 1000;
/** Default bound on reading the body. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

// After refusing an oversized body the rest is read and dropped (so the client sees the 413 instead of a reset)
// up to this many bytes (at least 4 × maxBodyBytes); past that the connection is cut.
const MIN_DISCARD_BYTES = 8 * 1024 * 1024;
const DISCARD_LIMIT_FACTOR = 4;
const MAX_LOGGED_CHARS = 300;

type BodyRead = { readonly ok: true; readonly body: Uint8Array | string } | { readonly ok: false; readonly status: number; readonly code: ReceiverRefusal; readonly reason: string };

const noop = (): void => {};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !(value instanceof Uint8Array) && !Array.isArray(value);

const validateOptions = (o: FrontWebhookReceiverOptions): void => {
  if (o === null || typeof o !== "object") throw new FrontInputError("options", "createFrontWebhookReceiver takes { kind, secret, onEvent }");
  if (!WEBHOOK_KINDS.includes(o.kind)) throw new FrontInputError("kind", `kind must be "application" (an app's webhook) or "rule" (a rule's webhook action)`);
  if (typeof o.secret !== "string" || o.secret.length === 0) {
    throw new FrontInputError("secret", "secret must be a non-empty string: the app's signing secret for application webhooks, the API secret for rule webhooks");
  }
  if (typeof o.onEvent !== "function") throw new FrontInputError("onEvent", "onEvent must be a function receiving each verified delivery");
  const positive = (field: keyof FrontWebhookReceiverOptions, value: number | undefined, allowZero: boolean): void => {
    if (value === undefined) return;
    if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
      throw new FrontInputError(field, `${field} must be a number ${allowZero ? "≥ 0" : "> 0"} (milliseconds or bytes)`);
    }
  };
  positive("maxBodyBytes", o.maxBodyBytes, false);
  positive("toleranceMs", o.toleranceMs, true);
  positive("dedupeWindowMs", o.dedupeWindowMs, true);
  positive("bodyTimeoutMs", o.bodyTimeoutMs, false);
  if (o.dedupeStore !== undefined && typeof o.dedupeStore?.firstSeen !== "function") {
    throw new FrontInputError("dedupeStore", "dedupeStore must have a firstSeen(key, ttlMs) method");
  }
  for (const field of ["onError", "onRefused", "now"] as const) {
    if (o[field] !== undefined && typeof o[field] !== "function") throw new FrontInputError(field, `${field} must be a function`);
  }
};

const describeError = (error: unknown, secret: string): string => {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // A handler's own error text may quote its configuration; the webhook secret never reaches the log.
  const scrubbed = text.split(secret).join("<redacted>");
  return scrubbed.length > MAX_LOGGED_CHARS ? `${scrubbed.slice(0, MAX_LOGGED_CHARS)}…` : scrubbed;
};

const JSON_TYPE = "application/json; charset=utf-8";

const send = (res: ServerResponse, status: number, body: string, close = false): void => {
  if (res.headersSent || res.writableEnded) return;
  const length = Buffer.byteLength(body);
  // One writeHead (it keeps headers set earlier, like `allow`): cheaper than a setHeader per header.
  res.writeHead(status, close ? { "content-type": JSON_TYPE, "content-length": length, connection: "close" } : { "content-type": JSON_TYPE, "content-length": length });
  res.end(body);
};

// A framework that already read the body: use its raw bytes, refuse parsed JSON (its signature cannot be checked).
const preReadBody = (req: IncomingMessage, maxBytes: number): BodyRead | undefined => {
  const body = (req as IncomingMessage & { body?: unknown }).body;
  if (typeof body === "string" || body instanceof Uint8Array) {
    const size = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
    if (size > maxBytes) return { ok: false, status: 413, code: "payload_too_large", reason: `the body has ${size} bytes, more than maxBodyBytes (${maxBytes})` };
    return { ok: true, body };
  }
  // body-parser 1.x leaves `{}` (and no `_body` flag) when it skipped the request: the stream is still unread.
  const skipped = isPlainObject(body) && Object.keys(body).length === 0 && (req as IncomingMessage & { _body?: unknown })._body !== true;
  if (body !== undefined && body !== null && !skipped) {
    return {
      ok: false,
      status: 500,
      code: "body_unavailable",
      reason: "the request body was already parsed by another middleware: verification needs the raw bytes; mount the Front webhook receiver before body parsers, or give it the raw body (express.raw({ type: \"*/*\" }))",
    };
  }
  if (req.readableEnded) {
    return { ok: false, status: 500, code: "body_unavailable", reason: "the request body was already consumed by another middleware: mount the Front webhook receiver before it" };
  }
  return undefined;
};

// Callback style: one read per request, no promise or microtask on the hot path.
const readStream = (req: IncomingMessage, res: ServerResponse, maxBytes: number, timeoutMs: number, resolve: (read: BodyRead) => void): void => {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discard(req, res, maxBytes, timeoutMs);
    resolve({ ok: false, status: 413, code: "payload_too_large", reason: `content-length ${declared} is more than maxBodyBytes (${maxBytes})` });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const finish = (result: BodyRead): void => {
    clearTimeout(timer);
    req.off("data", onData);
    req.off("end", onEnd);
    req.off("close", onClose);
    resolve(result);
  };
  const onData = (chunk: Buffer): void => {
    size += chunk.length;
    if (size > maxBytes) {
      chunks.length = 0;
      finish({ ok: false, status: 413, code: "payload_too_large", reason: `the body is more than maxBodyBytes (${maxBytes})` });
      discard(req, res, maxBytes, timeoutMs);
      return;
    }
    chunks.push(chunk);
  };
  const onEnd = (): void => finish({ ok: true, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
  // The client went away mid-body: nobody is left to answer.
  const onClose = (): void => finish({ ok: false, status: 400, code: "body_unavailable", reason: "the client closed the connection before sending the whole body" });
  const timer = setTimeout(() => {
    finish({ ok: false, status: 408, code: "body_timeout", reason: `the body did not arrive within ${timeoutMs} ms` });
    req.pause();
  }, timeoutMs);
  req.on("data", onData);
  req.on("end", onEnd);
  req.on("close", onClose);
};

// Reads and drops the rest of a refused body, so the client is not reset before it reads the answer; a client
// that keeps sending past the limit, or too slowly, is cut off once the answer has gone out.
const discard = (req: IncomingMessage, res: ServerResponse, maxBytes: number, timeoutMs: number): void => {
  const limit = Math.max(maxBytes * DISCARD_LIMIT_FACTOR, MIN_DISCARD_BYTES);
  let dropped = 0;
  const cut = (): void => {
    clearTimeout(timer);
    if (res.writableFinished || res.destroyed) req.destroy();
    else res.once("finish", () => req.destroy());
  };
  const timer = setTimeout(cut, timeoutMs);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > limit) cut();
  });
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
  req.resume();
};

/**
 * Creates a request handler for Front webhooks, for node:http, Express/Connect and Fastify (through
 * `@fastify/middie`, or with the raw body). Non-POST → 405; body over `maxBodyBytes` → 413; slow body → 408;
 * bad signature or stale timestamp → 401, signed but not a Front event → 400 (short JSON reason, never the
 * secret); Front's `sync` request → 200 echoing `{ "challenge": … }`; a verified event → 200, then `onEvent`
 * once per event id within `dedupeWindowMs`.
 *
 * Acknowledgement: Front gets its 200 as soon as the request is verified, before `onEvent` runs. Front waits a few
 * seconds only and retries slow answers, so a slow handler would cause duplicate deliveries; the price is that an
 * event whose handler fails is not redelivered by Front. Make `onEvent` record the event durably first when every
 * event matters (or reconcile from `GET /events`).
 */
export const createFrontWebhookReceiver = (options: FrontWebhookReceiverOptions): FrontWebhookRequestHandler => {
  validateOptions(options);
  const { kind, secret, onEvent, onRefused } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_RECEIVER_MAX_BODY_BYTES;
  const toleranceMs = options.toleranceMs;
  const dedupeWindowMs = options.dedupeWindowMs ?? DEFAULT_DEDUPE_WINDOW_MS;
  const dedupeStore = options.dedupeStore ?? createMemoryDedupeStore();
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const onError =
    options.onError ??
    ((error: unknown, context: { readonly stage: "handler" | "dedupe"; readonly eventId?: string }) => {
      const what = context.stage === "handler" ? "handler" : "dedupe store";
      console.error(`[frontkit] Front webhook ${what} failed${context.eventId ? ` for ${context.eventId}` : ""}: ${describeError(error, secret)}`);
    });

  const report = (error: unknown, stage: "handler" | "dedupe", eventId: string | undefined): void => {
    try {
      onError(error, eventId === undefined ? { stage } : { stage, eventId });
    } catch {
      // An onError that throws must not take the process down with it.
    }
  };

  const refused = (res: ServerResponse, status: number, code: ReceiverRefusal, reason: string, close = false): void => {
    send(res, status, JSON.stringify({ error: code, reason }), close);
    if (onRefused === undefined) return;
    try {
      onRefused({ code, reason, status });
    } catch {
      // Observability must not change the answer.
    }
  };

  const invoke = (delivery: FrontWebhookDelivery, eventId: string | undefined): void => {
    try {
      const result = onEvent(delivery);
      if (result !== undefined && typeof (result as Promise<void>).then === "function") {
        (result as Promise<void>).then(undefined, (error: unknown) => report(error, "handler", eventId));
      }
    } catch (error) {
      report(error, "handler", eventId);
    }
  };

  const dispatch = (delivery: FrontWebhookDelivery): void => {
    const eventId = eventIdOf(delivery);
    if (eventId === undefined || dedupeWindowMs === 0) return invoke(delivery, eventId);
    let first: boolean | Promise<boolean>;
    try {
      first = dedupeStore.firstSeen(`${kind}:${eventId}`, dedupeWindowMs);
    } catch (error) {
      // A broken store must not lose events: deliver (a possible duplicate beats a certain loss).
      report(error, "dedupe", eventId);
      return invoke(delivery, eventId);
    }
    if (typeof first === "boolean") {
      if (first) invoke(delivery, eventId);
      return;
    }
    Promise.resolve(first).then(
      (isFirst) => {
        if (isFirst !== false) invoke(delivery, eventId);
      },
      (error: unknown) => {
        report(error, "dedupe", eventId);
        invoke(delivery, eventId);
      },
    );
  };

  const handle = (req: IncomingMessage, res: ServerResponse, read: BodyRead): void => {
    if (!read.ok) return refused(res, read.status, read.code, read.reason, read.status === 413 || read.status === 408);
    const verification = verifyFrontWebhook(
      toleranceMs === undefined
        ? { kind, secret, headers: req.headers, body: read.body, now: now(), maxBodyBytes }
        : { kind, secret, headers: req.headers, body: read.body, now: now(), maxBodyBytes, toleranceMs },
    );
    if (!verification.valid) {
      const status = verification.code === "not_json" || verification.code === "not_front_event" || verification.code === "bad_input" ? 400 : 401;
      return refused(res, status, verification.code, verification.reason);
    }
    const delivery = verification.event;
    if (delivery.kind === "application" && delivery.type === "sync") {
      // Front's documented answer to the validation request: 200 with the challenge in the body.
      send(res, 200, verification.challenge === undefined ? '{"ok":true}' : frontChallengeAnswer(verification.challenge).body);
    } else {
      send(res, 200, '{"ok":true}');
    }
    dispatch(delivery);
  };

  return (req, res) => {
    // Client resets after the answer must not surface as an unhandled 'error'.
    req.on("error", noop);
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      return refused(res, 405, "method_not_allowed", `Front webhooks are POST requests; got ${String(req.method)}`);
    }
    const pre = preReadBody(req, maxBodyBytes);
    if (pre !== undefined) return handle(req, res, pre);
    readStream(req, res, maxBodyBytes, bodyTimeoutMs, (read) => handle(req, res, read));
  };
};

