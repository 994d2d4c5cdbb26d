import * as openapiFetch from "openapi-fetch";

type CreateClient = typeof openapiFetch.default;

// openapi-fetch's CommonJS build sets `exports.default` without `__esModule`, so in our CJS bundle a
// default import yields the whole exports object; ESM yields the function. Accept both.
const candidate: unknown = openapiFetch.default;

/** openapi-fetch's `createClient`, resolved the same way under ESM and CommonJS. */
export const createClient: CreateClient =
  typeof candidate === "function" ? (candidate as CreateClient) : (candidate as { default: CreateClient }).default;
