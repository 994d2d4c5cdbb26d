/**
 * The built Front node with n8n's default expression engine. n8n 2.x evaluates `{{ }}` expressions in
 * isolated-vm (`N8N_EXPRESSION_ENGINE=vm` is its default); n8n-workflow alone falls back to the legacy
 * in-process evaluator, which every other engine test uses. This file switches to the vm engine, so it fails
 * when isolated-vm is not built for the running Node (its install script denied, or no prebuild for the ABI).
 */
import { status } from "@frontkit/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactBody, useFrontProxy } from "./engine/fixtures.js";
import { n8nWorkflow } from "./engine/n8n-workflow.js";
import { runFrontWorkflow } from "./engine/run-workflow.js";

const front = useFrontProxy();
const { Expression } = n8nWorkflow;

beforeAll(async () => {
  // n8n's own defaults (ExpressionEngineConfig of @n8n/config): one bridge, 5 s per evaluation, 128 MB.
  await Expression.initExpressionEngine({ engine: "vm", bridgeTimeout: 5_000, bridgeMemoryLimit: 128, poolSize: 1, maxCodeCacheSize: 1024 });
});

afterAll(async () => {
  await Expression.disposeExpressionEngine();
  Expression.setExpressionEngine("legacy");
});

describe("expressions in isolated-vm (n8n's default engine)", () => {
  it("isolated-vm is built and loads on this Node", () => {
    expect(Expression.getActiveImplementation()).toBe("vm");
  });

  it("Contact → Get resolves `{{ $json.id }}` per item inside the isolate", async () => {
    front.proxy.on({ path: "/contacts/crd_vm1" }, status(200, { body: contactBody("crd_vm1") }));
    front.proxy.on({ path: "/contacts/crd_vm2" }, status(200, { body: contactBody("crd_vm2") }));
    const result = await runFrontWorkflow({
      parameters: { resource: "contact", operation: "get", additionalFields: { contactId: "={{ $json.id }}" } },
      credentials: front.credentials,
      items: [{ json: { id: "crd_vm1" } }, { json: { id: "crd_vm2" } }],
    });
    expect(result.error).toBeUndefined();
    expect(result.items.map((i) => i.json.id)).toEqual(["crd_vm1", "crd_vm2"]);
    expect(front.proxy.requests.map((r) => r.path)).toEqual(["/contacts/crd_vm1", "/contacts/crd_vm2"]);
    expect(Expression.getActiveImplementation()).toBe("vm");
  });
});
