/**
 * The built Front node in n8n's engine against Prism: list operations, per-item execution
 * with pairedItem, one FrontTools per credential (shared across executions), errors, continueOnFail and the token.
 */
import { serverError, status } from "@frontkit/testkit";
import { describe, expect, it } from "vitest";
import { CANARY_TOKEN, contactBody, frontError, useFrontProxy } from "./engine/fixtures.js";
import { loadFrontOptions, runFrontWorkflow } from "./engine/run-workflow.js";

const front = useFrontProxy();

const expectNoCanary = (value: unknown) => {
  const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v));
  expect(text).not.toContain(CANARY_TOKEN);
};

describe("list operations", () => {
  it("Tag → Get Many returns one item per tag, paired with the input item", async () => {
    const result = await runFrontWorkflow({ parameters: { resource: "tag", operation: "getAll", returnAll: true }, credentials: front.credentials });
    expect(result.error).toBeUndefined();
    expect(result.run.status).toBe("success");
    expect(result.executedNodes).toEqual(["Manual Trigger", "Front"]);
    expect(result.items.length).toBeGreaterThan(0);
    for (const item of result.items) {
      expect(item.json.id).toMatch(/^tag_/);
      expect(item.pairedItem).toEqual({ item: 0 });
    }
    expect(front.proxy.requests.map((r) => `${r.method} ${r.path}`)).toContain("GET /tags");
  });

  it("Limit trims the results; Return All does not", async () => {
    const all = await runFrontWorkflow({ parameters: { resource: "inbox", operation: "getAll", returnAll: true }, credentials: front.credentials });
    const one = await runFrontWorkflow({ parameters: { resource: "inbox", operation: "getAll", returnAll: false, limit: 1 }, credentials: front.credentials });
    expect(all.error).toBeUndefined();
    expect(all.items.length).toBeGreaterThanOrEqual(1);
    expect(all.items[0]?.json.id).toMatch(/^inb_/);
    expect(one.items).toHaveLength(1);
    expect(one.items[0]?.json).toEqual(all.items[0]?.json);
  });

  it("Teammate → Get Many returns teammates", async () => {
    const result = await runFrontWorkflow({ parameters: { resource: "teammate", operation: "getAll", returnAll: true }, credentials: front.credentials });
    expect(result.error).toBeUndefined();
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items[0]?.json.id).toMatch(/^tea_/);
  });

  it("shares one FrontTools across the items of an execution (the tag cache answers the second item)", async () => {
    // A credential no earlier test used: its client (and tag cache) starts cold.
    const credentials = { ...front.credentials, token: `${CANARY_TOKEN}-items` };
    const result = await runFrontWorkflow({
      parameters: { resource: "tag", operation: "getAll", returnAll: true },
      credentials,
      items: [{ json: {} }, { json: {} }],
    });
    expect(result.error).toBeUndefined();
    const perItem = result.items.length / 2;
    expect(result.items.filter((i) => (i.pairedItem as { item: number }).item === 1)).toHaveLength(perItem);
    expect(front.proxy.requests.filter((r) => r.path === "/tags")).toHaveLength(1);
    // The one per-token client cache keeps the credential's client across executions too (issue 14).
    const again = await runFrontWorkflow({ parameters: { resource: "tag", operation: "getAll", returnAll: true }, credentials });
    expect(again.error).toBeUndefined();
    expect(again.items).toHaveLength(perItem);
    expect(front.proxy.requests.filter((r) => r.path === "/tags")).toHaveLength(1);
  });
});

describe("token-paged lists against Prism", () => {
  it("Conversation → Get Many with Return All stops on Prism's repeated page token", async () => {
    const result = await runFrontWorkflow({
      parameters: { resource: "conversation", operation: "getAll", returnAll: true, additionalFields: { statuses: ["assigned", "unassigned"] } },
      credentials: front.credentials,
    });
    expect(result.error).toBeUndefined();
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items[0]?.json.id).toMatch(/^cnv_/);
    const requests = front.proxy.requests.filter((r) => r.path === "/conversations");
    // First page, then the repeated token once: Front's own loop guard, not an endless run.
    expect(requests.length).toBeGreaterThanOrEqual(1);
    expect(requests.length).toBeLessThanOrEqual(3);
    expect(requests[0]?.query.getAll("q[statuses][]")).toEqual(["assigned", "unassigned"]);
  });
});

describe("per-item execution", () => {
  it("Contact → Get runs once per item, resolving expressions per item", async () => {
    front.proxy.on({ path: "/contacts/crd_111" }, status(200, { body: contactBody("crd_111") }));
    front.proxy.on({ path: "/contacts/crd_222" }, status(200, { body: contactBody("crd_222") }));
    const result = await runFrontWorkflow({
      parameters: { resource: "contact", operation: "get", additionalFields: { contactId: "={{ $json.id }}" } },
      credentials: front.credentials,
      items: [{ json: { id: "crd_111" } }, { json: { id: "crd_222" } }],
    });
    expect(result.error).toBeUndefined();
    expect(result.items).toHaveLength(2);
    expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
    expect(result.items.map((i) => i.json.id)).toEqual(["crd_111", "crd_222"]);
    expect(front.proxy.requests.map((r) => r.path)).toEqual(["/contacts/crd_111", "/contacts/crd_222"]);
  });

  it("sends the credential's token as the bearer and never shows it", async () => {
    const result = await runFrontWorkflow({ parameters: { resource: "teammate", operation: "getAll", returnAll: true }, credentials: front.credentials });
    expect(front.proxy.requests.length).toBeGreaterThan(0);
    for (const request of front.proxy.requests) expect(request.headers.authorization).toBe(`Bearer ${CANARY_TOKEN}`);
    expectNoCanary(result.items);
    expectNoCanary(result.run.data);
  });
});

describe("failures", () => {
  it("a Front 404 fails the node with Front's message, the HTTP code and the item index", async () => {
    front.proxy.on({ path: /^\/contacts\// }, status(404, { body: frontError(404, "Not found", "Contact crd_404 was not found.") }));
    const result = await runFrontWorkflow({
      parameters: { resource: "contact", operation: "get", additionalFields: { contactId: "crd_404" } },
      credentials: front.credentials,
    });
    expect(result.run.status).toBe("error");
    expect(result.items).toEqual([]);
    // The engine keeps a serialized copy of the error in the run data: compare names, not classes.
    expect(result.error?.name).toBe("NodeApiError");
    expect(result.error?.message).toContain("Contact crd_404 was not found.");
    expect(result.error?.httpCode).toBe("404");
    expect(result.error?.context?.itemIndex).toBe(0);
    expectNoCanary(result.error);
    expectNoCanary(result.run.data);
  });

  it("with continueOnFail the failed item becomes an error item and the others run", async () => {
    front.proxy.on({ path: "/contacts/crd_404" }, status(404, { body: frontError(404, "Not found", "Contact crd_404 was not found.") }));
    front.proxy.on({ path: "/contacts/crd_200" }, status(200, { body: contactBody("crd_200") }));
    const result = await runFrontWorkflow({
      parameters: { resource: "contact", operation: "get", additionalFields: { contactId: "={{ $json.id }}" } },
      credentials: front.credentials,
      continueOnFail: true,
      items: [{ json: { id: "crd_404" } }, { json: { id: "crd_200" } }],
    });
    expect(result.error).toBeUndefined();
    expect(result.run.status).toBe("success");
    expect(result.items).toHaveLength(2);
    expect(result.items[0]?.pairedItem).toEqual({ item: 0 });
    expect(result.items[0]?.json).toMatchObject({ code: "NotFound", status: 404 });
    expect(String(result.items[0]?.json.error)).toContain("not found");
    expect(result.items[1]?.pairedItem).toEqual({ item: 1 });
    expect(result.items[1]?.json.id).toBe("crd_200");
    expectNoCanary(result.items);
  });

  it("bad input fails with a NodeOperationError naming the field, and sends no request", async () => {
    const result = await runFrontWorkflow({
      parameters: { resource: "contact", operation: "get", additionalFields: { contactId: "not a contact id" } },
      credentials: front.credentials,
    });
    expect(result.error?.name).toBe("NodeOperationError");
    expect(`${result.error?.message} ${result.error?.description ?? ""}`).toContain("contact_id");
    expect(front.proxy.requests).toEqual([]);
  });

  it("a 401 (wrong token) fails with Front's message and no token", async () => {
    front.proxy.on({}, status(401, { body: frontError(401, "Unauthorized", "The API token is invalid or revoked.") }));
    const result = await runFrontWorkflow({ parameters: { resource: "teammate", operation: "getAll", returnAll: true }, credentials: front.credentials });
    expect(result.error?.httpCode).toBe("401");
    expectNoCanary(result.error);
    expectNoCanary(result.run.data);
  });
});

describe("retries and configuration", () => {
  it("a send that got a 503 is not retried (never sent twice) and fails with Front's message", async () => {
    front.proxy.on({ method: "POST" }, serverError(503));
    const result = await runFrontWorkflow({
      parameters: { resource: "message", operation: "send", body: "Hello", additionalFields: { conversationId: "cnv_55c8c149" } },
      credentials: front.credentials,
    });
    expect(result.error?.name).toBe("NodeApiError");
    expect(result.error?.httpCode).toBe("503");
    expect(front.proxy.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("an empty token gives every item an error item with continueOnFail, and sends nothing", async () => {
    const result = await runFrontWorkflow({
      parameters: { resource: "tag", operation: "getAll", returnAll: true },
      credentials: { token: "", baseUrl: front.credentials.baseUrl },
      continueOnFail: true,
      items: [{ json: {} }, { json: {} }],
    });
    expect(result.items.map((i) => [i.json.code, i.pairedItem])).toEqual([
      ["InvalidInput", { item: 0 }],
      ["InvalidInput", { item: 1 }],
    ]);
    expect(String(result.items[0]?.json.error)).toContain("token");
    expect(front.proxy.requests).toEqual([]);
  });

  it("refuses a plain-http base URL that is not loopback, so the token is never sent in clear", async () => {
    const result = await runFrontWorkflow({
      parameters: { resource: "tag", operation: "getAll", returnAll: true },
      credentials: { token: CANARY_TOKEN, baseUrl: "http://example.com" },
    });
    expect(result.error?.name).toBe("NodeOperationError");
    expect(result.error?.message).toContain("https");
    expectNoCanary(result.error);
  });
});

describe("load options", () => {
  it("loads inboxes, tags and teammates as name/value pairs through the engine's LoadOptionsContext", async () => {
    const [inboxes, tags, teammates] = [
      await loadFrontOptions("getInboxes", front.credentials),
      await loadFrontOptions("getTags", front.credentials),
      await loadFrontOptions("getTeammates", front.credentials),
    ];
    expect(inboxes.length).toBeGreaterThan(0);
    expect(String(inboxes[0]?.value)).toMatch(/^inb_/);
    expect(tags.length).toBeGreaterThan(0);
    expect(String(tags[0]?.value)).toMatch(/^tag_/);
    expect(teammates.length).toBeGreaterThan(0);
    expect(String(teammates[0]?.value)).toMatch(/^tea_/);
    for (const option of [...inboxes, ...tags, ...teammates]) expect(option.name).not.toBe("");
  });
});
