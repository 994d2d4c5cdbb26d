/**
 * Safety and matching of the paths raw-api-request accepts.
 *
 * A path is only ever sent as a spec template filled with its parameters on
 * the configured base URL, but it is still refused up front when it carries any
 * trick that could mean a different host or endpoint to some URL parser on the
 * way: absolute URLs, `//host`, backslashes, encoded slashes/dots/backslashes,
 * double encoding, dot segments, control characters, `@`, and Unicode
 * look-alikes of `/`, `\` and `.`.
 */
import { type HttpMethod, matchPathTemplate, PATH_TEMPLATES, type PathMatch } from "@frontkit/core";
import { editDistance } from "./near-matches.js";

/** Why a path was refused, or the template it matched. */
export type PathCheck =
  | { readonly _tag: "Refused"; readonly field: "path" | "method"; readonly reason: string }
  | { readonly _tag: "Matched"; readonly match: PathMatch };

// Characters that render as, or normalise to, a slash, backslash or dot.
const LOOKALIKES = /[\u2044\u2215\u2216\u2571\u2572\u29F5\u29F8\u29F9\u3033\u30FB\uFE52\uFE68\uFF0E\uFF0F\uFF3C\uFF61\u2024\u2025\u2026\u3002\u0338\u337F]/u;
// ASCII control characters and DEL, literal.
const CONTROL = /[\u0000-\u001F\u007F]/u;
// Percent-escapes of / \ . %, and of control characters.
const ENCODED_TRICK = /%(?:2f|5c|2e|25|[01][0-9a-f]|7f)/iu;

const refuse = (reason: string, field: "path" | "method" = "path"): PathCheck => ({ _tag: "Refused", field, reason });

/** Refuses unsafe paths; undefined when the path is safe to match. */
export const unsafePathReason = (path: string): string | undefined => {
  if (path.length === 0) return "must not be empty; give a Core API path such as /conversations/cnv_123";
  if (path.length > 2_048) return "is too long (over 2048 characters)";
  if (CONTROL.test(path)) return "contains control characters (e.g. CR/LF); remove them";
  if (/^[a-z][a-z0-9+.-]*:/iu.test(path)) return "must be a path relative to the Front API base URL (like /contacts), not an absolute URL";
  if (path.startsWith("//")) return "must not start with // (that names another host); give a path such as /contacts";
  if (!path.startsWith("/")) return "must start with /, e.g. /conversations/cnv_123";
  if (path.includes("\\")) return "must not contain backslashes";
  if (path.includes("@")) return "must not contain @; percent-encode it as %40 inside an id or alias";
  if (/[?#]/u.test(path)) return "must not contain ? or #; pass query parameters in `query`";
  if (/\s/u.test(path)) return "must not contain whitespace; percent-encode it inside an id";
  if (/[^\u0021-\u007E]/u.test(path)) return "must be ASCII; percent-encode other characters inside an id";
  if (ENCODED_TRICK.test(path)) return "must not contain percent-encoded slashes, backslashes, dots, percent signs or control characters (%2F %5C %2E %25 …)";
  const segments = path.split("/").slice(1);
  for (const segment of segments) {
    if (segment === "." || segment === "..") return "must not contain . or .. segments";
    if (segment === "") return path.endsWith("/") && segments.length > 1 ? "must not end with /" : "must not contain empty segments (//)";
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return `has an invalid percent-escape in ${JSON.stringify(segment)}`;
    }
    const folded = decoded.normalize("NFKC");
    if (LOOKALIKES.test(decoded) || /[/\\]/u.test(folded) || folded === "." || folded === ".." || CONTROL.test(folded)) {
      return "must not contain characters that look like or normalise to /, \\ or . (Unicode look-alikes)";
    }
  }
  return undefined;
};

const PARAM = /^\{[^{}]+\}$/u;

/** The spec templates closest to a path that matched none: same depth and shared literal segments first. */
export const nearTemplates = (
  path: string,
  templates: Readonly<Record<string, ReadonlyArray<HttpMethod>>> = PATH_TEMPLATES,
  limit = 5,
): ReadonlyArray<string> => {
  const given = path.split("/").slice(1);
  const scored = Object.keys(templates).map((template) => {
    const parts = template.split("/").slice(1);
    let cost = Math.abs(parts.length - given.length) * 3;
    for (let i = 0; i < Math.min(parts.length, given.length); i++) {
      const part = parts[i]!;
      const seg = given[i]!;
      if (PARAM.test(part)) continue;
      const d = editDistance(part, seg.toLowerCase());
      // A parameter slot filled with an id costs less than a wrong literal.
      cost += d === 0 ? 0 : Math.min(3, d / Math.max(1, part.length) * 4 + 0.5);
    }
    return { template, cost };
  });
  return scored
    .sort((a, b) => a.cost - b.cost || a.template.localeCompare(b.template))
    .slice(0, limit)
    .map((s) => s.template);
};

const upper = (methods: ReadonlyArray<string>) => methods.map((m) => m.toUpperCase()).join(", ");

const shapeOf = (template: string): string => template.replace(/\{[^{}]+\}/gu, "{}");

// The template declared with a trailing slash that has the matched template's shape and allows the method, with the
// path parameters renamed by position (PATCH /drafts/{message_id}/ beside DELETE /drafts/{draft_id}).
const slashedTwin = (match: PathMatch, method: HttpMethod): PathMatch | undefined => {
  const shape = `${shapeOf(match.template)}/`;
  const twin = Object.keys(PATH_TEMPLATES).find((t) => t.endsWith("/") && shapeOf(t) === shape && PATH_TEMPLATES[t]!.includes(method));
  if (twin === undefined) return undefined;
  const values = (match.template.match(/\{[^{}]+\}/gu) ?? []).map((p) => match.params[p.slice(1, -1)]!);
  const names = (twin.match(/\{[^{}]+\}/gu) ?? []).map((p) => p.slice(1, -1));
  return { template: twin, params: Object.fromEntries(names.map((n, i) => [n, values[i]!])), methods: PATH_TEMPLATES[twin]! };
};

/** Checks a method and a concrete path against the spec; never sends anything. */
export const checkRawPath = (method: HttpMethod, path: string): PathCheck => {
  const unsafe = unsafePathReason(path);
  if (unsafe !== undefined) return refuse(unsafe);
  const match = matchPathTemplate(path);
  if (match === undefined) {
    // The path is not echoed: whatever a caller pasted into it (a token, say) stays out of errors.
    return refuse(`matches no Front Core API path; closest documented paths: ${nearTemplates(path).join(", ")}`);
  }
  if (!match.methods.includes(method)) {
    // The spec declares two writes only on a template with a trailing slash (PATCH /comments/{comment_id}/ and
    // PATCH /drafts/{message_id}/). Paths ending in / are refused above, so the same path without it reaches them.
    const slashed = slashedTwin(match, method);
    if (slashed !== undefined) return { _tag: "Matched", match: slashed };
    return refuse(`${method.toUpperCase()} is not allowed on ${match.template}; it allows ${upper(match.methods)}`, "method");
  }
  return { _tag: "Matched", match };
};
