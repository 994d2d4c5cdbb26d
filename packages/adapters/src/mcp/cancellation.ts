/**
 * Cancellation across stateless HTTP requests. With stateless Streamable HTTP a
 * `notifications/cancelled` arrives in its own POST, handled by a different
 * server instance than the call it cancels, so in-flight calls are registered
 * here by account (hash of the token) and JSON-RPC id.
 *
 * Two clients of the same account may use the same request id at once; a
 * cancel that matches more than one call is ambiguous and cancels none, so one
 * client can never abort another's work.
 */
import type { RequestId } from "@modelcontextprotocol/sdk/types.js";

/** In-flight calls of one HTTP server, by account and request id. */
export class InflightCalls {
  readonly #calls = new Map<string, Set<AbortController>>();

  #key(account: string, id: RequestId): string {
    return `${account}\u0000${typeof id}:${String(id)}`;
  }

  /** Registers a call; the returned function unregisters it. */
  register(account: string, id: RequestId, controller: AbortController): () => void {
    const key = this.#key(account, id);
    let set = this.#calls.get(key);
    if (set === undefined) {
      set = new Set();
      this.#calls.set(key, set);
    }
    set.add(controller);
    return () => {
      const current = this.#calls.get(key);
      if (current === undefined) return;
      current.delete(controller);
      if (current.size === 0) this.#calls.delete(key);
    };
  }

  /** Aborts the one call with this id for this account; returns whether it did. */
  cancel(account: string, id: RequestId, reason?: unknown): boolean {
    const set = this.#calls.get(this.#key(account, id));
    if (set === undefined || set.size !== 1) return false;
    for (const controller of set) controller.abort(reason);
    return true;
  }

  /** Number of calls in flight. */
  get size(): number {
    let n = 0;
    for (const set of this.#calls.values()) n += set.size;
    return n;
  }
}
