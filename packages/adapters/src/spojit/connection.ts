import { createHash } from "node:crypto";
import { checkFrontToken } from "@frontkit/tools/token";
import { FRONT_DEFAULT_BASE_URL } from "./authentication.js";
import { spojitError } from "./error-mapping.js";
import type { SpojitError } from "./result.js";

/** A Spojit connection's credentials, as Spojit passes them to the executor. */
export interface SpojitConnection {
  /** Spojit's id for the connection; one Front client is kept per id. */
  readonly id: string;
  /** The Front API token (secret). */
  readonly token: string;
  /** Optional base URL; defaults to https://api2.frontapp.com. */
  readonly baseUrl?: string | undefined;
}

/** A connection that passed validation, with its base URL resolved. */
export interface ValidConnection {
  readonly id: string;
  readonly token: string;
  readonly baseUrl: string;
  /** Changes whenever the token or base URL changes, so a stale client is never reused. */
  readonly fingerprint: string;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const invalid = (message: string): { readonly ok: false; readonly error: SpojitError } => ({
  ok: false,
  error: spojitError("INVALID_CONNECTION", { message }),
});

/**
 * Checks a connection before any request is made. Messages name the field but never echo the
 * token. The base URL must be https (http only on loopback, for local proxies and tests) with no
 * credentials, query or fragment, because the token is sent to that host and no other.
 */
export const validateConnection = (
  raw: unknown,
): { readonly ok: true; readonly connection: ValidConnection } | { readonly ok: false; readonly error: SpojitError } => {
  if (raw === null || typeof raw !== "object") {
    return invalid("The connection is missing; pass { id, token } from the Spojit connection.");
  }
  const { id, token, baseUrl } = raw as Record<string, unknown>;
  if (typeof id !== "string" || id.trim().length === 0 || id.length > 256) {
    return invalid("The connection id is missing or invalid; pass Spojit's connection id (1–256 characters).");
  }
  if (typeof token !== "string" || token.trim().length === 0) {
    return invalid("The connection has no API token; add a Front API token (Settings → Developers → API tokens).");
  }
  // The one token rule of every frontkit entry point: long enough to be a Front token (and to be scrubbed
  // from results without corrupting them), one word of printable ASCII (it goes into a header).
  const checked = checkFrontToken(token);
  if (!checked.ok) return invalid(checked.problem);
  let resolved = FRONT_DEFAULT_BASE_URL;
  if (baseUrl !== undefined && baseUrl !== null && baseUrl !== "") {
    if (typeof baseUrl !== "string") return invalid("The base URL must be a string such as https://api2.frontapp.com.");
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      return invalid("The base URL is not a valid URL; use https://api2.frontapp.com or leave it empty.");
    }
    const loopback = LOOPBACK_HOSTS.has(url.hostname);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
      return invalid("The base URL must use https:// (http:// is allowed only for localhost).");
    }
    if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
      return invalid("The base URL must not contain credentials, a query or a fragment.");
    }
    resolved = url.href.replace(/\/+$/, "");
  }
  const fingerprint = createHash("sha256").update(checked.token).update("\u0000").update(resolved).digest("hex");
  return { ok: true, connection: { id, token: checked.token, baseUrl: resolved, fingerprint } };
};
