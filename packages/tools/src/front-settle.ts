/**
 * Reading Front's answer to one exchange: the call's byte budget charged, the rate-limit headers fed back to
 * the limiter and the request meter, and a non-2xx status turned into its typed error (http-errors.ts).
 */
import { parseRateLimit, type RateLimitInfo, responseBodyBytes } from "@frontkit/core";
import { Clock, Effect } from "effect";
import { CurrentCallBudget } from "./call-budget.js";
import { type FrontToolError, UnexpectedResponse } from "./errors.js";
import type { FetchResult } from "./front-exchange.js";
import { errorFromResponse } from "./http-errors.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { Redactor } from "./redact-secret.js";
import { CurrentRequestMeter } from "./request-meter.js";

/** Options of one request through the boundary. */
export interface RequestOptions {
  /** True when sending it twice is harmless (GET, PUT, DELETE, …); only then are 5xx and transport failures retried. */
  readonly idempotent: boolean;
  /** Non-2xx statuses to hand back instead of failing (e.g. 301 for merged conversations); `data` is then undefined. */
  readonly accept?: ReadonlyArray<number>;
}

/** A successful exchange. */
export interface FrontResponse<A> {
  readonly data: A;
  readonly status: number;
  readonly headers: Headers;
  readonly rateLimit: RateLimitInfo;
}

/**
 * The response headers as tools may see them: a Front (or a proxy) echoing the Authorization header into a
 * header (a request id, `x-front-tier`) must not carry the token into errors or results. Redacted once here,
 * so every reader of `headers` and `rateLimit` gets the clean copy; the common clean answer is not copied.
 */
const redactedHeaders = (headers: Headers, redact: Redactor): Headers => {
  let echoed = false;
  headers.forEach((value) => {
    if (!echoed && redact.text(value) !== value) echoed = true;
  });
  if (!echoed) return headers;
  const clean = new Headers();
  headers.forEach((value, name) => clean.append(name, redact.text(value)));
  return clean;
};

const overBudget = (operation: string, bytes: number, maxCallBytes: number): UnexpectedResponse =>
  new UnexpectedResponse({
    retryable: false,
    operation,
    setting: "maxCallBytes",
    message: `The call stopped reading Front's answers for ${operation}: together they exceed the per-call budget of ${maxCallBytes} bytes (${bytes} read; the maxCallBytes option).`,
  });

/** What settling needs from its service. */
export interface SettleContext {
  readonly limiter: RateLimiter;
  readonly redact: Redactor;
  readonly maxCallBytes: number;
}

/** The settle step of one service: reads an answer, or fails with its typed error. */
export const makeSettle =
  ({ limiter, redact, maxCallBytes }: SettleContext) =>
  <A>(operation: string, result: FetchResult<A>, options: RequestOptions): Effect.Effect<FrontResponse<A>, FrontToolError> =>
    Effect.withFiber<FrontResponse<A>, FrontToolError>((fiber) => {
      const now = fiber.getRef(Clock.Clock).currentTimeMillisUnsafe();
      const meter = fiber.getRef(CurrentRequestMeter);
      const { response } = result;
      const headers = redactedHeaders(response.headers, redact);
      const budget = fiber.getRef(CurrentCallBudget);
      if (budget !== undefined) {
        budget.bytes += responseBodyBytes(response) ?? 0;
        if (budget.bytes > maxCallBytes) return Effect.fail(overBudget(operation, budget.bytes, maxCallBytes));
      }
      const rateLimit = parseRateLimit(headers, now);
      limiter.observe(rateLimit, now);
      if (meter !== undefined) meter.rateLimit = rateLimit;
      const status = response.status;
      if (status === 429) limiter.trip(rateLimit.retryAfterMs, now, { operation, tier: rateLimit.tier, remaining: rateLimit.remaining });
      const accepted = options.accept?.includes(status) ?? false;
      if ((status < 200 || status > 299) && !accepted) {
        return Effect.fail(
          errorFromResponse({
            operation,
            status,
            body: result.error,
            requestId: headers.get("x-request-id") ?? undefined,
            rateLimit,
            idempotent: options.idempotent,
            scrub: redact.text,
          }),
        );
      }
      return Effect.succeed({ data: (accepted && !response.ok ? undefined : result.data) as A, status, headers, rateLimit });
    });
