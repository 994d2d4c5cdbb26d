import { createFrontTools, isFrontToolError } from "@frontkit/tools";
import { afterAll, describe, expect, it } from "vitest";
import { CANARY, figures, json, record, recordingFetch } from "./support.js";

const BASE = "http://127.0.0.1:9";
const base = new URL(BASE);

/** Paths an attacker (or a confused LLM) might hand raw-api-request to reach another host or escape the API. */
const HOSTILE_PATHS = [
  "https://evil.example/conversations",
  "http://evil.example/me",
  "//evil.example/me",
  "///evil.example/me",
  "\\\\evil.example\\me",
  "/\\evil.example/me",
  "\\/evil.example/me",
  "https:evil.example/me",
  "@evil.example/me",
  "/me@evil.example",
  "user:pass@evil.example/me",
  "/%2f%2fevil.example/me",
  "/%2F%2Fevil.example/me",
  "/%5c%5cevil.example/me",
  "/%252f%252fevil.example/me",
  "/contacts/%2e%2e/%2e%2e/me",
  "/contacts/../../me",
  "/contacts/./crd_1",
  "/contacts/..%2fme",
  "/contacts/crd_1%0d%0aHost:%20evil.example",
  "/contacts/crd_1\r\nHost: evil.example",
  "/contacts/crd_1\nX-Injected: 1",
  "/contacts/crd_1\u0000",
  "/contacts\u2215crd_1",
  "/contacts\uff0fcrd_1",
  "/contacts/crd_1\u2024\u2024",
  "/contacts/crd_1#@evil.example",
  "/contacts/crd_1?x=@evil.example",
  "javascript:alert(1)",
  "data:text/plain,hi",
  "file:///etc/passwd",
  " //evil.example/me",
  "/me/../../evil",
  "",
  "me",
];

/** `_pagination.next` values that must never be fetched as-is: only their page_token goes to the base URL. */
const HOSTILE_NEXT = [
  "https://evil.example/tags?page_token=p2",
  "//evil.example/tags?page_token=p2",
  "https://api2.frontapp.com@evil.example/tags?page_token=p2",
  "https://acme.api.frontapp.com.evil.example/tags?page_token=p2",
  "http://127.0.0.1:1/tags?page_token=p2",
  "javascript:alert(1)",
  "\\\\evil.example\\tags?page_token=p2",
  "https://evil.example/%2e%2e/tags?page_token=p2%0d%0aHost:%20evil",
  "not a url at all",
  "https://evil.example/tags?page_token=https://evil.example/x",
];

const offHost = (urls: URL[]) => urls.filter((u) => u.origin !== base.origin).length;

let requestsElsewhere = 0;

describe("hostile URLs never leave the configured host", () => {
  it(`raw-api-request refuses all ${HOSTILE_PATHS.length} hostile paths with InvalidInput and sends nothing`, async () => {
    const { fetch, urls } = recordingFetch(() => json({}));
    const front = createFrontTools({ token: CANARY, baseUrl: BASE, fetch });
    try {
      for (const path of HOSTILE_PATHS) {
        for (const method of ["GET", "POST", "DELETE"] as const) {
          const error = await front.invoke("raw-api-request", { method, path }).then(
            (result) => ({ unexpected: result }),
            (e: unknown) => e,
          );
          record(error);
          expect(isFrontToolError(error), `${method} ${JSON.stringify(path)}`).toBe(true);
          expect((error as { _tag: string })._tag).toBe("InvalidInput");
        }
      }
    } finally {
      await front.dispose();
    }
    requestsElsewhere += offHost(urls);
    expect(urls).toHaveLength(0);
    figures["hostile raw paths (× 3 methods)"] = HOSTILE_PATHS.length;
  });

  it(`list-tags follows ${HOSTILE_NEXT.length} hostile _pagination.next values only through the base URL`, async () => {
    for (const next of HOSTILE_NEXT) {
      const { fetch, urls } = recordingFetch((url) =>
        url.searchParams.has("page_token")
          ? json({ _pagination: { next: null }, _results: [] })
          : json({ _pagination: { next }, _results: [{ id: "tag_1", name: "Urgent" }] }),
      );
      const front = createFrontTools({ token: CANARY, baseUrl: BASE, fetch, cacheTtl: 0 });
      try {
        const result = await front.invoke("list-tags", {}).catch((e: unknown) => e);
        record(result);
      } finally {
        await front.dispose();
      }
      requestsElsewhere += offHost(urls);
      expect(offHost(urls), next).toBe(0);
      expect(urls.length).toBeGreaterThanOrEqual(1);
      for (const url of urls) expect(url.pathname).toBe("/tags");
    }
    figures["hostile _pagination.next values"] = HOSTILE_NEXT.length;
  });

  afterAll(() => {
    figures["requests to another host"] = requestsElsewhere;
  });
});
