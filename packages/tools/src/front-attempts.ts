/**
 * How one logical request becomes attempts: each attempt inside the limiter's slot, retried on the failures
 * `shouldRetry` allows along the retry schedule, and — when someone listens — every attempt and retry wait
 * reported as a RequestEvent.
 */
import { Cause, Clock, Duration, Effect, Exit, Option, Schedule } from "effect";
import type { FrontToolError } from "./errors.js";
import type { FetchResult, FrontCall } from "./front-exchange.js";
import type { FrontResponse, RequestOptions } from "./front-settle.js";
import type { RateLimiter } from "./rate-limiter.js";
import { notifyObserver, type RequestEvent } from "./request-events.js";
import { CurrentRequestMeter } from "./request-meter.js";
import { type FrontRetrySchedule, shouldRetry } from "./retry.js";

/** `once`, retried on the failures `shouldRetry` allows, on `retrySchedule`. */
export const withRetry = <A>(
  once: Effect.Effect<FrontResponse<A>, FrontToolError>,
  options: RequestOptions,
  retrySchedule: FrontRetrySchedule,
): Effect.Effect<FrontResponse<A>, FrontToolError> =>
  // The schedule is only set up once an attempt failed in a retryable way: the common, successful call
  // pays nothing for it. The first failure is replayed into the schedule so its timing is unchanged.
  Effect.catch(once, (first: FrontToolError) => {
    if (!shouldRetry(first, options.idempotent)) return Effect.fail(first);
    let replayed = false;
    const again = Effect.suspend(() => {
      if (replayed) return once;
      replayed = true;
      return Effect.fail(first);
    });
    return Effect.retry(again, { schedule: retrySchedule, while: (error: FrontToolError) => shouldRetry(error, options.idempotent) });
  });

/** What the attempts of one service are made of. */
export interface AttemptsContext {
  readonly limiter: RateLimiter;
  readonly schedule: FrontRetrySchedule;
  readonly exchange: <A>(operation: string, call: FrontCall<A>, idempotent: boolean) => Effect.Effect<FetchResult<A>, FrontToolError>;
  readonly settle: <A>(operation: string, result: FetchResult<A>, options: RequestOptions) => Effect.Effect<FrontResponse<A>, FrontToolError>;
}

/** The attempts of one service: `plain` (counted, limited, retried) and `observed` (the same, reported). */
export const makeAttempts = ({ limiter, schedule, exchange, settle }: AttemptsContext) => {
  /** One HTTP attempt, already inside the limiter: counted, sent, its answer read and typed. */
  const send = <A>(operation: string, call: FrontCall<A>, options: RequestOptions): Effect.Effect<FrontResponse<A>, FrontToolError> =>
    Effect.withFiber((fiber) => {
      const meter = fiber.getRef(CurrentRequestMeter);
      if (meter !== undefined) meter.attempts++;
      return Effect.flatMap(exchange(operation, call, options.idempotent), (result) => settle(operation, result, options));
    });

  /** The request: attempts inside the limiter, retried on the service's schedule. */
  const plain = <A>(operation: string, call: FrontCall<A>, options: RequestOptions): Effect.Effect<FrontResponse<A>, FrontToolError> =>
    withRetry(limiter.withSlot(send(operation, call, options), operation), options, schedule);

  /**
   * The same request with every attempt and retry wait reported to `observe`: attempt number, status or
   * error tag, time queued in the limiter and time on the wire (the fiber's clock, so TestClock applies).
   */
  const observed = <A>(
    operation: string,
    call: FrontCall<A>,
    options: RequestOptions,
    observe: (event: RequestEvent) => void,
  ): Effect.Effect<FrontResponse<A>, FrontToolError> =>
    Effect.suspend(() => {
      let attempts = 0;
      const once = Effect.withFiber<FrontResponse<A>, FrontToolError>((fiber) => {
        const clock = fiber.getRef(Clock.Clock);
        const queuedAt = clock.currentTimeMillisUnsafe();
        const n = ++attempts;
        return limiter.withSlot(
          Effect.suspend(() => {
            const sentAt = clock.currentTimeMillisUnsafe();
            return Effect.onExit(send(operation, call, options), (exit) =>
              Effect.sync(() => {
                const failure = Exit.isFailure(exit) ? Cause.findErrorOption(exit.cause) : Option.none();
                // An interrupted attempt (cancelled call) has no outcome worth a line.
                if (Exit.isFailure(exit) && Option.isNone(failure)) return;
                const status = Exit.isSuccess(exit) ? exit.value.status : Option.isSome(failure) ? failure.value.status : undefined;
                notifyObserver(observe, {
                  type: "attempt",
                  operation,
                  attempt: n,
                  ...(status === undefined ? {} : { status }),
                  ...(Option.isSome(failure) ? { error: failure.value._tag } : {}),
                  durationMs: clock.currentTimeMillisUnsafe() - sentAt,
                  queuedMs: sentAt - queuedAt,
                });
              }),
            );
          }),
          operation,
        );
      });
      const reported = Schedule.modifyDelay(schedule, ({ duration, input }) =>
        Effect.sync(() => {
          notifyObserver(observe, {
            type: "retry",
            operation,
            attempt: attempts + 1,
            delayMs: Math.round(Duration.toMillis(duration)),
            reason: input._tag,
            ...(input.status === undefined ? {} : { status: input.status }),
          });
          return duration;
        }),
      );
      return withRetry(once, options, reported);
    });

  return { plain, observed };
};
