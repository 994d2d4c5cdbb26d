/**
 * @frontkit/tools/promise — the Promise facade alone, for integrators who do not use Effect.
 *
 * Same runtime as `createFrontTools` from `@frontkit/tools` (the build points this entry at the main
 * bundle, so errors are the same classes), typed with plain declarations (facade-types.ts, and the tools' types
 * generated from their schemas at build time): a consumer's `tsc` does not load Effect's declarations, which made
 * typechecking a Promise consumer several times slower than an empty file (issue 7).
 */
import { createFrontTools as createFrontToolsEffectTyped, isFrontToolError as isFrontToolErrorEffectTyped } from "./index.js";
import type { FrontTools, FrontToolsOptions, FrontToolFailure } from "./facade-types.js";

export type * from "./facade-types.js";

/**
 * Creates the Promise facade: one instance = one token = one rate limiter and tag/inbox cache. Calls reject with
 * {@link FrontToolFailure} errors. Throws InvalidInput synchronously on a bad token, base URL or option.
 */
// The assignment is also a compile-time check that the plain option and method types fit the real facade.
export const createFrontTools: (options: FrontToolsOptions) => FrontTools = createFrontToolsEffectTyped;

/** True for the errors tool calls reject with (instances, or their JSON form with a known `_tag`). */
export const isFrontToolError: (u: unknown) => u is FrontToolFailure = isFrontToolErrorEffectTyped;
