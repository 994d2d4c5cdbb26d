import type { RateLimitInfo } from "../rate-limit.js";

/** Front answered 2xx but the body could not be read as the JSON it should be. */
export class FrontResponseError extends Error {
  override readonly name = "FrontResponseError";
  readonly status: number;
  readonly requestId: string | undefined;
  readonly rateLimit: RateLimitInfo;

  constructor(fields: { status: number; message: string; requestId?: string | undefined; rateLimit: RateLimitInfo }) {
    super(fields.message);
    this.status = fields.status;
    this.requestId = fields.requestId;
    this.rateLimit = fields.rateLimit;
  }
}
