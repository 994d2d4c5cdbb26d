import { pathTemplates } from "./generated/paths.js";
import type { HttpMethod } from "./types.js";

/** Every path template of the spec (e.g. `/contacts/{contact_id}`) with its methods, generated at build time. */
export const PATH_TEMPLATES: Readonly<Record<string, ReadonlyArray<HttpMethod>>> = pathTemplates;

/** A concrete path matched to its spec template. */
export interface PathMatch {
  /** The spec template, e.g. `/contacts/{contact_id}`. */
  readonly template: string;
  /** Path parameters by name, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** Methods the template declares. */
  readonly methods: ReadonlyArray<HttpMethod>;
}

const splitTemplate = (template: string) => template.split("/").slice(1);
const PARAM = /^\{([^{}]+)\}$/;

/**
 * Finds the spec template a concrete relative path (`/contacts/crd_1`, no query) belongs to. Literal
 * segments win over parameters (`/contacts/merge` is not `/contacts/{contact_id}`). Absolute URLs,
 * `//host`, dot segments, empty segments and undecodable escapes never match.
 */
export const matchPathTemplate = (
  path: string,
  templates: Readonly<Record<string, ReadonlyArray<HttpMethod>>> = PATH_TEMPLATES,
): PathMatch | undefined => {
  if (typeof path !== "string" || !path.startsWith("/") || path.startsWith("//") || /[?#\\\s]/.test(path)) return undefined;
  const segments = path.split("/").slice(1);
  const decoded: string[] = [];
  for (const segment of segments) {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    if (value === "" || value === "." || value === "..") return undefined;
    decoded.push(value);
  }
  let best: { match: PathMatch; literals: number } | undefined;
  for (const [template, methods] of Object.entries(templates)) {
    const parts = splitTemplate(template);
    if (parts.length !== decoded.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const part = parts[i]!;
      const name = PARAM.exec(part)?.[1];
      if (name !== undefined) params[name] = decoded[i]!;
      else if (part === segments[i]) literals++;
      else ok = false;
    }
    if (ok && (best === undefined || literals > best.literals)) best = { match: { template, params, methods }, literals };
  }
  return best?.match;
};
