import { deref, operations, type Correction, type Json } from "./types.js";

const integerHeader = (description: string, example: number): Json => ({
  description,
  schema: { type: "integer", example },
});

export const rateLimitHeaders: Correction = {
  id: "rate-limit-headers",
  reason:
    "Front sends `x-ratelimit-limit`, `x-ratelimit-remaining` and `x-ratelimit-reset` (unix seconds) on every " +
    "response and `retry-after` (seconds) on a 429, plus `x-front-tier` when a burst limit was hit " +
    "(dev.frontapp.com/docs/rate-limiting). The published spec declares none, so clients cannot read them in a " +
    "typed way and the mock never sends them.",
  apply(doc) {
    doc.components.headers ??= {};
    Object.assign(doc.components.headers, {
      XRateLimitLimit: integerHeader("Requests allowed per minute for the company.", 100),
      XRateLimitRemaining: integerHeader("Requests left in the current window.", 99),
      XRateLimitReset: integerHeader("Unix time (seconds) at which the window resets.", 1767225600),
      RetryAfter: {
        description: "Seconds to wait before retrying (Front sends seconds; an HTTP date is also accepted by clients).",
        required: true,
        schema: { type: "string", example: "2" },
      },
      XFrontTier: {
        description: "The burst-limit tier that was exceeded, when the 429 came from a burst limit.",
        schema: { type: "string", example: "tier-1" },
      },
    });
    const rateHeaders = {
      "x-ratelimit-limit": { $ref: "#/components/headers/XRateLimitLimit" },
      "x-ratelimit-remaining": { $ref: "#/components/headers/XRateLimitRemaining" },
      "x-ratelimit-reset": { $ref: "#/components/headers/XRateLimitReset" },
    };
    const seen = new Set<Json>();
    const decorate = (status: string, response: Json) => {
      const target = deref(doc, response);
      if (seen.has(target)) return;
      seen.add(target);
      target.headers = { ...target.headers, ...rateHeaders };
      if (status === "429") {
        target.headers["retry-after"] = { $ref: "#/components/headers/RetryAfter" };
        target.headers["x-front-tier"] = { $ref: "#/components/headers/XFrontTier" };
      }
    };
    for (const { op } of operations(doc)) {
      for (const [status, response] of Object.entries<Json>(op.responses ?? {})) decorate(status, response);
    }
  },
};
