/**
 * Per-invocation accounting of HTTP attempts, read by `invokeDetailed`.
 *
 * A fiber-local reference rather than service state, so concurrent invocations
 * on one Front service each see only their own attempts.
 */
import type { RateLimitInfo } from "@frontkit/core";
import { Context } from "effect";

/** Mutable counters one invocation accumulates. */
export interface RequestMeter {
  /** HTTP attempts sent, retries included. */
  attempts: number;
  /** Rate-limit headers of the last response seen. */
  rateLimit: RateLimitInfo;
}

/** Creates empty counters. */
export const makeRequestMeter = (): RequestMeter => ({ attempts: 0, rateLimit: {} });

/** The meter of the current invocation, if someone is measuring. */
export const CurrentRequestMeter = Context.Reference<RequestMeter | undefined>("@frontkit/tools/CurrentRequestMeter", {
  defaultValue: () => undefined,
});
