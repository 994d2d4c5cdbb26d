/**
 * How code outside core recognises core's errors: by a brand, not by `instanceof` or the `name` string. Two
 * copies of core can be loaded at once (the ESM and CJS builds, or two versions in one install), and then
 * `instanceof` fails across them; a `name` is any error's to set. The brand is a `Symbol.for` key, the same
 * in every copy, that only core's error classes carry.
 */
import type { FrontApiError } from "./front-api-error.js";
import type { FrontInputError } from "./front-input-error.js";
import type { FrontResponseError } from "./front-response-error.js";
import type { FrontTimeoutError } from "./front-timeout-error.js";

/** The brand's key on core's error instances. */
export const FRONT_ERROR_KIND: unique symbol = Symbol.for("@frontkit/core/error-kind") as never;

/** Core's error classes by their kind. */
export interface FrontCoreErrors {
  readonly FrontApiError: FrontApiError;
  readonly FrontInputError: FrontInputError;
  readonly FrontResponseError: FrontResponseError;
  readonly FrontTimeoutError: FrontTimeoutError;
}

/** The kind of one of core's errors. */
export type FrontErrorKind = keyof FrontCoreErrors;

/** The kind of `u` when it is one of core's errors (from any copy of core), else undefined. */
export const frontErrorKind = (u: unknown): FrontErrorKind | undefined => {
  if (typeof u !== "object" || u === null) return undefined;
  const kind = (u as { [FRONT_ERROR_KIND]?: unknown })[FRONT_ERROR_KIND];
  return kind === "FrontApiError" || kind === "FrontInputError" || kind === "FrontResponseError" || kind === "FrontTimeoutError"
    ? kind
    : undefined;
};

/** True when `u` is core's error of that kind, whichever copy of core made it. */
export const isFrontError = <K extends FrontErrorKind>(u: unknown, kind: K): u is FrontCoreErrors[K] => frontErrorKind(u) === kind;
