/**
 * The retry policy of the request boundary, as a named Schedule.
 *
 * The schedule only decides *when* to try again and *how often*; *whether* a
 * failure may be retried at all is decided by the boundary (`shouldRetry`) from
 * the request's idempotency, so a user-supplied schedule can never cause a POST
 * that got a 5xx or timed out to be sent twice.
 */
import { Cause, Duration, Effect, Random, Schedule } from "effect";
import type { FrontToolError } from "./errors.js";

/** Tuning of the default retry schedule. */
export interface FrontRetryOptions {
  /** Total attempts including the first (default 5). */
  readonly maxAttempts?: number;
  /** Longest wait honoured for a 429's retry-after (default 60 s); longer waits are cut to this. */
  readonly maxRetryAfter?: Duration.Input;
  /** First backoff delay for 5xx/transport failures (default 500 ms), doubled each attempt. */
  readonly baseDelay?: Duration.Input;
  /** Upper bound of one backoff delay (default 20 s). */
  readonly maxDelay?: Duration.Input;
}

/** A retry schedule for the boundary: it is stepped with the failure of the last attempt. */
export type FrontRetrySchedule = Schedule.Schedule<unknown, FrontToolError>;

/** Default cap on a 429's retry-after. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

const millis = (d: Duration.Input): number => Duration.toMillis(d);

/** The delay before the next attempt, given the failure: retry-after for 429, exponential backoff otherwise. */
const delayFor = (
  error: FrontToolError,
  attempt: number,
  o: { maxRetryAfterMs: number; baseMs: number; maxDelayMs: number },
): Effect.Effect<number> =>
  Effect.gen(function* () {
    if (error._tag === "RateLimited" && error.retryAfterMs !== undefined && Number.isFinite(error.retryAfterMs)) {
      const asked = Math.min(Math.max(0, error.retryAfterMs), o.maxRetryAfterMs);
      // Jitter spreads the retries of calls that were all told the same retry-after.
      const jitter = yield* Random.nextBetween(0, Math.min(1_000, Math.max(50, asked * 0.1)));
      return asked + jitter;
    }
    const exp = Math.min(o.baseMs * 2 ** (attempt - 1), o.maxDelayMs);
    // "Equal jitter": at least half the backoff, so retries never collapse to zero delay.
    const jitter = yield* Random.nextBetween(0, exp / 2);
    return exp / 2 + jitter;
  });

/** Builds a retry schedule: bounded attempts, retry-after (capped) for 429, exponential backoff with jitter otherwise. */
export const makeFrontRetry = (options: FrontRetryOptions = {}): FrontRetrySchedule => {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 5));
  const o = {
    maxRetryAfterMs: millis(options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER_MS),
    baseMs: millis(options.baseDelay ?? 500),
    maxDelayMs: millis(options.maxDelay ?? 20_000),
  };
  return Schedule.fromStepWithMetadata(
    Effect.succeed((meta: Schedule.InputMetadata<FrontToolError>) =>
      // `attempt` counts retry decisions from 1, so attempt n decides whether attempt n+1 happens.
      meta.attempt >= maxAttempts
        ? Cause.done(meta.attempt)
        : Effect.map(delayFor(meta.input, meta.attempt, o), (ms) => [meta.attempt, Duration.millis(ms)] as [number, Duration.Duration]),
    ),
  );
};

/**
 * Whether a failure may be retried at all for a request of this kind.
 * 429 always (Front did not process the request); 5xx and transport failures
 * only when repeating the request is harmless.
 */
export const shouldRetry = (error: FrontToolError, idempotent: boolean): boolean => {
  switch (error._tag) {
    case "RateLimited":
      return true;
    case "ServerError":
      return idempotent;
    case "Transport":
      return idempotent && error.reason !== "aborted";
    default:
      return false;
  }
};

/** The boundary's retry schedules: `default` (5 attempts, 60 s retry-after cap), `make(options)`, `none`. */
export const FrontRetry = {
  default: makeFrontRetry(),
  make: makeFrontRetry,
  none: Schedule.recurs(0) as FrontRetrySchedule,
} as const;
