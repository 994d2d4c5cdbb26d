/**
 * The one rule for what may be a Front API token, used wherever a token enters frontkit: the Promise facade
 * and the `Front` layers (through `makeFront`), the MCP bin's FRONT_API_TOKEN and its HTTP bearer tokens,
 * the Spojit connection and the n8n credential. One rule, so a token one entry point accepts is never
 * refused by another.
 *
 * - Surrounding whitespace is a paste artefact (a trailing newline from `cat token.txt`): it is trimmed.
 * - Nothing but printable ASCII without spaces inside: the token goes into an HTTP header verbatim, and a
 *   space, line break, control or non-ASCII character cannot be part of a Front token.
 * - At least MIN_FRONT_TOKEN_LENGTH characters: Front's API tokens (and OAuth access tokens) are JWTs,
 *   hundreds of characters long (Front's docs do not state a length; the floor is kept far below any JWT so
 *   no real token is refused). Anything shorter is a placeholder or half a paste, and could not be scrubbed
 *   from output without mangling ordinary words.
 * - At most MAX_FRONT_TOKEN_LENGTH characters: far above any JWT, well below what an HTTP server takes in
 *   one header.
 *
 * Messages say what is wrong and what to do, with lengths and positions but never the token itself.
 */

/** Shortest token accepted (see the module comment for why). */
export const MIN_FRONT_TOKEN_LENGTH = 16;
/** Longest token accepted. */
export const MAX_FRONT_TOKEN_LENGTH = 4096;

/** Where a Front API token comes from, said once for every message. */
const WHERE = "create one in Front (Settings → Developers → API tokens) and paste it whole";

/** The outcome of checking a token: the token to send (trimmed), or what is wrong with it. */
export type FrontTokenCheck = { readonly ok: true; readonly token: string } | { readonly ok: false; readonly problem: string };

/** Checks a candidate token against the rule; the problem, when there is one, never contains the token. */
export const checkFrontToken = (raw: unknown): FrontTokenCheck => {
  if (typeof raw !== "string") return { ok: false, problem: `The Front API token is missing; ${WHERE}.` };
  const token = raw.trim();
  if (token === "") return { ok: false, problem: `The Front API token is empty; ${WHERE}.` };
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code < 0x21 || code > 0x7e) {
      const what = code === 0x20 || code === 0x09 ? "a space" : code === 0x0a || code === 0x0d ? "a line break" : code < 0x20 || code === 0x7f ? "a control character" : "a non-ASCII character";
      return {
        ok: false,
        problem: `The Front API token contains ${what} (character ${i + 1} of ${token.length}); a Front token is one word of printable ASCII. Paste it again without surrounding text.`,
      };
    }
  }
  if (token.length < MIN_FRONT_TOKEN_LENGTH) {
    return {
      ok: false,
      problem: `The Front API token is too short (${token.length} characters; Front's tokens are long JWTs and frontkit needs at least ${MIN_FRONT_TOKEN_LENGTH}). It looks like a placeholder or part of a token; ${WHERE}.`,
    };
  }
  if (token.length > MAX_FRONT_TOKEN_LENGTH) {
    return {
      ok: false,
      problem: `The Front API token is too long (${token.length} characters; at most ${MAX_FRONT_TOKEN_LENGTH}). Something else was pasted with it; ${WHERE}.`,
    };
  }
  return { ok: true, token };
};
