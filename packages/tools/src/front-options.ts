/** The numeric options of a Front service, checked before anything is built: a bad one is InvalidInput naming it. */
import { Duration, Effect } from "effect";
import { DEFAULT_MAX_CALL_BYTES } from "./call-budget.js";
import { invalidInput, type InvalidInput } from "./errors.js";
import { DEFAULT_MAX_RETRY_AFTER_MS, FrontRetry, type FrontRetrySchedule, makeFrontRetry } from "./retry.js";

const DEFAULT_CACHE_TTL_MS = 5 * 60_000;

/** The options this module reads (a part of FrontConfig). */
export interface FrontBudgetConfig {
  readonly maxCallBytes?: number | undefined;
  readonly maxListPages?: number | undefined;
  readonly retry?: FrontRetrySchedule | undefined;
  readonly maxRetryAfter?: Duration.Input | undefined;
  readonly cacheTtl?: Duration.Input | undefined;
}

/** The options resolved: defaults applied, values checked. */
export interface FrontBudget {
  readonly maxCallBytes: number;
  /** Absent: collectAll's own default (pagination.ts) applies. */
  readonly maxListPages: number | undefined;
  readonly maxRetryAfterMs: number;
  readonly schedule: FrontRetrySchedule;
  readonly cacheTtlMs: number;
}

const isPositiveWhole = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n > 0;

const invalidOption = (path: "maxCallBytes" | "maxListPages", message: string): InvalidInput =>
  invalidInput([{ path, message }], { summary: "Invalid Front configuration", setting: path });

/** Resolves the budget options of a configuration. */
export const resolveFrontBudget = (config: FrontBudgetConfig): Effect.Effect<FrontBudget, InvalidInput> => {
  const maxCallBytes = config.maxCallBytes ?? DEFAULT_MAX_CALL_BYTES;
  if (!isPositiveWhole(maxCallBytes)) return Effect.fail(invalidOption("maxCallBytes", "maxCallBytes must be a positive whole number of bytes"));
  const maxListPages = config.maxListPages;
  if (maxListPages !== undefined && !isPositiveWhole(maxListPages)) {
    return Effect.fail(invalidOption("maxListPages", "maxListPages must be a positive whole number of pages"));
  }
  const maxRetryAfterMs = Duration.toMillis(config.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER_MS);
  const schedule = config.retry ?? (config.maxRetryAfter === undefined ? FrontRetry.default : makeFrontRetry({ maxRetryAfter: maxRetryAfterMs }));
  return Effect.succeed({ maxCallBytes, maxListPages, maxRetryAfterMs, schedule, cacheTtlMs: Duration.toMillis(config.cacheTtl ?? DEFAULT_CACHE_TTL_MS) });
};
