import { mcpToolCatalog, toolNames } from "@frontkit/tools";
import { describe, expect, it } from "vitest";
import { frontConnector } from "../../src/spojit/connector.js";

describe("the Spojit connector's tool set", () => {
  it("is the eleven tools: search-api-operations is offered to MCP agents only", () => {
    expect(frontConnector.tools.map((t) => t.name)).toEqual([...toolNames]);
    expect(toolNames).toHaveLength(11);
    expect(frontConnector.tools.map((t) => t.name)).not.toContain("search-api-operations");
    expect(mcpToolCatalog.map((t) => t.name)).toContain("search-api-operations");
  });
});
