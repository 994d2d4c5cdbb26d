// The path unions are generated as literal types for typecheck speed (issue 7); these tests keep them honest by
// comparing them with the same sets computed from `paths` by mapped types, so a codegen bug or a spec change that
// the generator misreads fails here instead of silently narrowing or widening what callers may pass.
import { describe, expectTypeOf, it } from "vitest";
import type { GetResponseBody, HttpMethod, PaginatedPath, PathsWithMethod, paths } from "../src/index.js";

/** What the union for `Method` must be: every path item that declares the operation. */
type MappedPathsWithMethod<Method extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends { [M in Method]: infer Op } ? ([Op] extends [never | undefined] ? never : P) : never;
}[keyof paths];

/** What PaginatedPath must be: GET paths whose JSON 2xx body is an object that declares `_results`. */
type MappedListGetPath = {
  [P in MappedPathsWithMethod<"get">]: [GetResponseBody<P>] extends [never]
    ? never
    : unknown extends GetResponseBody<P>
      ? never
      : "_results" extends keyof GetResponseBody<P>
        ? P
        : never;
}[MappedPathsWithMethod<"get">];

describe("generated path unions", () => {
  it("PathsWithMethod equals the paths declaring each method", () => {
    expectTypeOf<PathsWithMethod<"get">>().toEqualTypeOf<MappedPathsWithMethod<"get">>();
    expectTypeOf<PathsWithMethod<"post">>().toEqualTypeOf<MappedPathsWithMethod<"post">>();
    expectTypeOf<PathsWithMethod<"put">>().toEqualTypeOf<MappedPathsWithMethod<"put">>();
    expectTypeOf<PathsWithMethod<"patch">>().toEqualTypeOf<MappedPathsWithMethod<"patch">>();
    expectTypeOf<PathsWithMethod<"delete">>().toEqualTypeOf<MappedPathsWithMethod<"delete">>();
    expectTypeOf<PathsWithMethod<"options">>().toEqualTypeOf<MappedPathsWithMethod<"options">>();
    expectTypeOf<PathsWithMethod<"head">>().toEqualTypeOf<MappedPathsWithMethod<"head">>();
    expectTypeOf<PathsWithMethod<"trace">>().toEqualTypeOf<MappedPathsWithMethod<"trace">>();
  });

  it("PaginatedPath equals the GET paths whose body declares _results", () => {
    expectTypeOf<PaginatedPath>().toEqualTypeOf<MappedListGetPath>();
    // Sanity: the sets are neither empty nor everything.
    expectTypeOf<"/conversations">().toExtend<PaginatedPath>();
    expectTypeOf<"/tags">().toExtend<PaginatedPath>();
    expectTypeOf<"/me">().not.toExtend<PaginatedPath>();
    expectTypeOf<"/download/{attachment_link_id}">().not.toExtend<PaginatedPath>();
    expectTypeOf<"/tags/{tag_id}">().toExtend<PathsWithMethod<"delete">>();
    expectTypeOf<"/tags/{tag_id}">().not.toExtend<PathsWithMethod<"post">>();
  });
});
