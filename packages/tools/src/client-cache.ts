/**
 * One Front client per token for servers that serve many accounts — the MCP HTTP server, the Spojit executor,
 * the n8n node — so each account keeps its own rate limiter and list caches, across requests.
 *
 * - Keyed by an HMAC of the token, base URL and scope under a random key of this cache: the token is never a
 *   map key, log field or anything else that could be printed, and keys cannot be correlated across processes.
 * - Bounded: least-recently-used idle clients are dropped beyond `maxClients` (a busy one only when every
 *   client is busy), and a client idle for `idleTtlMs` is dropped too.
 * - A dropped client is disposed once the last call using it has released it.
 * - A scope (e.g. a Spojit connection id) holds one client: when it comes with another token or base URL, its
 *   old client is dropped, so a rotated token does not stay in memory.
 */
import { createHmac, randomBytes } from "node:crypto";
import { Redacted } from "effect";
import { createFrontTools, type FrontTools, type FrontToolsOptions } from "./facade.js";
import { makeRedactor, type Redactor, type Secret, secretOf } from "./redact-secret.js";

/** Default number of clients kept. */
export const DEFAULT_MAX_CLIENTS = 64;
/** Default time an unused client is kept (30 minutes). */
export const DEFAULT_CLIENT_IDLE_TTL_MS = 30 * 60_000;

/** What the cache needs of a client. */
export interface DisposableClient {
  dispose(): Promise<void>;
}

/** What a client is built from: the cache's client options with the token (still Redacted) and base URL. */
export type ClientConfig<O> = O & { readonly token: Secret; readonly baseUrl?: string };

/** Options of a client cache. */
export interface ClientCacheOptions<C extends DisposableClient = FrontTools, O extends object = ClientOptions> {
  /** Options every client is built with (everything of `createFrontTools` but the token and base URL). */
  readonly clientOptions?: O;
  /** Builds one client (default `createFrontTools`); may throw for a bad token or option, then nothing is kept. */
  readonly create?: (config: ClientConfig<O>) => C;
  /** Most clients kept (default 64). */
  readonly maxClients?: number;
  /** How long an unused client is kept, in ms (default 30 minutes; 0 keeps them until evicted). */
  readonly idleTtlMs?: number;
  /** Clock in ms (tests). */
  readonly now?: () => number;
}

/** The options of `createFrontTools` that are the same for every token. */
export type ClientOptions = Omit<FrontToolsOptions, "token" | "baseUrl">;

/** Which client to lend. */
export interface ClientRequest {
  /** The token (a string is wrapped at once). */
  readonly token: Secret | string;
  /** The base URL the client talks to (absent: the default). */
  readonly baseUrl?: string | undefined;
  /** What holds one client at a time (a connection id); a new token or base URL for it drops the old client. */
  readonly scope?: string | undefined;
}

/** A client lent out for one call; `release()` when the call ends (more calls are harmless). */
export interface ClientLease<C> {
  /** The opaque key of the client (HMAC, base64url); safe to log. */
  readonly key: string;
  readonly client: C;
  /** Masks this client's token in text and JSON (the one rule, redact.ts). */
  readonly redact: Redactor;
  release(): void;
}

interface Entry<C> {
  readonly key: string;
  readonly client: C;
  readonly redact: Redactor;
  readonly scope: string | undefined;
  users: number;
  lastUsed: number;
  dropped: boolean;
  drained?: () => void;
}

/** The per-token client cache. */
export class ClientCache<C extends DisposableClient = FrontTools, O extends object = ClientOptions> {
  readonly #entries = new Map<string, Entry<C>>();
  readonly #scopes = new Map<string, string>();
  readonly #disposals = new Set<Promise<void>>();
  readonly #hmacKey = randomBytes(32);
  readonly #create: (config: ClientConfig<O>) => C;
  readonly #clientOptions: O;
  readonly #max: number;
  readonly #idleTtlMs: number;
  readonly #now: () => number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastSweep = Number.NEGATIVE_INFINITY;
  #closed = false;

  constructor(options: ClientCacheOptions<C, O> = {}) {
    const max = options.maxClients ?? DEFAULT_MAX_CLIENTS;
    if (!Number.isSafeInteger(max) || max < 1) throw new RangeError(`maxClients must be a positive integer, got ${max}.`);
    const ttl = options.idleTtlMs ?? DEFAULT_CLIENT_IDLE_TTL_MS;
    if (typeof ttl !== "number" || !Number.isFinite(ttl) || ttl < 0) throw new RangeError(`idleTtlMs must be a number of milliseconds ≥ 0, got ${ttl}.`);
    this.#max = max;
    this.#idleTtlMs = ttl;
    this.#clientOptions = options.clientOptions ?? ({} as O);
    this.#create = options.create ?? ((config) => createFrontTools(config as FrontToolsOptions) as unknown as C);
    this.#now = options.now ?? Date.now;
  }

  /** The opaque key of a token (with base URL and scope): HMAC-SHA256 under this cache's random key, base64url. */
  keyOf(request: ClientRequest): string {
    const token = secretOf(request.token);
    return createHmac("sha256", this.#hmacKey)
      .update(Redacted.value(token))
      .update("\u0000")
      .update(request.baseUrl ?? "")
      .update("\u0000")
      .update(request.scope ?? "")
      .digest("base64url");
  }

  /** Lends the client of a token, creating it (may throw: nothing is kept then) and dropping what is over the bounds. */
  acquire(request: ClientRequest): ClientLease<C> {
    if (this.#closed) throw new Error("This client cache was closed.");
    const now = this.#now();
    this.#sweep(now);
    const token = secretOf(request.token);
    const key = this.keyOf({ ...request, token });
    const scope = request.scope;
    if (scope !== undefined) {
      const previous = this.#scopes.get(scope);
      if (previous !== undefined && previous !== key) {
        const stale = this.#entries.get(previous);
        if (stale !== undefined) this.#drop(stale);
      }
    }
    let entry = this.#entries.get(key);
    if (entry === undefined) {
      const client = this.#create({ ...this.#clientOptions, token, ...(request.baseUrl === undefined ? {} : { baseUrl: request.baseUrl }) });
      entry = { key, client, redact: makeRedactor([token]), scope, users: 0, lastUsed: now, dropped: false };
    } else {
      this.#entries.delete(key); // re-inserted below: Map order is the recency order
    }
    this.#entries.set(key, entry);
    if (scope !== undefined) this.#scopes.set(scope, key);
    entry.users += 1;
    entry.lastUsed = now;
    this.#evict();
    const held = entry;
    let released = false;
    return {
      key,
      client: held.client,
      redact: held.redact,
      release: () => {
        if (released) return;
        released = true;
        held.users -= 1;
        held.lastUsed = this.#now();
        if (held.users > 0) return;
        if (held.dropped) {
          this.#dispose(held);
          held.drained?.();
        } else {
          this.#schedule();
        }
      },
    };
  }

  /** Clients currently kept. */
  get size(): number {
    return this.#entries.size;
  }

  /** True once `close` was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Drops every client and waits for their disposal (busy ones: after their calls end). */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const entry of [...this.#entries.values()]) this.#drop(entry);
    await this.settled();
  }

  /** Waits for every dropped client's disposal. */
  async settled(): Promise<void> {
    while (this.#disposals.size > 0) await Promise.allSettled([...this.#disposals]);
  }

  /** Least-recently-used idle clients first; a busy one only when every client is busy (disposed when released). */
  #evict(): void {
    if (this.#entries.size <= this.#max) return;
    for (const entry of [...this.#entries.values()]) {
      if (this.#entries.size <= this.#max) return;
      if (entry.users === 0) this.#drop(entry);
    }
    for (const entry of [...this.#entries.values()]) {
      if (this.#entries.size <= this.#max) return;
      this.#drop(entry);
    }
  }

  /** Drops idle clients unused for the idle TTL; at most once a second, so a busy server does not walk the map per call. */
  #sweep(now: number): void {
    if (this.#idleTtlMs === 0 || now - this.#lastSweep < Math.min(this.#idleTtlMs, 1_000)) return;
    this.#lastSweep = now;
    for (const entry of [...this.#entries.values()]) {
      if (entry.users === 0 && now - entry.lastUsed >= this.#idleTtlMs) this.#drop(entry);
    }
  }

  /** One timer for the idle TTL, so an idle process frees its clients too; unref'd, it never holds the process. */
  #schedule(): void {
    if (this.#idleTtlMs === 0 || this.#timer !== undefined || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#lastSweep = Number.NEGATIVE_INFINITY;
      this.#sweep(this.#now());
      if ([...this.#entries.values()].some((e) => e.users === 0)) this.#schedule();
    }, this.#idleTtlMs);
    this.#timer.unref?.();
  }

  #drop(entry: Entry<C>): void {
    if (entry.dropped) return;
    entry.dropped = true;
    if (this.#entries.get(entry.key) === entry) this.#entries.delete(entry.key);
    if (entry.scope !== undefined && this.#scopes.get(entry.scope) === entry.key) this.#scopes.delete(entry.scope);
    if (entry.users === 0) {
      this.#dispose(entry);
      return;
    }
    // Busy: disposed on its last release; until then `settled` waits for it too.
    const drained = new Promise<void>((resolve) => (entry.drained = resolve));
    this.#disposals.add(drained);
    void drained.then(() => this.#disposals.delete(drained));
  }

  #dispose(entry: Entry<C>): void {
    // Started at once (a release or an eviction ends the client now); only its completion is awaited.
    let pending: Promise<void>;
    try {
      pending = Promise.resolve(entry.client.dispose());
    } catch {
      pending = Promise.resolve();
    }
    const done: Promise<void> = pending
      .catch(() => undefined)
      .finally(() => this.#disposals.delete(done));
    this.#disposals.add(done);
  }
}
