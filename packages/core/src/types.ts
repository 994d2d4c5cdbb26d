import type { RequestBodyOption } from "openapi-fetch";
import type { PathsByMethod } from "./generated/path-unions.js";
import type { paths } from "./generated/schema.js";
import type { SendInit } from "./send.js";

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

/** The operation object of `Method path` in the spec. */
export type OperationOf<Method extends HttpMethod, P extends PathsWithMethod<Method>> = paths[P][Method & keyof paths[P]];

// openapi-typescript always emits `parameters`; the fallback is openapi-fetch's default for an operation without.
type OperationParameters<Op> = Op extends { parameters: infer X } ? X : { query?: Record<string, unknown> };

/**
 * The spec's `params` and `body` of an operation, each required exactly when openapi-fetch's init requires it
 * (what a typed call must carry; transport options come on top).
 */
// Built from the operation directly rather than openapi-fetch's `MaybeOptionalInit`: for a generic path that
// type's parameter check is evaluated across every operation, ~20k type instantiations per typed call in a
// consumer (issue 7); this is ~1k. test/operation-init.test-d.ts proves params and body equal for every operation.
export type OperationRequest<Method extends HttpMethod, P extends PathsWithMethod<Method>> = ({} extends OperationParameters<
  OperationOf<Method, P>
>
  ? { params?: OperationParameters<OperationOf<Method, P>> }
  : { params: OperationParameters<OperationOf<Method, P>> }) &
  RequestBodyOption<OperationOf<Method, P>>;

/** The init of a typed request on core's lean path: the operation's params and body plus the options the lean sender honours. */
export type OperationInit<Method extends HttpMethod, P extends PathsWithMethod<Method>> = OperationRequest<Method, P> &
  Omit<SendInit, "params" | "body">;
