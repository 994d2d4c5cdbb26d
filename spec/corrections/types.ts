/** A JSON object as found in an OpenAPI document. */
export type Json = { [key: string]: any };

/** One correction to Front's published spec, written from Front's documented behaviour. */
export interface Correction {
  /** Stable id, printed by the build and asserted by the tests. */
  readonly id: string;
  /** Why the upstream spec is wrong or incomplete, with the Front behaviour it encodes. */
  readonly reason: string;
  /** Mutates the (already cloned) document in place. */
  readonly apply: (doc: Json) => void;
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** Every operation of the document with its path and method. */
export function* operations(doc: Json): Generator<{ path: string; method: string; op: Json }> {
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (op) yield { path, method, op };
    }
  }
}

/** Follows a local `$ref` (one level). */
export function deref(doc: Json, node: Json): Json {
  if (typeof node?.$ref !== "string") return node;
  let target: any = doc;
  for (const part of node.$ref.replace(/^#\//, "").split("/")) target = target?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  if (target === undefined) throw new Error(`Unresolvable $ref ${node.$ref}`);
  return target;
}
