/**
 * The lean request path: one typed call → one request built straight from the spec template, the body read
 * and parsed once.
 *
 * openapi-fetch's `client.GET/POST/...` stays the general-purpose typed client (middleware, custom
 * serializers), at the cost of a Request object per call and a clone of every 2xx JSON body for the
 * not-JSON check. `request()` and the message helpers use this path instead: same URL building (Front's path
 * and query serializers), same headers, same rules (configured base URL only, no redirects followed, one
 * timeout covering the body), same `{ data, error, response }` result. It goes out on node:http
 * (node-transport.ts), or on the caller's `fetch` when the client was given one.
 */
import { recordBodySize } from "./body-size.js";
import { FrontInputError } from "./errors/front-input-error.js";
import { notJsonError } from "./errors/front-response-error.js";
import type { ResolvedOptions } from "./options.js";
import { frontPathSerializer } from "./path-serializer.js";
import { frontQuerySerializer } from "./query-serializer.js";
import { frontUserAgent, NULL_BODY_STATUSES, timedFetch } from "./transport.js";
import { originOf, timedNodeExchange } from "./node-transport.js";

/** One request on the lean path: a path template of the spec and openapi-fetch-shaped init. */
export interface SendInit {
  readonly params?: {
    readonly path?: Record<string, unknown> | undefined;
    readonly query?: Record<string, unknown> | undefined;
    readonly header?: Record<string, unknown> | undefined;
  } | undefined;
  /** JSON-serialisable body, or FormData (multipart). */
  readonly body?: unknown;
  readonly headers?: HeadersInit | Record<string, unknown> | undefined;
  readonly signal?: AbortSignal | null | undefined;
  /** `json` (default), `text`, or `stream` (the body is returned unread; the timeout then covers the headers only). */
  readonly parseAs?: "json" | "text" | "stream" | undefined;
  /** Overrides the client's timeout for this request. */
  readonly timeoutMs?: number | undefined;
  /**
   * Receives the function that cancels this request (it then rejects with the reason given). For callers
   * that manage cancellation themselves, e.g. an Effect fiber's interruption: cheaper than an AbortSignal,
   * whose listener costs more than the rest of a call's bookkeeping on Node 20.
   */
  readonly onCancel?: ((cancel: (reason?: unknown) => void) => void) | undefined;
}

/** What a lean request resolves with: openapi-fetch's result shape. */
export interface SendResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

/** Sends one request built from a path template. */
export type Sender = (method: string, template: string, init: SendInit | undefined) => Promise<SendResult>;

// Keys of openapi-fetch's init that would change where or how the request goes; the lean path refuses them.
const UNSUPPORTED_KEYS = ["baseUrl", "fetch", "Request", "querySerializer", "bodySerializer", "pathSerializer", "middleware"] as const;

/** Merges caller headers (never allowed to replace authorization or user-agent) into `out`. */
const addHeaders = (out: Record<string, string>, extra: unknown): void => {
  if (extra === undefined || extra === null) return;
  const entries: Iterable<[string, unknown]> =
    extra instanceof Headers || Array.isArray(extra) ? (extra as Iterable<[string, string]>) : Object.entries(extra as object);
  for (const [rawName, value] of entries) {
    const name = rawName.toLowerCase();
    if (name === "authorization" || name === "user-agent" || name === "host") continue;
    if (value === undefined || value === null) continue;
    out[name] = String(value);
  }
};

/** Reads a response the way openapi-fetch does: `data` for 2xx, `error` (JSON when it parses, else text) otherwise. */
const readResult = async (response: Response, method: string, parseAs: "json" | "text" | "stream"): Promise<SendResult> => {
  if (NULL_BODY_STATUSES.has(response.status) || method === "HEAD" || response.headers.get("content-length") === "0") {
    if (response.body !== null) await response.body.cancel().catch(() => undefined);
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (response.ok && parseAs === "stream") return { data: response.body, response };
  const text = await response.text();
  recordBodySize(response, Buffer.byteLength(text, "utf8"));
  return resultFromText(response, method, parseAs, text);
};

/** The result from a body already read as text. */
const resultFromText = (response: Response, method: string, parseAs: "json" | "text" | "stream", text: string): SendResult => {
  if (NULL_BODY_STATUSES.has(response.status) || method === "HEAD") {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (!response.ok) {
    if (text === "") return { error: undefined, response };
    try {
      return { error: JSON.parse(text), response };
    } catch {
      return { error: text, response };
    }
  }
  if (parseAs === "text") return { data: text, response };
  if (text === "") return { data: undefined, response };
  try {
    return { data: JSON.parse(text), response };
  } catch {
    throw notJsonError(response, text);
  }
};

/** A multipart body as bytes, with the content type (and boundary) fetch would have sent. */
const encodeFormData = async (form: FormData, headers: Record<string, string>): Promise<Uint8Array> => {
  const encoded = new Request("http://multipart.invalid/", { method: "POST", body: form });
  headers["content-type"] = encoded.headers.get("content-type") ?? "multipart/form-data";
  return new Uint8Array(await encoded.arrayBuffer());
};

/**
 * Builds the lean sender for one client: the token stays in this closure (never on an object a caller
 * could print), and every URL is the configured base URL plus a serialised spec path.
 */
export const makeSender = (options: ResolvedOptions, customFetch: boolean): Sender => {
  const userAgent = frontUserAgent(options.userAgent);
  const authorization = `Bearer ${options.token}`;
  const fetchImpl = options.fetch;
  const origin = originOf(options.baseUrl);

  return async (method, template, init = {}) => {
    for (const key of UNSUPPORTED_KEYS) {
      if ((init as Record<string, unknown>)[key] !== undefined) {
        throw new FrontInputError(key, `${key} cannot be set per request: frontkit always sends to the configured base URL with Front's serializers`);
      }
    }
    if (init.onCancel !== undefined && typeof init.onCancel !== "function") {
      throw new FrontInputError("onCancel", "onCancel must be a function that receives the request's canceller");
    }
    const upper = method.toUpperCase();
    const params = init.params ?? {};
    // The path serializer refuses missing, empty and dot-segment ids, and percent-encodes the rest, so the
    // URL cannot leave the base: a template is a literal path of the spec.
    const path = frontPathSerializer(template, (params.path ?? {}) as Record<string, unknown>);
    const query = params.query === undefined ? "" : frontQuerySerializer(params.query);
    const target = query === "" ? path : `${path}?${query}`;

    const headers: Record<string, string> = { accept: "application/json" };
    addHeaders(headers, init.headers);
    addHeaders(headers, params.header);
    headers["authorization"] = authorization;
    headers["user-agent"] = userAgent;
    let body: string | FormData | undefined;
    if (init.body !== undefined) {
      if (init.body instanceof FormData) {
        body = init.body; // fetch writes the multipart content type with its boundary
        delete headers["content-type"];
      } else {
        body = JSON.stringify(init.body);
        headers["content-type"] ??= "application/json";
      }
    }

    const requested = init.timeoutMs;
    const timeoutMs = typeof requested === "number" && Number.isFinite(requested) && requested > 0 ? requested : options.timeoutMs;
    const callerSignal = init.signal ?? undefined;
    const parseAs = init.parseAs ?? "json";
    if (customFetch) {
      // One Request for the caller's fetch (a test double, a proxy); its signal carries the timeout and cancellation.
      const requestInit: RequestInit = { method: upper, headers, redirect: "manual" };
      if (body !== undefined) requestInit.body = body;
      return timedFetch(
        fetchImpl,
        (signal) => new Request(`${options.baseUrl}${target}`, { ...requestInit, signal }),
        (response) => readResult(response, upper, parseAs),
        { timeoutMs, method: upper, pathForErrors: path, signal: callerSignal, onCancel: init.onCancel },
      );
    }

    // node:http: the timeout and the caller's abort end the exchange directly (no AbortController needed).
    const incoming = await timedNodeExchange({
      method: upper,
      origin,
      path: target,
      pathForErrors: path,
      headers,
      body: body instanceof FormData ? encodeFormData(body, headers) : body,
      timeoutMs,
      signal: callerSignal,
      onCancel: init.onCancel,
      maxResponseBytes: options.maxResponseBytes,
      stream: parseAs === "stream",
    });
    if (incoming.stream !== undefined) return { data: incoming.stream, response: incoming.response };
    recordBodySize(incoming.response, incoming.bytes?.length ?? 0);
    return resultFromText(incoming.response, upper, parseAs, incoming.bytes === undefined ? "" : incoming.bytes.toString("utf8"));
  };
};
