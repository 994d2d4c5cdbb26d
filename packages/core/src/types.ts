import type { PathsByMethod } from "./generated/path-unions.js";
import type { paths } from "./generated/schema.js";

/** HTTP methods an OpenAPI path item can declare. */
export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** Paths of the spec that declare `Method`. */
// A lookup in a generated literal union, not a mapped type over `paths`: every typed call checks its path
// against this, and mapping 147 path items each time made up most of a consumer's typecheck time.
export type PathsWithMethod<Method extends HttpMethod> = PathsByMethod[Method];

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | 207 | "2XX";

/** The JSON body of an operation's 2xx answer. */
export type SuccessBody<Op> = Op extends { responses: infer R }
  ? {
      [S in keyof R & SuccessStatus]: R[S] extends { content: { "application/json": infer B } } ? B : never;
    }[keyof R & SuccessStatus]
  : never;

/** The JSON body of `GET path`'s 2xx answer. */
export type GetResponseBody<P extends PathsWithMethod<"get">> = SuccessBody<paths[P]["get"]>;
