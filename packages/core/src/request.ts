import type { FetchResponse } from "openapi-fetch";
import { type FrontClient, senderOf } from "./client.js";
import { FrontInputError } from "./errors/front-input-error.js";
import type { paths } from "./generated/schema.js";
import { PATH_TEMPLATES } from "./path-templates.js";
import type { SendInit } from "./send.js";
import type { HttpMethod, OperationInit, PathsWithMethod } from "./types.js";

type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
// The init is optional exactly when the operation needs no path params and no body.
type InitArgs<Init> = [RequiredKeys<Init>] extends [never] ? [init?: Init] : [init: Init];

/** Per-request controls of the lean path, beside openapi-fetch's init. */
export interface RequestControls {
  /** Overrides the client's timeout for this request, in ms. */
  readonly timeoutMs?: number | undefined;
  /** Receives the function that cancels this request (cheaper than a `signal` for callers that manage cancellation). */
  readonly onCancel?: ((cancel: (reason?: unknown) => void) => void) | undefined;
}

/**
 * The init of a typed request: the spec's `params` (path, query) and `body` for that method and path, plus the
 * lean path's options (`headers`, `signal`, `parseAs`, `timeoutMs`, `onCancel`). Built from the operation rather
 * than openapi-fetch's `MaybeOptionalInit`, which costs more type instantiations per call in a consumer.
 */
export type RequestInitFor<M extends HttpMethod, P extends PathsWithMethod<M>> = OperationInit<M, P>;

/** The result of a typed request: `{ data, error, response }` as openapi-fetch gives it. */
export type RequestResult<M extends HttpMethod, P extends PathsWithMethod<M>, Init> = FetchResponse<
  paths[P][M & keyof paths[P]] & Record<string | number, any>,
  Init,
  "application/json"
>;

const METHODS: ReadonlySet<string> = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/**
 * Calls any operation of the spec by method and path template, typed from the spec: the path must exist,
 * declare the method, and `params`/`body` must be what the spec says. At runtime the template and method are
 * checked against the spec's list too (for callers that build them from strings), before anything is sent.
 */
export const request = <M extends HttpMethod, P extends PathsWithMethod<M>, Init extends RequestInitFor<M, P>>(
  client: FrontClient,
  method: M,
  path: P,
  ...[init]: InitArgs<Init>
): Promise<RequestResult<M, P, Init>> => {
  if (typeof method !== "string" || !METHODS.has(method)) {
    return Promise.reject(new FrontInputError("method", `Unknown HTTP method ${JSON.stringify(method)}; use get, post, put, patch or delete`));
  }
  const methods = PATH_TEMPLATES[path as string];
  if (methods === undefined) {
    return Promise.reject(new FrontInputError("path", `${JSON.stringify(path)} is not a path template of the Front Core API`));
  }
  if (!methods.includes(method)) {
    return Promise.reject(
      new FrontInputError("method", `${method.toUpperCase()} is not defined for ${path as string}; it allows ${methods.map((m) => m.toUpperCase()).join(", ")}`),
    );
  }
  const send = senderOf(client);
  if (send !== undefined) return send(method, path as string, init as SendInit | undefined) as Promise<RequestResult<M, P, Init>>;
  // A client from another copy of core (e.g. the CJS build beside the ESM one): its own openapi-fetch path,
  // which knows only signals.
  const call = client.request as unknown as (m: string, p: string, i?: unknown) => Promise<RequestResult<M, P, Init>>;
  const { onCancel, ...rest } = (init ?? {}) as SendInit;
  if (onCancel === undefined) return call(method, path as string, init);
  const controller = new AbortController();
  onCancel((reason) => controller.abort(reason));
  return call(method, path as string, { ...rest, signal: rest.signal ? AbortSignal.any([rest.signal, controller.signal]) : controller.signal });
};
