// PaginateInit restates only the part of openapi-fetch's GET init that paging uses (issue 7: typecheck cost).
// These tests hold it to openapi-fetch's own typing of `params` for every paginated path, so the spec's
// parameters (and whether they are required) reach paginate callers unchanged.
import type { MaybeOptionalInit } from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import { type FrontClient, type PaginatedPath, type PaginateInit, paginate, paginateItems, type paths } from "../src/index.js";

type FetchInit<P extends PaginatedPath> = NonNullable<MaybeOptionalInit<paths[P], "get">>;

/** Paths whose `params` differ from openapi-fetch's (type, or required vs optional); must be none. */
type ParamsMismatch = {
  [P in PaginatedPath]: [Pick<PaginateInit<P>, "params">] extends [Readonly<Pick<FetchInit<P>, "params">>]
    ? [Readonly<Pick<FetchInit<P>, "params">>] extends [Pick<PaginateInit<P>, "params">]
      ? never
      : P
    : P;
}[PaginatedPath];

/** Paths where paginate's init is optional but openapi-fetch's is required, or the reverse; must be none. */
type OptionalityMismatch = {
  [P in PaginatedPath]: ({} extends PaginateInit<P> ? true : false) extends ({} extends FetchInit<P> ? true : false) ? never : P;
}[PaginatedPath];

declare const client: FrontClient;

describe("PaginateInit", () => {
  it("has openapi-fetch's params for every paginated path", () => {
    expectTypeOf<ParamsMismatch>().toBeNever();
    expectTypeOf<OptionalityMismatch>().toBeNever();
    expectTypeOf<PaginateInit<"/inboxes/{inbox_id}/conversations">["params"]["path"]>().toEqualTypeOf<{ inbox_id: string }>();
  });

  it("refuses wrong params and options that paging cannot honour", () => {
    void paginateItems(client, "/conversations", { params: { query: { limit: 100 } }, maxPages: 3, headers: { "x-trace": "1" } });
    // @ts-expect-error — limit is a number
    void paginateItems(client, "/conversations", { params: { query: { limit: "100" } } });
    // @ts-expect-error — the inbox id is required
    void paginateItems(client, "/inboxes/{inbox_id}/conversations", { params: {} });
    // @ts-expect-error — pages always come from the configured base URL
    void paginate(client, "/tags", { baseUrl: "https://elsewhere.example" });
    // @ts-expect-error — pages are JSON
    void paginate(client, "/tags", { parseAs: "text" });
  });
});
