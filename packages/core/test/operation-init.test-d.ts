// OperationInit restates the params/body part of openapi-fetch's init in a form that is cheap to check for a
// generic path (issue 7). These tests hold it to openapi-fetch's own typing for every operation of the spec:
// same `params`, same `body`, and required exactly when openapi-fetch requires them.
import type { MaybeOptionalInit } from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import type { HttpMethod, PathsWithMethod, paths } from "../src/index.js";
import type { OperationInit } from "../src/types.js";

type FetchInit<M extends HttpMethod, P extends PathsWithMethod<M>> = NonNullable<MaybeOptionalInit<paths[P], M>>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** `Method path` pairs whose `key` part (type, or required vs optional) differs from openapi-fetch's; must be none. */
type Mismatch<M extends HttpMethod, Key extends "params" | "body"> = {
  [P in PathsWithMethod<M>]: Same<Pick<OperationInit<M, P>, Key>, Pick<FetchInit<M, P>, Key>> extends true ? never : `${M} ${P}`;
}[PathsWithMethod<M>];

/** Operations whose whole init is optional in one typing and required in the other; must be none. */
type OptionalityMismatch<M extends HttpMethod> = {
  [P in PathsWithMethod<M>]: Same<{} extends OperationInit<M, P> ? true : false, {} extends FetchInit<M, P> ? true : false> extends true
    ? never
    : `${M} ${P}`;
}[PathsWithMethod<M>];

describe("OperationInit", () => {
  it("has openapi-fetch's params for every operation", () => {
    expectTypeOf<Mismatch<"get", "params">>().toBeNever();
    expectTypeOf<Mismatch<"post", "params">>().toBeNever();
    expectTypeOf<Mismatch<"put", "params">>().toBeNever();
    expectTypeOf<Mismatch<"patch", "params">>().toBeNever();
    expectTypeOf<Mismatch<"delete", "params">>().toBeNever();
  });

  it("has openapi-fetch's body for every operation", () => {
    expectTypeOf<Mismatch<"get", "body">>().toBeNever();
    expectTypeOf<Mismatch<"post", "body">>().toBeNever();
    expectTypeOf<Mismatch<"put", "body">>().toBeNever();
    expectTypeOf<Mismatch<"patch", "body">>().toBeNever();
    expectTypeOf<Mismatch<"delete", "body">>().toBeNever();
  });

  it("is optional exactly when openapi-fetch's init is", () => {
    expectTypeOf<OptionalityMismatch<"get">>().toBeNever();
    expectTypeOf<OptionalityMismatch<"post">>().toBeNever();
    expectTypeOf<OptionalityMismatch<"put">>().toBeNever();
    expectTypeOf<OptionalityMismatch<"patch">>().toBeNever();
    expectTypeOf<OptionalityMismatch<"delete">>().toBeNever();
  });

  it("refuses what the spec refuses, and options the lean path does not honour", () => {
    expectTypeOf<{ params: { path: { contact_id: string } } }>().toExtend<OperationInit<"get", "/contacts/{contact_id}">>();
    expectTypeOf<{ params: { path: { contact_id: number } } }>().not.toExtend<OperationInit<"get", "/contacts/{contact_id}">>();
    expectTypeOf<{}>().not.toExtend<OperationInit<"get", "/contacts/{contact_id}">>();
    expectTypeOf<{}>().toExtend<OperationInit<"get", "/me">>();
    expectTypeOf<{ params: { path: { conversation_id: string } } }>().not.toExtend<
      OperationInit<"post", "/conversations/{conversation_id}/messages">
    >();
    expectTypeOf<{ parseAs: "text"; timeoutMs: number }>().toExtend<OperationInit<"get", "/me">>();
    expectTypeOf<OperationInit<"get", "/me">>().not.toHaveProperty("baseUrl");
  });
});
