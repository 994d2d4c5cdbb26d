/**
 * The default transport of the lean path on Node: `node:http`/`node:https` on the global keep-alive agents.
 *
 * Node's `fetch` (undici) costs ~30–40% more per call than `http.request` against the same server (the
 * WHATWG Request/Response/stream objects and an AbortSignal per request). SDKs that care about per-call
 * cost on Node use the core modules for the same reason. What this module must keep equal to fetch:
 * redirects are never followed (core modules never do), gzip/deflate/br bodies are decoded, and failures
 * carry Node's error codes (ECONNRESET, ENOTFOUND, …), which is what the tools' error mapping reads.
 * It adds a ceiling on the response size, which fetch does not have.
 */
import { type IncomingMessage, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import {
  brotliDecompress,
  createBrotliDecompress,
  createGunzip,
  createInflate,
  gunzip,
  inflate,
  type InputType,
  type ZlibOptions,
} from "node:zlib";
import { FrontResponseError } from "./errors/front-response-error.js";
import { FrontTimeoutError } from "./errors/front-timeout-error.js";
import { parseRateLimit } from "./rate-limit.js";

/** Where requests go: the configured base URL, split once per client (parsing a URL per call costs). */
export interface Origin {
  readonly https: boolean;
  readonly hostname: string;
  readonly port: number;
  /** The base URL's path without a trailing slash, e.g. "" or "/api". */
  readonly basePath: string;
}

/** Splits a validated base URL for {@link nodeExchange}. */
export const originOf = (baseUrl: string): Origin => {
  const url = new URL(baseUrl);
  const https = url.protocol === "https:";
  return {
    https,
    // node:http wants an IPv6 literal without its brackets.
    hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port === "" ? (https ? 443 : 80) : Number(url.port),
    basePath: url.pathname.replace(/\/+$/, ""),
  };
};

/** One request as the lean path hands it to a transport. */
export interface Outgoing {
  readonly method: string;
  readonly origin: Origin;
  /** Path and query below the base path, e.g. "/tags?limit=5". */
  readonly path: string;
  /** Built per request by the caller; the transport adds `content-length` and `accept-encoding` to it. */
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array | undefined;
  /** Resolves the exchange early with this error (timeout, caller abort). */
  readonly onCancel: (cancel: (reason: unknown) => void) => void;
  /** Largest body accepted, decoded size included. */
  readonly maxResponseBytes: number;
  /** Hand back the body unread, as a web stream. */
  readonly stream: boolean;
}

/** The answer: a body-less Response for status and headers, plus the body's bytes, decompressed (or a stream). */
export interface Incoming {
  readonly response: Response;
  readonly bytes: Buffer | undefined;
  readonly stream: ReadableStream<Uint8Array> | undefined;
}

type Decoder = (buffer: InputType, options: ZlibOptions, callback: (error: Error | null, result: Buffer) => void) => void;
const DECODERS: Record<string, Decoder> = {
  gzip: gunzip as Decoder,
  "x-gzip": gunzip as Decoder,
  deflate: inflate as Decoder,
  br: brotliDecompress as unknown as Decoder,
};

/** A streaming decoder for parseAs "stream" with a compressed body. */
const streamDecoder = (encoding: string) =>
  encoding === "br" ? createBrotliDecompress() : encoding === "deflate" ? createInflate() : createGunzip();

const tooLarge = (response: Response, limit: number): FrontResponseError =>
  new FrontResponseError({
    status: response.status,
    message: `Front's answer is larger than ${limit} bytes; frontkit stopped reading it (ask for smaller pages with \`limit\`)`,
    requestId: response.headers.get("x-request-id") ?? undefined,
    rateLimit: parseRateLimit(response.headers),
  });

const toResponse = (res: IncomingMessage): Response => {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return new Response(null, { status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", headers });
};

/** Sends one request with `node:http(s)`; rejects with Node's own errors, or whatever `onCancel` passes. */
export const nodeExchange = (out: Outgoing): Promise<Incoming> =>
  new Promise<Incoming>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error);
      req.destroy();
    };
    const { origin } = out;
    const send = origin.https ? httpsRequest : httpRequest;
    // An explicit length: without it Node drops the body of a DELETE (it never chunks DELETE/GET bodies).
    // Compressed answers are decoded below, as fetch would; Front's large lists compress well.
    const { headers } = out;
    if (out.body !== undefined) headers["content-length"] = String(typeof out.body === "string" ? Buffer.byteLength(out.body) : out.body.byteLength);
    headers["accept-encoding"] ??= "gzip, deflate, br";
    const req = send({ hostname: origin.hostname, port: origin.port, path: `${origin.basePath}${out.path}`, method: out.method, headers });
    out.onCancel(fail);
    req.on("error", fail);
    req.on("response", (res) => {
      let response: Response;
      try {
        response = toResponse(res);
      } catch {
        res.resume();
        fail(new FrontResponseError({ status: res.statusCode ?? 0, message: `Front answered with an invalid HTTP status ${res.statusCode}`, rateLimit: {} }));
        return;
      }
      const encoding = (res.headers["content-encoding"] ?? "identity").trim().toLowerCase();
      const decode = DECODERS[encoding];
      if (out.stream && response.ok) {
        if (settled) return;
        settled = true;
        const body = decode === undefined ? res : res.pipe(streamDecoder(encoding));
        resolve({ response, bytes: undefined, stream: Readable.toWeb(body) as ReadableStream<Uint8Array> });
        return;
      }
      const length = Number(res.headers["content-length"]);
      if (Number.isFinite(length) && length > out.maxResponseBytes) {
        fail(tooLarge(response, out.maxResponseBytes));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > out.maxResponseBytes) {
          fail(tooLarge(response, out.maxResponseBytes));
          return;
        }
        chunks.push(chunk);
      });
      const cut = () => Object.assign(new Error("The connection closed before Front's answer was complete"), { code: "ECONNRESET" });
      res.on("aborted", () => fail(cut()));
      res.on("error", fail);
      // Belt and braces: a socket that closes mid-body without 'aborted' or 'error' must not leave the call hanging.
      res.on("close", () => {
        if (!res.complete) fail(cut());
      });
      res.on("end", () => {
        if (settled) return;
        const buffer = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
        const done = (bytes: Buffer) => {
          if (settled) return;
          settled = true;
          resolve({ response, bytes, stream: undefined });
        };
        if (decode === undefined || buffer.length === 0) {
          done(buffer);
          return;
        }
        decode(buffer, { maxOutputLength: out.maxResponseBytes }, (error, decoded) => {
          if (error === null) done(decoded);
          else if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") fail(tooLarge(response, out.maxResponseBytes));
          else fail(new FrontResponseError({ status: response.status, message: `Front's ${encoding} body could not be decoded`, rateLimit: parseRateLimit(response.headers) }));
        });
      });
    });
    if (out.body === undefined) req.end();
    else req.end(out.body);
  });

/** What a cancelled request rejects with when the canceller gives no reason (what fetch uses). */
export const abortError = (): Error => new DOMException("This operation was aborted", "AbortError");

/** One exchange under a timeout, a caller's signal and an `onCancel` hook. */
export interface TimedOutgoing extends Omit<Outgoing, "onCancel" | "body"> {
  /** The body, or the promise of one still being encoded (a multipart form): timeout and cancellation already apply. */
  readonly body: string | Uint8Array | undefined | Promise<string | Uint8Array | undefined>;
  readonly timeoutMs: number;
  /** The path without its query, for the timeout error (page tokens and search terms stay out of messages). */
  readonly pathForErrors: string;
  readonly signal?: AbortSignal | undefined;
  readonly onCancel?: ((cancel: (reason?: unknown) => void) => void) | undefined;
}

/**
 * {@link nodeExchange} with the rules both of core's paths share: one timeout for the whole exchange
 * (FrontTimeoutError), the caller's signal and `onCancel` ending it with their reason, and a cancellation
 * that comes before the request is sent (while its body is encoded) honoured instead of lost.
 */
export const timedNodeExchange = async (out: TimedOutgoing): Promise<Incoming> => {
  const { signal } = out;
  if (signal?.aborted === true) throw signal.reason;
  let cancel: ((reason: unknown) => void) | undefined;
  let early: { readonly reason: unknown } | undefined;
  const cancelNow = (reason: unknown) => {
    if (cancel === undefined) early ??= { reason };
    else cancel(reason);
  };
  const timer = setTimeout(
    () => cancelNow(new FrontTimeoutError({ timeoutMs: out.timeoutMs, method: out.method, path: out.pathForErrors })),
    out.timeoutMs,
  );
  const onAbort = () => cancelNow(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  out.onCancel?.((reason) => cancelNow(reason ?? abortError()));
  try {
    const body = out.body instanceof Promise ? await out.body : out.body;
    if (early !== undefined) throw early.reason;
    return await nodeExchange({
      method: out.method,
      origin: out.origin,
      path: out.path,
      headers: out.headers,
      body,
      onCancel: (fn) => {
        cancel = fn;
      },
      maxResponseBytes: out.maxResponseBytes,
      stream: out.stream,
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
};
