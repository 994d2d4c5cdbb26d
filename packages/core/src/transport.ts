import { FrontInputError } from "./errors/front-input-error.js";
import { FrontTimeoutError } from "./errors/front-timeout-error.js";
import type { ResolvedOptions } from "./options.js";
import { originOf, timedNodeExchange } from "./node-transport.js";
import { FRONTKIT_CORE_VERSION } from "./version.js";

// Statuses whose Response must have a null body (the constructor throws otherwise).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** The user agent frontkit sends: `frontkit/<version> (+node)`, after the caller's own product token if any. */
export const frontUserAgent = (prefix?: string): string =>
  [prefix, `frontkit/${FRONTKIT_CORE_VERSION} (+node)`].filter(Boolean).join(" ");

/** Rejects when `signal` aborts even if `promise` ignores signals (a fetch that never answers). */
export const raceAbort = <A>(promise: Promise<A>, signal: AbortSignal): Promise<A> =>
  new Promise<A>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (a) => {
        signal.removeEventListener("abort", onAbort);
        resolve(a);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });

/**
 * openapi-fetch's fetch: checks the request stays on the base URL, adds auth/accept/user-agent, never
 * follows redirects (Front's 301 for merged conversations is the caller's to read, and a redirect could
 * lead elsewhere), and applies the timeout to the whole exchange by buffering the body inside it. Sent
 * with node:http like the lean path (size cap, gzip), or with the caller's `fetch` when one is given.
 */
export const makeFrontFetch = (options: ResolvedOptions, customFetch: boolean) => {
  const userAgent = frontUserAgent(options.userAgent);
  const baseUrl = new URL(options.baseUrl);
  const basePath = baseUrl.pathname.replace(/\/+$/, "");
  const origin = originOf(options.baseUrl);

  /** The URL checked to be under the base URL, and the request's timeout. */
  const admit = (incoming: Request) => {
    const url = new URL(incoming.url);
    // Defence in depth: openapi-fetch accepts a per-request baseUrl; frontkit only ever talks to the configured one.
    if (url.origin !== baseUrl.origin || !(url.pathname === basePath || url.pathname.startsWith(`${basePath}/`))) {
      throw new FrontInputError("baseUrl", `Refusing to send a request outside the configured base URL ${options.baseUrl}`);
    }
    const requestTimeout = (incoming as Request & { timeoutMs?: unknown }).timeoutMs;
    const timeoutMs =
      typeof requestTimeout === "number" && Number.isFinite(requestTimeout) && requestTimeout > 0 ? requestTimeout : options.timeoutMs;
    if (incoming.signal.aborted) throw incoming.signal.reason;
    return { url, timeoutMs };
  };

  /** A caller's fetch (tests, proxies): one more Request with the auth header, the timeout signal and no redirects. */
  const viaFetch = async (incoming: Request): Promise<Response> => {
    const { url, timeoutMs } = admit(incoming);
    const callerSignal = incoming.signal;
    const timeoutSignal = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([callerSignal, timeoutSignal]);

    const headers = new Headers(incoming.headers);
    headers.set("authorization", `Bearer ${options.token}`);
    if (!headers.has("accept")) headers.set("accept", "application/json");
    headers.set("user-agent", userAgent);
    const request = new Request(incoming, { headers, signal, redirect: "manual" });

    try {
      const response = await raceAbort(options.fetch(request), signal);
      const body = NULL_BODY_STATUSES.has(response.status) ? null : await raceAbort(response.arrayBuffer(), signal);
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (error) {
      if (timeoutSignal.aborted && !callerSignal.aborted) {
        throw new FrontTimeoutError({ timeoutMs, method: request.method, path: url.pathname });
      }
      throw error;
    }
  };

  /** The default: the same node:http transport as the lean path, the answer handed to openapi-fetch as a buffered Response. */
  const viaNode = async (incoming: Request): Promise<Response> => {
    const { url, timeoutMs } = admit(incoming);
    const callerSignal = incoming.signal;
    const headers: Record<string, string> = {};
    incoming.headers.forEach((value, name) => {
      headers[name] = value;
    });
    headers["authorization"] = `Bearer ${options.token}`;
    headers["accept"] ??= "application/json";
    headers["user-agent"] = userAgent;
    const answer = await timedNodeExchange({
      method: incoming.method,
      origin,
      path: `${url.pathname.slice(basePath.length)}${url.search}`,
      pathForErrors: url.pathname,
      headers,
      // openapi-fetch has already encoded the body (JSON, or multipart with its boundary in content-type).
      body: incoming.body === null ? undefined : incoming.arrayBuffer().then((buffer) => new Uint8Array(buffer)),
      timeoutMs,
      signal: callerSignal,
      maxResponseBytes: options.maxResponseBytes,
      stream: false,
    });
    const { status, statusText, headers: answerHeaders } = answer.response;
    // The bytes as they are: openapi-fetch decodes them once (a string here would be re-encoded first).
    // (Node Buffers are Uint8Arrays; the DOM typing only wants them backed by a plain ArrayBuffer.)
    return new Response(NULL_BODY_STATUSES.has(status) || answer.bytes === undefined ? null : (answer.bytes as Uint8Array<ArrayBuffer>), {
      status,
      statusText,
      headers: answerHeaders,
    });
  };

  return customFetch ? viaFetch : viaNode;
};
