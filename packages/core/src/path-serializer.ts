import { FrontInputError } from "./errors/front-input-error.js";

const PATH_PARAM = /\{([^{}]+)\}/g;

/**
 * Fills `{name}` placeholders with percent-encoded values. Unlike openapi-fetch's default it refuses a
 * missing or empty value and the dot segments `.`/`..`, which URL normalisation would turn into a
 * different endpoint: a bad id must fail here, before any request.
 */
export const frontPathSerializer = (pathname: string, pathParams: Record<string, unknown>): string =>
  pathname.replace(PATH_PARAM, (_match, name: string) => {
    const value = pathParams?.[name];
    if (typeof value !== "string" && typeof value !== "number") {
      throw new FrontInputError(`params.path.${name}`, `Path parameter ${name} is missing; it must be a non-empty string`);
    }
    const text = String(value);
    if (text.trim() === "" || text === "." || text === "..") {
      throw new FrontInputError(`params.path.${name}`, `Path parameter ${name} must be a non-empty id, not ${JSON.stringify(text)}`);
    }
    return encodeURIComponent(text);
  });
