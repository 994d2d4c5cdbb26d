import { operations, type Correction } from "./types.js";

/** Statuses Front answers with its `_error` envelope, and what each means for a caller. */
export const ERROR_STATUSES = {
  "400": ["Bad request", "The request was malformed or a parameter is invalid."],
  "401": ["Unauthorized", "The API token is missing, invalid or revoked."],
  "403": ["Forbidden", "The token lacks the scope or permission for this resource."],
  "404": ["Not found", "The resource does not exist or the token cannot see it."],
  "409": ["Conflict", "The resource already exists or is in a conflicting state."],
  "422": ["Unprocessable entity", "The request body failed validation."],
  "429": ["Too many requests", "The company's rate limit or a burst limit was hit; wait for retry-after seconds."],
  "5XX": ["Server error", "Front could not process the request; safe requests may be retried with backoff."],
} as const;

export const errorResponses: Correction = {
  id: "error-responses",
  reason:
    "Front answers every failed request with a JSON body `{ _error: { status, title, message, details } }` " +
    "(dev.frontapp.com/docs/errors), but the published spec declares error responses on only five operations " +
    "and never their body. Without them the generated client cannot type failures and Prism cannot mock them.",
  apply(doc) {
    doc.components.schemas.FrontError = {
      type: "object",
      description: "Front's error envelope.",
      required: ["_error"],
      properties: {
        _error: {
          type: "object",
          required: ["status", "title", "message"],
          properties: {
            status: { type: "integer", description: "HTTP status code.", example: 404 },
            title: { type: "string", description: "Short name of the status.", example: "Not found" },
            message: { type: "string", description: "What went wrong.", example: "Resource not found" },
            details: {
              type: "array",
              description: "Further details, such as the fields that failed validation.",
              items: { type: "string" },
            },
          },
        },
      },
    };
    for (const [status, [title, message]] of Object.entries(ERROR_STATUSES)) {
      doc.components.responses[`FrontError${status}`] = {
        description: `${title}. ${message}`,
        content: {
          "application/json": {
            schema: { $ref: "#/components/schemas/FrontError" },
            example: { _error: { status: status === "5XX" ? 500 : Number(status), title, message } },
          },
        },
      };
    }
    for (const { op } of operations(doc)) {
      op.responses ??= {};
      for (const status of Object.keys(ERROR_STATUSES)) {
        op.responses[status] = { $ref: `#/components/responses/FrontError${status}` };
      }
    }
  },
};
