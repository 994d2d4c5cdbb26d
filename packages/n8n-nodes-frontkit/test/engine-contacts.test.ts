/** Contact operations in the engine: fixedCollection handles, list fields, JSON custom fields. */
import { status } from "@frontkit/testkit";
import { describe, expect, it } from "vitest";
import { contactBody, useFrontProxy } from "./engine/fixtures.js";
import { runFrontWorkflow } from "./engine/run-workflow.js";

const front = useFrontProxy();

describe("Contact → Create", () => {
  it("sends handles from the fixed collection and the additional fields as Front's JSON body", async () => {
    front.proxy.on({ method: "POST", path: "/contacts" }, status(201, { body: contactBody("crd_new") }));
    const result = await runFrontWorkflow({
      parameters: {
        resource: "contact",
        operation: "create",
        handles: { values: [{ source: "email", handle: "={{ $json.email }}" }, { source: "phone", handle: "+15551234567" }] },
        additionalFields: { name: "Jane Doe", groupNames: ["VIP", "Beta"], customFields: '{"tier":"gold","seats":3}' },
      },
      credentials: front.credentials,
      items: [{ json: { email: "jane@example.com" } }],
    });
    expect(result.error).toBeUndefined();
    expect(result.items).toHaveLength(1);
    expect(result.items[0]?.json.id).toBe("crd_new");
    expect(result.items[0]?.pairedItem).toEqual({ item: 0 });
    const sent = front.proxy.requests.find((r) => r.method === "POST" && r.path === "/contacts");
    expect(sent).toBeDefined();
    const body = JSON.parse(sent?.bodyText ?? "{}") as Record<string, unknown>;
    expect(body.handles).toEqual([
      { source: "email", handle: "jane@example.com" },
      { source: "phone", handle: "+15551234567" },
    ]);
    expect(body.name).toBe("Jane Doe");
    expect(body.custom_fields).toEqual({ tier: "gold", seats: 3 });
  });

  it("rejects invalid JSON in a JSON field before sending anything", async () => {
    const result = await runFrontWorkflow({
      parameters: {
        resource: "contact",
        operation: "create",
        handles: { values: [{ source: "email", handle: "jane@example.com" }] },
        additionalFields: { customFields: "{not json" },
      },
      credentials: front.credentials,
    });
    expect(result.error?.name).toBe("NodeOperationError");
    expect(result.error?.message).toContain("Custom Fields must be valid JSON");
    expect(front.proxy.requests).toEqual([]);
  });

  it("rejects a contact without handles before sending anything", async () => {
    const result = await runFrontWorkflow({
      parameters: { resource: "contact", operation: "create", handles: {} },
      credentials: front.credentials,
    });
    expect(result.error?.name).toBe("NodeOperationError");
    expect(`${result.error?.message} ${result.error?.description ?? ""}`).toContain("handles");
    expect(front.proxy.requests).toEqual([]);
  });
});

describe("contacts straight from Prism", () => {
  it("Create: Prism accepts the body the node sends and the contact comes back", async () => {
    const result = await runFrontWorkflow({
      parameters: { resource: "contact", operation: "create", handles: { values: [{ source: "email", handle: "jane@example.com" }] }, additionalFields: { name: "Jane" } },
      credentials: front.credentials,
    });
    expect(result.error).toBeUndefined();
    expect(result.items[0]?.json.id).toMatch(/^crd_/);
  });

  it("Get Many with a Limit returns contacts", async () => {
    const result = await runFrontWorkflow({
      parameters: { resource: "contact", operation: "getAll", returnAll: false, limit: 2, additionalFields: { sortBy: "updated_at", sortOrder: "desc" } },
      credentials: front.credentials,
    });
    expect(result.error).toBeUndefined();
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items.length).toBeLessThanOrEqual(2);
    expect(result.items[0]?.json.id).toMatch(/^crd_/);
    const request = front.proxy.requests.find((r) => r.path === "/contacts");
    expect(request?.query.get("sort_by")).toBe("updated_at");
    expect(request?.query.get("limit")).toBe("2");
  });
});

describe("Contact → Get", () => {
  it("finds a contact by email through Front's alias", async () => {
    front.proxy.on({ path: /^\/contacts\/alt(:|%3A)email/ }, status(200, { body: contactBody("crd_by_email") }));
    const result = await runFrontWorkflow({
      parameters: { resource: "contact", operation: "get", additionalFields: { email: "jane@example.com" } },
      credentials: front.credentials,
    });
    expect(result.error).toBeUndefined();
    expect(result.items[0]?.json.id).toBe("crd_by_email");
    expect(decodeURIComponent(front.proxy.requests[0]?.path ?? "")).toBe("/contacts/alt:email:jane@example.com");
  });
});
