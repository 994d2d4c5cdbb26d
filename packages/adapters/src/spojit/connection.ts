import { createHash } from "node:crypto";
import { type Secret, secretOf } from "@frontkit/tools";
import { Redacted } from "effect";
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

/**
 * A connection that passed Spojit's own checks, with its base URL resolved. The token's form and the base URL's
 * scheme, credentials and query are checked once, by the tools when the connection's client is built (the one
 * token rule and core's base URL rule), not here again.
 */
export interface ValidConnection {
  readonly id: string;
  /** The token, Redacted from here to the Authorization header. */
  readonly token: Secret;
  readonly baseUrl: string;
  /** Changes whenever the token or base URL changes, without holding the token (safe to log). */
  readonly fingerprint: string;
}

/** Hosts any connection may name as base URL: Front's own API hosts (`*.api.frontapp.com` is a company's host). */
export const FRONT_API_HOSTS: ReadonlyArray<string> = ["api2.frontapp.com", "*.api.frontapp.com"];

/** Whether `hostname` matches one of `patterns` (exact host names, or `*.suffix` for any subdomain of suffix). */
const hostAllowed = (hostname: string, patterns: ReadonlyArray<string>): boolean => {
  const host = hostname.toLowerCase();
  return patterns.some((raw) => {
    const pattern = raw.trim().toLowerCase();
    if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
    return host === pattern;
  });
};

const invalid = (message: string): { readonly ok: false; readonly error: SpojitError } => ({
  ok: false,
  error: spojitError("INVALID_CONNECTION", { message }),
});

/**
 * Checks what only Spojit decides before any request is made: a connection object with an id and a token, and
 * a base URL whose host is one of Front's API hosts or one the operator allowed (`allowedHosts`) — on a shared
 * executor a connection must not point requests (with the server's network position) at an internal host.
 * Messages name the field but never echo the token.
 */
export const validateConnection = (
  raw: unknown,
  allowedHosts: ReadonlyArray<string> = [],
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
  let resolved = FRONT_DEFAULT_BASE_URL;
  if (baseUrl !== undefined && baseUrl !== null && baseUrl !== "") {
    if (typeof baseUrl !== "string") return invalid("The base URL must be a string such as https://api2.frontapp.com.");
    // Unparsable: core's base URL rule says so when the client is built; there is no host to allow or refuse.
    const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
    if (url !== undefined && !hostAllowed(url.hostname, FRONT_API_HOSTS) && !hostAllowed(url.hostname, allowedHosts)) {
      return invalid(
        `The base URL's host ${url.hostname.slice(0, 100)} is not allowed: a connection may use Front's API (https://api2.frontapp.com or https://<company>.api.frontapp.com). To use a proxy or mock, the operator running the executor must allow its host (allowedBaseUrlHosts).`,
      );
    }
    resolved = (url?.href ?? baseUrl).replace(/\/+$/, "");
  }
  const secret = secretOf(token.trim());
  const fingerprint = createHash("sha256").update(Redacted.value(secret)).update("\u0000").update(resolved).digest("hex");
  return { ok: true, connection: { id, token: secret, baseUrl: resolved, fingerprint } };
};
