/**
 * Contract tests: the tools against Prism serving the corrected spec. Prism
 * validates every request; a 422 from it means the tool sent something the
 * spec does not allow, and fails the test.
 */
import { startFaultProxy, type FaultProxy } from "@frontkit/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createFrontTools, type FrontTools } from "../../src/index.js";

const prismUrl = inject("prismUrl");
let proxy: FaultProxy;
let tools: FrontTools;

beforeAll(async () => {
  // Through the proxy (passing everything) so each test can see exactly what was sent.
  proxy = await startFaultProxy({ target: prismUrl });
  tools = createFrontTools({ token: "tok_contract", baseUrl: proxy.url, burstPerSecond: 0 });
});
afterAll(async () => {
  await tools?.dispose();
  await proxy?.stop();
});
beforeEach(() => proxy.reset());

const noPrismViolations = () => {
  for (const r of proxy.requests) expect(r.headers["authorization"]).toBe("Bearer tok_contract");
};

describe("tools against Prism (corrected spec)", () => {
  it("list-tags returns the spec's tags and stops on Prism's repeated page token", async () => {
    const out = await tools.listTags({ refresh: true });
    expect(out.count).toBeGreaterThan(0);
    expect(out.tags[0]!.id).toMatch(/^tag_/);
    expect(out.tags[0]!.name.length).toBeGreaterThan(0);
    expect(proxy.requests.length).toBeLessThanOrEqual(2);
    expect(proxy.requests.every((r) => r.path === "/tags" && r.method === "GET")).toBe(true);
    noPrismViolations();
  });

  it("list-inboxes returns inboxes", async () => {
    const out = await tools.listInboxes({ refresh: true });
    expect(out.count).toBeGreaterThan(0);
    expect(out.inboxes[0]!.id).toMatch(/^inb_/);
    noPrismViolations();
  });

  it("list-teammates returns teammates", async () => {
    const out = await tools.listTeammates({});
    expect(out.count).toBeGreaterThan(0);
    expect(out.teammates[0]!.id).toMatch(/^tea_/);
    noPrismViolations();
  });

  it("get-contact by id and by email alias", async () => {
    const byId = await tools.getContact({ contact_id: "crd_3cgz4ge" });
    expect(byId.contact.id).toMatch(/^crd_/);
    const byEmail = await tools.getContact({ email: "dwight@limitlesspaper.com" });
    expect(byEmail.contact.id).toMatch(/^crd_/);
    expect(proxy.requests.map((r) => r.path)).toEqual(["/contacts/crd_3cgz4ge", `/contacts/${encodeURIComponent("alt:email:dwight@limitlesspaper.com")}`]);
    noPrismViolations();
  });

  it("create-contact sends a body Prism accepts", async () => {
    const out = await tools.createContact({
      name: "Dwight Schrute",
      handles: [{ source: "email", handle: "dwight@limitlesspaper.com" }],
      group_names: ["Beet farmers"],
      links: ["https://schrutefarms.example"],
    });
    expect(out.contact.id).toMatch(/^crd_/);
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]!.method).toBe("POST");
    expect(JSON.parse(proxy.requests[0]!.bodyText)).toMatchObject({ list_names: ["Beet farmers"] });
    noPrismViolations();
  });
});
