/**
 * One FrontTools per Front account for the HTTP server: a small LRU keyed by
 * an HMAC of the bearer token (random key per process), so rate limiters and
 * caches are per account while the token itself is never a map key, log field
 * or anything else that could be printed. Nothing is persisted.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { FrontTools } from "@frontkit/tools";

/** Default number of accounts kept warm. */
export const DEFAULT_MAX_ACCOUNTS = 64;

interface Slot {
  readonly tools: FrontTools;
  users: number;
  evicted: boolean;
}

/** A FrontTools lent out for one request; `release()` when the request ends. */
export interface Lease {
  readonly account: string;
  readonly tools: FrontTools;
  release(): void;
}

/** LRU of FrontTools by account. */
export class AccountPool {
  readonly #slots = new Map<string, Slot>();
  readonly #key = randomBytes(32);
  readonly #create: (token: string) => FrontTools;
  readonly #max: number;

  constructor(create: (token: string) => FrontTools, max: number = DEFAULT_MAX_ACCOUNTS) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxAccounts must be a positive integer, got ${max}.`);
    this.#create = create;
    this.#max = max;
  }

  /** The opaque account id of a token (HMAC-SHA256, base64url); safe to log. */
  accountOf(token: string): string {
    return createHmac("sha256", this.#key).update(token).digest("base64url");
  }

  /** Lends the account's FrontTools, creating it (may throw on a malformed token) and evicting the least recently used. */
  acquire(token: string): Lease {
    const account = this.accountOf(token);
    let slot = this.#slots.get(account);
    if (slot !== undefined) {
      this.#slots.delete(account); // re-insert: Map order is our recency order
    } else {
      slot = { tools: this.#create(token), users: 0, evicted: false };
    }
    this.#slots.set(account, slot);
    slot.users += 1;
    this.#evict();
    const held = slot;
    let released = false;
    return {
      account,
      tools: held.tools,
      release: () => {
        if (released) return;
        released = true;
        held.users -= 1;
        if (held.evicted && held.users === 0) void held.tools.dispose();
      },
    };
  }

  #evict(): void {
    while (this.#slots.size > this.#max) {
      const [oldest, slot] = this.#slots.entries().next().value as [string, Slot];
      this.#slots.delete(oldest);
      slot.evicted = true;
      // A request may still be using it: dispose when the last one releases.
      if (slot.users === 0) void slot.tools.dispose();
    }
  }

  /** Accounts currently kept. */
  get size(): number {
    return this.#slots.size;
  }

  /** Disposes every FrontTools. */
  async close(): Promise<void> {
    const slots = [...this.#slots.values()];
    this.#slots.clear();
    await Promise.all(slots.map((s) => s.tools.dispose()));
  }
}
