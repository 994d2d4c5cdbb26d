import { describe, expect, it } from "vitest";
import * as core from "../src/index.js";

const { FRONT_ERROR_KIND, FrontApiError, FrontInputError, FrontResponseError, FrontTimeoutError, frontErrorKind, isFrontError, parseFrontError, readFrontErrorBody } = core;

describe("readFrontErrorBody: the one reader of Front's _error body", () => {
  it("gives title, message and details; details that are not text become JSON", () => {
    expect(readFrontErrorBody({ _error: { status: 400, title: "Bad request", message: "to is invalid", details: ["to", { field: "cc" }] } })).toEqual({
      title: "Bad request",
      message: "to is invalid",
      details: ["to", '{"field":"cc"}'],
    });
  });

  it("leaves out empty or mistyped fields, and is undefined for anything that is not Front's shape", () => {
    expect(readFrontErrorBody({ _error: { title: "", message: 42, details: "x" } })).toEqual({ details: [] });
    for (const body of [undefined, null, "", "<html>", [], { error: "x" }, { _error: "x" }, { _error: null }]) {
      expect(readFrontErrorBody(body)).toBeUndefined();
    }
  });

  it("is what parseFrontError reads, falling back to the status text", () => {
    const error = parseFrontError(new Response(null, { status: 409, statusText: "Conflict" }), { _error: { message: "" } });
    expect(error).toMatchObject({ title: "Conflict", message: "Front answered 409 Conflict", details: [] });
  });
});

describe("core's errors carry a brand other packages recognise them by", () => {
  const made = {
    FrontApiError: parseFrontError(new Response(null, { status: 500 }), undefined),
    FrontInputError: new FrontInputError("path", "bad"),
    FrontResponseError: new FrontResponseError({ status: 200, message: "not JSON", rateLimit: {} }),
    FrontTimeoutError: new FrontTimeoutError({ timeoutMs: 1, method: "GET", path: "/me" }),
  } as const;

  it.each(Object.entries(made))("%s", (kind, error) => {
    expect(frontErrorKind(error)).toBe(kind);
    expect(isFrontError(error, kind as keyof typeof made)).toBe(true);
  });

  it("is a Symbol.for key (the same in another copy of core), and a name alone is not enough", () => {
    expect(FRONT_ERROR_KIND).toBe(Symbol.for("@frontkit/core/error-kind"));
    // What a second copy of core (CJS beside ESM) would make: not this copy's class, but the same brand.
    const fromOtherCopy = Object.assign(new Error("x"), { [Symbol.for("@frontkit/core/error-kind")]: "FrontInputError", field: "path" });
    expect(fromOtherCopy instanceof FrontInputError).toBe(false);
    expect(isFrontError(fromOtherCopy, "FrontInputError")).toBe(true);
    const impostor = Object.assign(new Error("x"), { name: "FrontInputError" });
    expect(frontErrorKind(impostor)).toBeUndefined();
    expect(isFrontError(made.FrontApiError, "FrontInputError")).toBe(false);
    expect(made.FrontApiError).toBeInstanceOf(FrontApiError);
  });
});
