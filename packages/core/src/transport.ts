import { recordBodySize } from "./body-size.js";
import { FrontInputError } from "./errors/front-input-error.js";
import { FrontTimeoutError } from "./errors/front-timeout-error.js";
import type { ResolvedOptions } from "./options.js";
import { abortError, originOf, timedNodeExchange } from "./node-transport.js";
import { FRONTKIT_CORE_VERSION } from "./version.js";

/** Statuses whose answer has no body, whatever the headers say (a Response constructor throws if given one). */
export const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

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

/** Whether a signal has fired; a function, so a check after an `await` is not narrowed away by one before it. */
export const isAborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;

/** The deadline and cancellation of one {@link timedFetch}. */
export interface FetchDeadline {
  readonly timeoutMs: number;
  readonly method: string;
  /** The path without its query, for the timeout error. */
  readonly pathForErrors: string;
  readonly signal?: AbortSignal | undefined;
  readonly onCancel?: ((cancel: (reason?: unknown) => void) => void) | undefined;
}

/**
 * A caller's fetch under frontkit's rules: the request `build` makes carries one signal that the timeout
 * (FrontTimeoutError), the caller's signal and `onCancel` abort, and `read` consumes the answer within the same
 * deadline. The fetch and the read are raced against that signal as well: a test double or proxy may ignore it.
 */
export const timedFetch = async <A>(
  fetchImpl: (input: Request) => Promise<Response>,
  build: (signal: AbortSignal) => Request,
  read: (response: Response) => Promise<A>,
  deadline: FetchDeadline,
): Promise<A> => {
  const caller = deadline.signal;
  if (caller?.aborted === true) throw caller.reason;
  const controller = new AbortController();
  let timedOut = false;
  const timeout = () => new FrontTimeoutError({ timeoutMs: deadline.timeoutMs, method: deadline.method, path: deadline.pathForErrors });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(timeout());
  }, deadline.timeoutMs);
  const onAbort = () => controller.abort(caller?.reason);
  caller?.addEventListener("abort", onAbort, { once: true });
  deadline.onCancel?.((reason) => controller.abort(reason ?? abortError()));
  const { signal } = controller;
  try {
    const response = await raceAbort(fetchImpl(build(signal)), signal);
    return await raceAbort(read(response), signal);
  } catch (error) {
    if (timedOut && !isAborted(caller)) throw timeout();
    throw error;
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener("abort", onAbort);
  }
};

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
    const headers = new Headers(incoming.headers);
    headers.set("authorization", `Bearer ${options.token}`);
    if (!headers.has("accept")) headers.set("accept", "application/json");
    headers.set("user-agent", userAgent);
    return timedFetch(
      options.fetch,
      (signal) => new Request(incoming, { headers, signal, redirect: "manual" }),
      // Buffered inside the deadline, so the timeout covers the body too.
      async (response) => {
        const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
        const buffered = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
        return recordBodySize(buffered, body === null ? 0 : body.byteLength);
      },
      { timeoutMs, method: incoming.method, pathForErrors: url.pathname, signal: incoming.signal },
    );
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
    const empty = NULL_BODY_STATUSES.has(status) || answer.bytes === undefined;
    const buffered = new Response(empty ? null : (answer.bytes as Uint8Array<ArrayBuffer>), { status, statusText, headers: answerHeaders });
    return recordBodySize(buffered, empty ? 0 : (answer.bytes?.length ?? 0));
  };

  return customFetch ? viaFetch : viaNode;
};
