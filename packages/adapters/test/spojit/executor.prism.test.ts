import { afterAll, describe, expect, it } from "vitest";
import { createSpojitExecutor, frontConnector } from "../../src/spojit/index.js";
import { compileToolSchema } from "./ajv.js";
import { usePrism } from "./prism.js";

const CANARY = "canary-spojit-7d41f0b2c9e8";
const prismUrl = usePrism();
// Prism stands in for Front: the operator's allowance for its host.
const executor = createSpojitExecutor({ allowedBaseUrlHosts: ["127.0.0.1"] });
afterAll(() => executor.dispose());

// Direct mode: the exact tool and documented input, one connection, against the Prism mock of Front.
describe.each(frontConnector.tools.map((t) => [t.name, t] as const))("Direct mode: %s", (_name, tool) => {
  const validateOutput = compileToolSchema(tool.outputSchema);

  it.each(tool.examples.map((e) => [e.title, e] as const))("runs the example %s and returns schema-valid data", async (_title, example) => {
    const result = await executor.execute({
      tool: tool.name,
      input: example.input,
      connection: { id: "workspace-1/front", token: CANARY, baseUrl: prismUrl() },
    });
    expect(JSON.stringify(result)).not.toContain(CANARY);
    if (!result.ok) throw new Error(`${tool.name} failed: ${JSON.stringify(result.error)}`);
    expect(validateOutput(result.data), JSON.stringify(validateOutput.errors)).toBe(true);
    expect(result.meta.tool).toBe(tool.name);
    expect(result.meta.attempts).toBeGreaterThanOrEqual(tool.name === "list-inboxes" || tool.name === "list-tags" ? 0 : 1);
    expect(result.meta.durationMs).toBeGreaterThanOrEqual(0);
    expect(typeof result.meta.rateLimit).toBe("object");
  });
});
