import { FRONT_ERROR_KIND } from "./error-kind.js";
import { parseRateLimit, type RateLimitInfo } from "../rate-limit.js";

/** Front answered 2xx but the body could not be read as the JSON it should be. */
export class FrontResponseError extends Error {
  override readonly name = "FrontResponseError";
  /** The brand other packages recognise it by (error-kind.ts). */
  readonly [FRONT_ERROR_KIND] = "FrontResponseError" as const;
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

const SNIPPET_LENGTH = 200;

/** Front answered 2xx with a body that is not JSON (a proxy's HTML page, a truncated body): say what came back. */
export const notJsonError = (response: Response, text: string): FrontResponseError => {
  const kind = response.headers.get("content-type")?.split(";")[0]?.trim() || "no content type";
  const flat = text.replace(/\s+/g, " ").trim();
  const snippet = flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat;
  return new FrontResponseError({
    status: response.status,
    message: `Front answered ${response.status} with a body that is not valid JSON (${kind}): ${snippet}`,
    requestId: response.headers.get("x-request-id") ?? undefined,
    rateLimit: parseRateLimit(response.headers),
  });
};
