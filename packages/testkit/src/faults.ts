/** Headers a fault adds to its answer. */
export type FaultHeaders = Readonly<Record<string, string>>;

/** What the fault proxy does with one request instead of (or before) forwarding it. */
export type Fault =
  | { readonly kind: "passThrough" }
  | { readonly kind: "status"; readonly code: number; readonly headers: FaultHeaders; readonly body: string }
  | {
      readonly kind: "rateLimited";
      readonly retryAfter: string | null;
      readonly tier: string | undefined;
      readonly limit: number;
      readonly remaining: number;
      readonly resetSeconds: number | undefined;
    }
  | { readonly kind: "connectionReset" }
  | { readonly kind: "delay"; readonly ms: number }
  | { readonly kind: "timeout" }
  | { readonly kind: "malformedJson"; readonly code: number }
  | { readonly kind: "html"; readonly code: number }
  | { readonly kind: "emptyBody"; readonly code: number }
  | { readonly kind: "slowBody"; readonly ms: number }
  | { readonly kind: "hugeBody"; readonly bytes: number };

/** Forwards the request to the target untouched. */
export const passThrough = (): Fault => ({ kind: "passThrough" });

/** Answers `code` with optional headers and body (objects are sent as JSON). */
export const status = (code: number, options: { headers?: FaultHeaders; body?: unknown } = {}): Fault => {
  const body =
    options.body === undefined ? "" : typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  const jsonType = options.body !== undefined && typeof options.body !== "string" ? { "content-type": "application/json" } : {};
  return { kind: "status", code, headers: { ...jsonType, ...options.headers }, body };
};

/** Options of a Front-shaped 429. */
export interface RateLimitedOptions {
  /** `retry-after` value (seconds or an HTTP date); `null` omits the header. Default "1". */
  readonly retryAfter?: string | null;
  /** `x-front-tier` for a burst-limit 429. */
  readonly tier?: string;
  /** `x-ratelimit-remaining` (default 0; a burst 429 can arrive with remaining above 0). */
  readonly remaining?: number;
  /** `x-ratelimit-limit` (default 100). */
  readonly limit?: number;
  /** `x-ratelimit-reset` in unix seconds (default now + retry-after). */
  readonly reset?: number;
}

/** A 429 exactly as Front sends it: retry-after, x-ratelimit-* headers and the `_error` body. */
export const rateLimited = (options: RateLimitedOptions = {}): Fault => ({
  kind: "rateLimited",
  retryAfter: options.retryAfter === undefined ? "1" : options.retryAfter,
  tier: options.tier,
  limit: options.limit ?? 100,
  remaining: options.remaining ?? 0,
  resetSeconds: options.reset,
});

const SERVER_ERROR_TITLES: Readonly<Record<number, string>> = {
  500: "Internal server error",
  502: "Bad gateway",
  503: "Service unavailable",
  504: "Gateway timeout",
};

/** A 5xx with Front's `_error` body. */
export const serverError = (code = 500): Fault =>
  status(code, {
    body: {
      _error: {
        status: code,
        title: SERVER_ERROR_TITLES[code] ?? "Server error",
        message: "An unexpected error occurred. Please try again later.",
      },
    },
  });

/** Resets the TCP connection (the client sees ECONNRESET / "socket hang up"). */
export const connectionReset = (): Fault => ({ kind: "connectionReset" });

/** Waits `ms`, then forwards. */
export const delay = (ms: number): Fault => ({ kind: "delay", ms });

/** Never answers (the socket stays open until the client gives up or the proxy stops). */
export const timeout = (): Fault => ({ kind: "timeout" });

/** Answers with `content-type: application/json` and a truncated JSON body. */
export const malformedJson = (code = 200): Fault => ({ kind: "malformedJson", code });

/** Answers an HTML error page, as a load balancer in front of an API does. */
export const html = (code = 502): Fault => ({ kind: "html", code });

/** Answers `code` with a JSON content type and no body at all. */
export const emptyBody = (code = 200): Fault => ({ kind: "emptyBody", code });

/** Forwards, then trickles the target's body to the client over about `ms`. */
export const slowBody = (ms: number): Fault => ({ kind: "slowBody", ms });

/** Answers 200 with a valid JSON body of exactly `bytes` bytes (streamed). */
export const hugeBody = (bytes: number): Fault => ({ kind: "hugeBody", bytes });

/** All fault constructors, for `import { faults } from "@frontkit/testkit"`. */
export const faults = {
  passThrough,
  status,
  rateLimited,
  serverError,
  connectionReset,
  delay,
  timeout,
  malformedJson,
  html,
  emptyBody,
  slowBody,
  hugeBody,
} as const;
