import { FRONT_ERROR_KIND } from "./error-kind.js";
import { parseRateLimit, type RateLimitInfo } from "../rate-limit.js";

/** Front's error body: `{ "_error": { status, title, message, details } }`. */
export interface FrontErrorBody {
  readonly _error: {
    readonly status: number;
    readonly title: string;
    readonly message: string;
    readonly details?: ReadonlyArray<string>;
  };
}

/** Fields of a {@link FrontApiError}. */
export interface FrontApiErrorFields {
  readonly status: number;
  readonly title: string;
  readonly message: string;
  readonly details: ReadonlyArray<string>;
  readonly requestId?: string | undefined;
  readonly rateLimit: RateLimitInfo;
}

/** Front answered with a non-2xx status; carries Front's `_error` fields and the rate-limit headers. */
export class FrontApiError extends Error {
  override readonly name = "FrontApiError";
  /** The brand other packages recognise it by (error-kind.ts). */
  readonly [FRONT_ERROR_KIND] = "FrontApiError" as const;
  readonly status: number;
  readonly title: string;
  readonly details: ReadonlyArray<string>;
  readonly requestId: string | undefined;
  readonly rateLimit: RateLimitInfo;

  constructor(fields: FrontApiErrorFields) {
    super(fields.message);
    this.status = fields.status;
    this.title = fields.title;
    this.details = fields.details;
    this.requestId = fields.requestId;
    this.rateLimit = fields.rateLimit;
  }
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u);

/** True when `body` has Front's `_error` shape. */
export const isFrontErrorBody = (body: unknown): body is FrontErrorBody =>
  isRecord(body) && isRecord(body["_error"]);

// Enough of an unexpected body to recognise it (an HTML error page, a proxy message) without flooding logs.
const SNIPPET_LENGTH = 200;

const describeBody = (body: unknown, contentType: string | null): string => {
  if (body === undefined || body === null || body === "") return "an empty body";
  const kind = contentType ? contentType.split(";")[0]!.trim() : "no content type";
  if (typeof body === "string") {
    const looksHtml = /^\s*<(?:!doctype|html|head|body)/i.test(body) || kind === "text/html";
    const text = body.replace(/\s+/g, " ").trim();
    const snippet = text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH)}…` : text;
    return looksHtml ? `an HTML page (${kind}): ${snippet}` : `a non-JSON body (${kind}): ${snippet}`;
  }
  const json = JSON.stringify(body);
  const snippet = json.length > SNIPPET_LENGTH ? `${json.slice(0, SNIPPET_LENGTH)}…` : json;
  return `JSON without Front's _error field: ${snippet}`;
};

/** What Front's `_error` body says: its title and message when they are non-empty text, its details as text. */
export interface FrontErrorParts {
  readonly title?: string;
  readonly message?: string;
  readonly details: ReadonlyArray<string>;
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/**
 * The one reader of Front's error body (`{"_error": {status, title, message, details}}`): what it says, or
 * undefined when the body is not that shape. Fields of the wrong type are left out, so a partial body still
 * yields what it has; details that are not strings are given as JSON.
 */
export const readFrontErrorBody = (body: unknown): FrontErrorParts | undefined => {
  if (!isFrontErrorBody(body)) return undefined;
  const e = body._error as Record<string, unknown>;
  const title = text(e["title"]);
  const message = text(e["message"]);
  const details = Array.isArray(e["details"]) ? e["details"].map((d) => (typeof d === "string" ? d : JSON.stringify(d))) : [];
  return { ...(title === undefined ? {} : { title }), ...(message === undefined ? {} : { message }), details };
};

/** Builds a {@link FrontApiError} from a non-2xx response and its (already read) body, whatever the body is. */
export const parseFrontError = (response: Response, body: unknown): FrontApiError => {
  const rateLimit = parseRateLimit(response.headers);
  const requestId = response.headers.get("x-request-id") ?? undefined;
  const statusText = response.statusText || `HTTP ${response.status}`;
  const said = readFrontErrorBody(body);
  if (said !== undefined) {
    const title = said.title ?? statusText;
    const message = said.message ?? `Front answered ${response.status} ${title}`;
    return new FrontApiError({ status: response.status, title, message, details: said.details, requestId, rateLimit });
  }
  return new FrontApiError({
    status: response.status,
    title: statusText,
    message: `Front answered ${response.status} ${statusText} with ${describeBody(body, response.headers.get("content-type"))}`,
    details: [],
    requestId,
    rateLimit,
  });
};
