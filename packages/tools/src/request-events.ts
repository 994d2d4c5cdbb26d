/**
 * What the request boundary tells observers about each HTTP exchange with Front: one event per attempt and
 * one per retry wait. Adapters turn them into words (the MCP bin's `--verbose` lines on stderr, MCP `logging`
 * notifications). An event names the operation by its method and Front path template, never the token, a
 * body, a query or a concrete path (which can hold an email address through an alias).
 */
import { Context } from "effect";

/** One HTTP attempt, answered or not. */
export interface RequestAttemptEvent {
  readonly type: "attempt";
  /** Method and Front path template, e.g. `GET /contacts/{contact_id}`. */
  readonly operation: string;
  /** 1 for the first try of this request, 2 for the first retry, … */
  readonly attempt: number;
  /** Front's HTTP status; absent when no response came (reset, timeout, …). */
  readonly status?: number;
  /** The typed error's tag when the attempt failed (a non-2xx answer or none). */
  readonly error?: string;
  /** From sending the request to having its answer read, in milliseconds. */
  readonly durationMs: number;
  /** How long the attempt waited for the rate limiter (concurrency, burst pacing, a 429's gate) before it was sent. */
  readonly queuedMs: number;
}

/** A wait before trying a request again, decided by the retry schedule. */
export interface RequestRetryEvent {
  readonly type: "retry";
  /** Method and Front path template. */
  readonly operation: string;
  /** The attempt about to be made after the wait (2 for the first retry). */
  readonly attempt: number;
  /** The wait, in milliseconds (a 429's retry-after, or backoff). */
  readonly delayMs: number;
  /** The tag of the failure being retried (`RateLimited`, `ServerError`, `Transport`). */
  readonly reason: string;
  /** Its HTTP status, when Front answered. */
  readonly status?: number;
}

/** What the request boundary reports. */
export type RequestEvent = RequestAttemptEvent | RequestRetryEvent;

/** Receives the request events of the current call; nobody listens by default. */
export const RequestObserver = Context.Reference<((event: RequestEvent) => void) | undefined>("@frontkit/tools/RequestObserver", {
  defaultValue: () => undefined,
});

/** Hands an event to an observer; an observer that throws never breaks the request. */
export const notifyObserver = (observe: (event: RequestEvent) => void, event: RequestEvent): void => {
  try {
    observe(event);
  } catch {
    // Observing is advisory (a log line); its failure is not the request's failure.
  }
};
