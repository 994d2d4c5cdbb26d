import { describe, expect, it } from "vitest";
import { FrontApiError, parseFrontError, unwrap } from "../src/index.js";

const respond = (status: number, headers: Record<string, string> = {}, statusText = "") =>
  new Response(null, { status, statusText, headers });

describe("parseFrontError", () => {
  it("reads Front's _error body, request id and rate limit", () => {
    const error = parseFrontError(
      respond(404, { "x-request-id": "req_123", "x-ratelimit-remaining": "9" }, "Not Found"),
      { _error: { status: 404, title: "Not found", message: "Unknown contact alt:email:x@y.z", details: ["contact_id"] } },
    );
    expect(error).toBeInstanceOf(FrontApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: "FrontApiError",
      status: 404,
      title: "Not found",
      message: "Unknown contact alt:email:x@y.z",
      details: ["contact_id"],
      requestId: "req_123",
      rateLimit: { remaining: 9 },
    });
  });

  it("carries retry-after of a 429", () => {
    const error = parseFrontError(respond(429, { "retry-after": "3", "x-front-tier": "burst" }), {
      _error: { status: 429, title: "Too Many Requests", message: "Rate limit exceeded" },
    });
    expect(error.rateLimit).toMatchObject({ retryAfterMs: 3_000, tier: "burst" });
    expect(error.details).toEqual([]);
    expect(error.requestId).toBeUndefined();
  });

  it("describes an HTML page", () => {
    const html = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    const error = parseFrontError(respond(502, { "content-type": "text/html; charset=utf-8" }, "Bad Gateway"), html);
    expect(error.status).toBe(502);
    expect(error.title).toBe("Bad Gateway");
    expect(error.message).toBe(
      "Front answered 502 Bad Gateway with an HTML page (text/html): <!DOCTYPE html> <html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
    );
  });

  it("describes an empty body and a missing status text", () => {
    expect(parseFrontError(respond(500), undefined).message).toBe("Front answered 500 HTTP 500 with an empty body");
    expect(parseFrontError(respond(503), "").message).toBe("Front answered 503 HTTP 503 with an empty body");
  });

  it("describes text and foreign JSON, truncated", () => {
    const long = "x".repeat(500);
    const text = parseFrontError(respond(500, { "content-type": "text/plain" }), long);
    expect(text.message).toMatch(/^Front answered 500 HTTP 500 with a non-JSON body \(text\/plain\): x{200}…$/);
    const foreign = parseFrontError(respond(400), { error: "bad" });
    expect(foreign.message).toBe('Front answered 400 HTTP 400 with JSON without Front\'s _error field: {"error":"bad"}');
  });

  it("falls back when _error fields have the wrong types", () => {
    const error = parseFrontError(respond(409, {}, "Conflict"), { _error: { status: "x", title: 3, message: null, details: [1, "a"] } });
    expect(error).toMatchObject({ status: 409, title: "Conflict", message: "Front answered 409 Conflict", details: ["1", "a"] });
  });
});

describe("unwrap", () => {
  it("returns data or throws FrontApiError", () => {
    expect(unwrap({ data: { id: 1 }, response: respond(200) })).toEqual({ id: 1 });
    expect(() =>
      unwrap({ error: { _error: { status: 403, title: "Forbidden", message: "Nope" } }, response: respond(403) }),
    ).toThrow(FrontApiError);
  });
});
