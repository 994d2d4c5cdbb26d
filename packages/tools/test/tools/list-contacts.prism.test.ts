/**
 * Contract: list-contacts against Prism serving the corrected spec. Prism
 * validates each request (a 422 — a wrong `q`, sort or limit — fails the tool
 * and so the test). Uses the run's shared Prism when provided, else starts one.
 */
import { describe, expect, it } from "vitest";
import { usePrismClient } from "../support/prism-client.js";

const prism = usePrismClient();

describe("list-contacts against Prism", () => {
  it("one page with every filter: Prism accepts the request (2xx)", async () => {
    const out = await prism.tools.listContacts({
      updated_after: "2026-01-01T00:00:00Z",
      updated_before: 1800000000.25,
      sort_by: "updated_at",
      sort_order: "desc",
      limit: 10,
    });
    expect(out.count).toBeGreaterThan(0);
    expect(out.contacts[0]!.id).toMatch(/^crd_/);
    expect(prism.proxy.requests).toHaveLength(1);
    const q = prism.proxy.requests[0]!.query;
    expect(q.get("q[updated_after]")).toBe("1767225600");
    expect(q.get("q[updated_before]")).toBe("1800000000.25");
    expect(prism.proxy.requests[0]!.headers["authorization"]).toBe("Bearer tok_contract_0123456789");
  });

  it("auto-paging stops on Prism's repeated page token", async () => {
    const out = await prism.tools.listContacts({ auto_paginate: true, max_results: 50 });
    expect(out.count).toBeGreaterThan(0);
    expect(prism.proxy.requests.length).toBeLessThanOrEqual(2);
    expect(prism.proxy.requests.every((r) => r.path === "/contacts")).toBe(true);
  });

  it("page_token is sent to the configured host only", async () => {
    const first = await prism.tools.listContacts({ limit: 5 });
    expect(first.next_page_token).toBeTypeOf("string");
    await prism.tools.listContacts({ page_token: first.next_page_token!, limit: 5 });
    expect(prism.proxy.requests[1]!.query.get("page_token")).toBe(first.next_page_token);
    expect(prism.proxy.requests.every((r) => r.headers["host"] === new URL(prism.proxy.url).host)).toBe(true);
  });
});
