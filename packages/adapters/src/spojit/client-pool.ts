import type { ValidConnection } from "./connection.js";
import type { EventPoller } from "./trigger-poll.js";

/** The part of a FrontTools instance the executor uses. */
export interface PooledTools {
  invokeDetailed(
    name: string,
    input: unknown,
    options?: { signal?: AbortSignal },
  ): Promise<{ data: unknown; meta: { attempts: number; rateLimit: unknown } }>;
  /** The events feed, for trigger polling (FrontTools has it; a client without it cannot poll). */
  readonly pollEvents?: EventPoller;
  dispose(): Promise<void>;
}

interface Entry {
  readonly fingerprint: string;
  readonly tools: PooledTools;
  inFlight: number;
  retired: boolean;
  onDrained?: () => void;
}

/** A client checked out for one call; `release` must be called exactly once. */
export interface Lease {
  readonly tools: PooledTools;
  release(): void;
}

/**
 * One FrontTools per Spojit connection id, so each Front account keeps its own rate limiter and
 * tag/inbox caches, and no two connections ever share one. A changed token or base URL (new
 * fingerprint) retires the old client: calls already running on it finish, then it is disposed.
 * Least-recently-used idle clients are retired beyond `maxConnections` so a long-lived worker
 * serving many workspaces does not grow without bound.
 */
export class ClientPool {
  readonly #entries = new Map<string, Entry>();
  readonly #disposals = new Set<Promise<void>>();
  #closed = false;

  constructor(
    private readonly create: (connection: ValidConnection) => PooledTools,
    private readonly maxConnections: number,
  ) {}

  /** Number of live clients (for tests and health checks). */
  get size(): number {
    return this.#entries.size;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Checks out the client for a connection, creating it (or replacing a stale one) as needed. */
  acquire(connection: ValidConnection): Lease {
    let entry = this.#entries.get(connection.id);
    if (entry !== undefined && entry.fingerprint !== connection.fingerprint) {
      this.#retire(connection.id, entry);
      entry = undefined;
    }
    if (entry === undefined) {
      // `create` may throw (bad config); nothing is stored in that case.
      entry = { fingerprint: connection.fingerprint, tools: this.create(connection), inFlight: 0, retired: false };
    } else {
      this.#entries.delete(connection.id);
    }
    // Re-inserting keeps Map order = least recently used first.
    this.#entries.set(connection.id, entry);
    entry.inFlight += 1;
    this.#evictIdle();
    const leased = entry;
    let released = false;
    return {
      tools: leased.tools,
      release: () => {
        if (released) return;
        released = true;
        leased.inFlight -= 1;
        if (leased.retired && leased.inFlight === 0) {
          this.#dispose(leased);
          leased.onDrained?.();
        }
      },
    };
  }

  /** Retires every client and waits for their disposal; later acquisitions are refused by the executor. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const [id, entry] of [...this.#entries]) this.#retire(id, entry);
    while (this.#disposals.size > 0) await Promise.allSettled([...this.#disposals]);
  }

  /** Waits for every retired client's disposal (for tests). */
  async settled(): Promise<void> {
    while (this.#disposals.size > 0) await Promise.allSettled([...this.#disposals]);
  }

  #evictIdle(): void {
    for (const [id, entry] of this.#entries) {
      if (this.#entries.size <= this.maxConnections) return;
      if (entry.inFlight === 0) this.#retire(id, entry);
    }
  }

  #retire(id: string, entry: Entry): void {
    if (this.#entries.get(id) === entry) this.#entries.delete(id);
    entry.retired = true;
    if (entry.inFlight === 0) {
      this.#dispose(entry);
      return;
    }
    // Busy: it is disposed on its last release; until then `settled` waits for it too.
    let drained!: () => void;
    const done = new Promise<void>((resolve) => (drained = resolve));
    entry.onDrained = drained;
    this.#disposals.add(done);
    void done.then(() => this.#disposals.delete(done));
  }

  #dispose(entry: Entry): void {
    const done = Promise.resolve()
      .then(() => entry.tools.dispose())
      .catch(() => undefined)
      .finally(() => this.#disposals.delete(done));
    this.#disposals.add(done);
  }
}
