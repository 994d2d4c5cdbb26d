import { FrontInputError } from "./errors/front-input-error.js";
import { FrontTimeoutError } from "./errors/front-timeout-error.js";
import type { ResolvedOptions } from "./options.js";
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
 * Wraps the configured fetch: checks the request stays on the base URL, adds auth/accept/user-agent,
 * never follows redirects (Front's 301 for merged conversations is the caller's to read, and a redirect
 * could lead elsewhere), and applies the timeout to the whole exchange by buffering the body inside it.
 */
export const makeFrontFetch = (options: ResolvedOptions) => {
  const userAgent = frontUserAgent(options.userAgent);
  const baseUrl = new URL(options.baseUrl);
  const basePath = baseUrl.pathname.replace(/\/+$/, "");

  return async (incoming: Request): Promise<Response> => {
    const url = new URL(incoming.url);
    // Defence in depth: openapi-fetch accepts a per-request baseUrl; frontkit only ever talks to the configured one.
    if (url.origin !== baseUrl.origin || !(url.pathname === basePath || url.pathname.startsWith(`${basePath}/`))) {
      throw new FrontInputError("baseUrl", `Refusing to send a request outside the configured base URL ${options.baseUrl}`);
    }
    const requestTimeout = (incoming as Request & { timeoutMs?: unknown }).timeoutMs;
    const timeoutMs =
      typeof requestTimeout === "number" && Number.isFinite(requestTimeout) && requestTimeout > 0 ? requestTimeout : options.timeoutMs;
    const callerSignal = incoming.signal;
    if (callerSignal.aborted) throw callerSignal.reason;
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
};
