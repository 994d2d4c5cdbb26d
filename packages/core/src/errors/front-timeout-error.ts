import { FRONT_ERROR_KIND } from "./error-kind.js";

/** The request (including reading its body) took longer than the configured `timeoutMs`; distinct from a caller's abort. */
export class FrontTimeoutError extends Error {
  override readonly name = "FrontTimeoutError";
  /** The brand other packages recognise it by (error-kind.ts). */
  readonly [FRONT_ERROR_KIND] = "FrontTimeoutError" as const;
  readonly timeoutMs: number;
  readonly method: string;
  /** The path only (no query string), so page tokens and search terms stay out of logs. */
  readonly path: string;

  constructor(fields: { timeoutMs: number; method: string; path: string }) {
    super(`Front did not answer ${fields.method} ${fields.path} within ${fields.timeoutMs} ms`);
    this.timeoutMs = fields.timeoutMs;
    this.method = fields.method;
    this.path = fields.path;
  }
}
