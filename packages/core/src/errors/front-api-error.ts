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

const stringDetails = (value: unknown): string[] => {
  if (!Array.isArray(value)) return [];
  return value.map((d) => (typeof d === "string" ? d : JSON.stringify(d)));
};

/** Builds a {@link FrontApiError} from a non-2xx response and its (already read) body, whatever the body is. */
export const parseFrontError = (response: Response, body: unknown): FrontApiError => {
  const rateLimit = parseRateLimit(response.headers);
  const requestId = response.headers.get("x-request-id") ?? undefined;
  const statusText = response.statusText || `HTTP ${response.status}`;
  if (isFrontErrorBody(body)) {
    const e = body._error as Record<string, unknown>;
    const title = typeof e["title"] === "string" && e["title"] ? e["title"] : statusText;
    const message =
      typeof e["message"] === "string" && e["message"] ? e["message"] : `Front answered ${response.status} ${title}`;
    return new FrontApiError({ status: response.status, title, message, details: stringDetails(e["details"]), requestId, rateLimit });
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
