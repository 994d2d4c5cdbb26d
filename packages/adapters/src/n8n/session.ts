/**
 * The Front client of a node run, lent by the one per-token client cache (@frontkit/tools' ClientCache): runs
 * with the same `Front API` credentials share a client — its rate limiter, retries and list caches — across
 * executions, instead of building and throwing one away per execution.
 */
import { ClientCache, type FrontTools, type Redactor, secretOf } from "@frontkit/tools";
import type { ICredentialDataDecryptedObject } from "n8n-workflow";

/** Options the node passes to every FrontTools it creates (tests inject a fetch here). */
export interface FrontNodeOptions {
  readonly fetch?: typeof fetch;
  readonly userAgent?: string;
  readonly timeoutMs?: number;
}

/** A FrontTools lent for one run, the redactor of its token, and the release that ends the loan. */
export interface FrontSession {
  readonly tools: FrontTools;
  /** Masks the credential's token in anything reported (the one redaction rule). */
  readonly redact: Redactor;
  /** Ends the loan (the client stays cached for the next run); call it once the run is done. */
  release(): void;
}

/** The token of a credential object (empty string when absent). */
export const tokenOf = (credentials: ICredentialDataDecryptedObject): string =>
  typeof credentials["token"] === "string" ? credentials["token"].trim() : "";

// One cache per node options object (a node type keeps its options for its lifetime); options without any
// setting share one cache. Clients idle for the cache's TTL are disposed.
const caches = new WeakMap<FrontNodeOptions, ClientCache>();
let plainCache: ClientCache | undefined;

const cacheFor = (options: FrontNodeOptions): ClientCache => {
  const clientOptions = {
    ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
  };
  if (Object.keys(clientOptions).length === 0) return (plainCache ??= new ClientCache());
  let cache = caches.get(options);
  if (cache === undefined) {
    cache = new ClientCache({ clientOptions });
    caches.set(options, cache);
  }
  return cache;
};

/**
 * Lends the credentials' client. Throws the tools' InvalidInput for a missing token or a base URL that is not
 * https (loopback http is allowed); its message never contains the token.
 */
export const openSession = (credentials: ICredentialDataDecryptedObject, options: FrontNodeOptions = {}): FrontSession => {
  // Redacted from the credential on: only the client's Authorization header reads it.
  const token = secretOf(tokenOf(credentials));
  const rawBase = typeof credentials["baseUrl"] === "string" ? credentials["baseUrl"].trim() : "";
  const lease = cacheFor(options).acquire({ token, ...(rawBase !== "" ? { baseUrl: rawBase } : {}) });
  return { tools: lease.client, redact: lease.redact, release: lease.release };
};
