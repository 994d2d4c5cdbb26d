import { FrontInputError } from "./errors/front-input-error.js";

/** Options of {@link createFrontClient}. */
export interface FrontClientOptions {
  /** Front API token (Bearer). Never logged, never part of an error message. */
  readonly token: string;
  /** Defaults to `https://api2.frontapp.com`. `http://` is accepted only for loopback (a local mock). */
  readonly baseUrl?: string | undefined;
  /** A fetch implementation (tests, proxies); defaults to `globalThis.fetch`. */
  readonly fetch?: ((input: Request) => Promise<Response>) | undefined;
  /** Per-request timeout covering the whole exchange, body included. Defaults to 30 000 ms. */
  readonly timeoutMs?: number | undefined;
  /** Prepended to frontkit's own user agent, e.g. `my-app/1.2`. */
  readonly userAgent?: string | undefined;
  /**
   * Largest answer read, in bytes after decompression (default 32 MiB). A larger one fails with
   * {@link FrontResponseError} instead of filling memory. Enforced by the default Node transport.
   */
  readonly maxResponseBytes?: number | undefined;
}

/** The default Front Core API base URL. */
export const DEFAULT_BASE_URL = "https://api2.frontapp.com";
/** The default per-request timeout. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The default ceiling on an answer's size: far above a page of 100 conversations or messages. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

// setTimeout's ceiling; beyond it Node fires immediately.
const MAX_TIMEOUT_MS = 2_147_483_647;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
// A token goes into a header verbatim: only visible ASCII keeps it from splitting or corrupting the header.
const TOKEN_SHAPE = /^[\x21-\x7e]+$/;
const USER_AGENT_SHAPE = /^[\x20-\x7e]+$/;

/** Validated, normalised client options. */
export interface ResolvedOptions {
  readonly token: string;
  readonly baseUrl: string;
  readonly fetch: (input: Request) => Promise<Response>;
  readonly timeoutMs: number;
  readonly userAgent: string | undefined;
  readonly maxResponseBytes: number;
}

/** Checks options and normalises the base URL (no trailing slash); throws {@link FrontInputError} without echoing the token. */
export const resolveOptions = (options: FrontClientOptions): ResolvedOptions => {
  if (typeof options !== "object" || options === null) {
    throw new FrontInputError("options", "createFrontClient needs an options object with at least a token");
  }
  const { token } = options;
  if (typeof token !== "string" || token.trim() === "") {
    throw new FrontInputError("token", "The Front API token is missing or empty; pass the token from Front's settings (API & integrations)");
  }
  if (!TOKEN_SHAPE.test(token)) {
    throw new FrontInputError("token", "The Front API token contains spaces, line breaks or non-ASCII characters; copy it again without them");
  }
  const baseUrl = resolveBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new FrontInputError("timeoutMs", `timeoutMs must be a positive number of milliseconds up to ${MAX_TIMEOUT_MS}`);
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") {
    throw new FrontInputError("fetch", "No fetch implementation: pass `fetch` or run on Node 22.19+");
  }
  const userAgent = options.userAgent;
  if (userAgent !== undefined && (typeof userAgent !== "string" || !USER_AGENT_SHAPE.test(userAgent))) {
    throw new FrontInputError("userAgent", "userAgent must be printable ASCII on one line");
  }
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (typeof maxResponseBytes !== "number" || !Number.isSafeInteger(maxResponseBytes) || maxResponseBytes <= 0) {
    throw new FrontInputError("maxResponseBytes", "maxResponseBytes must be a positive whole number of bytes");
  }
  return { token, baseUrl, fetch: fetchImpl, timeoutMs, userAgent, maxResponseBytes };
};

const resolveBaseUrl = (raw: string): string => {
  if (typeof raw !== "string") throw new FrontInputError("baseUrl", "baseUrl must be a string URL");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FrontInputError("baseUrl", `baseUrl is not a valid URL: ${JSON.stringify(raw)}`);
  }
  if (url.username || url.password) {
    // Credentials in the URL would be sent beside the token; Front authenticates with the token only.
    throw new FrontInputError("baseUrl", "baseUrl must not contain credentials (a user name or password)");
  }
  if (url.search || url.hash) {
    throw new FrontInputError("baseUrl", "baseUrl must not contain a query string or fragment");
  }
  if (url.protocol === "http:") {
    if (!LOOPBACK_HOSTS.has(url.hostname)) {
      throw new FrontInputError("baseUrl", `baseUrl must use https (http is allowed only for 127.0.0.1, localhost or [::1]); got host ${url.hostname}`);
    }
  } else if (url.protocol !== "https:") {
    throw new FrontInputError("baseUrl", `baseUrl must use https; got ${url.protocol}`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
};
