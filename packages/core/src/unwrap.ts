import { parseFrontError } from "./errors/front-api-error.js";

/** Returns `data` of a successful openapi-fetch result, or throws the {@link FrontApiError} of a failed one. */
export const unwrap = <D>(result: { data?: D; error?: unknown; response: Response }): D => {
  if (!result.response.ok) throw parseFrontError(result.response, result.error);
  return result.data as D;
};
