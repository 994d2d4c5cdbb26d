/**
 * Contract tests: the tools against Prism serving the corrected spec. Prism
 * validates every request; a 422 from it means the tool sent something the
 * spec does not allow, and fails the test.
 */
import { describe, expect, it } from "vitest";
import { usePrismClient } from "../support/prism-client.js";

// Through a pass-through proxy in front of the run's Prism, so each test can see exactly what was sent.
const prism = usePrismClient();

const noPrismViolations = () => {
  for (const r of prism.proxy.requests) expect(r.headers["authorization"]).toBe("Bearer tok_contract_0123456789");
};

describe("tools against Prism (corrected spec)", () => {
  it("list-tags returns the spec's tags and stops on Prism's repeated page token", async () => {
    const out = await prism.tools.listTags({ refresh: true });
    expect(out.count).toBeGreaterThan(0);
    expect(out.tags[0]!.id).toMatch(/^tag_/);
    expect(out.tags[0]!.name.length).toBeGreaterThan(0);
    expect(prism.proxy.requests.length).toBeLessThanOrEqual(2);
    expect(prism.proxy.requests.every((r) => r.path === "/tags" && r.method === "GET")).toBe(true);
    noPrismViolations();
  });

  it("list-inboxes returns inboxes", async () => {
    const out = await prism.tools.listInboxes({ refresh: true });
    expect(out.count).toBeGreaterThan(0);
    expect(out.inboxes[0]!.id).toMatch(/^inb_/);
    noPrismViolations();
  });

  it("list-teammates returns teammates", async () => {
    const out = await prism.tools.listTeammates({});
    expect(out.count).toBeGreaterThan(0);
    expect(out.teammates[0]!.id).toMatch(/^tea_/);
    noPrismViolations();
  });

  it("get-contact by id and by email alias", async () => {
    const byId = await prism.tools.getContact({ contact_id: "crd_3cgz4ge" });
    expect(byId.contact.id).toMatch(/^crd_/);
    const byEmail = await prism.tools.getContact({ email: "dwight@limitlesspaper.com" });
    expect(byEmail.contact.id).toMatch(/^crd_/);
    expect(prism.proxy.requests.map((r) => r.path)).toEqual(["/contacts/crd_3cgz4ge", `/contacts/${encodeURIComponent("alt:email:dwight@limitlesspaper.com")}`]);
    noPrismViolations();
  });

  it("create-contact sends a body Prism accepts", async () => {
    const out = await prism.tools.createContact({
      name: "Dwight Schrute",
      handles: [{ source: "email", handle: "dwight@limitlesspaper.com" }],
      group_names: ["Beet farmers"],
      links: ["https://schrutefarms.example"],
    });
    expect(out.contact.id).toMatch(/^crd_/);
    expect(prism.proxy.requests).toHaveLength(1);
    expect(prism.proxy.requests[0]!.method).toBe("POST");
    expect(JSON.parse(prism.proxy.requests[0]!.bodyText)).toMatchObject({ list_names: ["Beet farmers"] });
    noPrismViolations();
  });
});
