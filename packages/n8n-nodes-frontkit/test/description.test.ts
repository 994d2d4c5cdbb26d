/**
 * The built node's description against the tools registry it is derived from, checked
 * with n8n's own parameter resolution (NodeHelpers.getNodeParameters).
 */
import { toolCatalog } from "@frontkit/tools";
import type { INodeProperties, INodePropertyOptions } from "n8n-workflow";
import { describe, expect, it } from "vitest";
import { builtFrontNode } from "./engine/built-package.js";
import { n8nWorkflow } from "./engine/n8n-workflow.js";

const description = builtFrontNode().description;

const operationsOf = (resource: string): INodePropertyOptions[] =>
  (description.properties.find((p) => p.name === "operation" && p.displayOptions?.show?.resource?.[0] === resource)?.options ?? []) as INodePropertyOptions[];

const resources = (description.properties.find((p) => p.name === "resource")?.options ?? []) as INodePropertyOptions[];

const allOperations = resources.flatMap((r) => operationsOf(String(r.value)).map((o) => ({ resource: String(r.value), operation: o })));

describe("built node description", () => {
  it("offers the seven resources, and no Other (every tool is placed)", () => {
    expect(resources.map((r) => r.name)).toEqual(["Conversation", "Contact", "Message", "Tag", "Inbox", "Teammate", "Raw API"]);
  });

  it("groups the eleven tools into the expected operations", () => {
    const menu = Object.fromEntries(resources.map((r) => [r.name, operationsOf(String(r.value)).map((o) => o.name)]));
    expect(menu).toEqual({
      Conversation: ["Add Tag", "Get", "Get Many"],
      Contact: ["Create", "Get", "Get Many"],
      Message: ["Send"],
      Tag: ["Get Many"],
      Inbox: ["Get Many"],
      Teammate: ["Get Many"],
      "Raw API": ["Request"],
    });
  });

  it("has exactly one operation per tool, described by the tool's own description", () => {
    expect(allOperations).toHaveLength(toolCatalog.length);
    for (const tool of toolCatalog) {
      const op = allOperations.find((o) => o.operation.description === tool.description);
      expect(op, tool.name).toBeDefined();
      expect(op?.operation.action).toBe(tool.title);
    }
  });

  it("resolves with n8n's parameter engine for every operation (defaults, displayOptions)", () => {
    for (const { resource, operation } of allOperations) {
      const resolved = n8nWorkflow.NodeHelpers.getNodeParameters(
        description.properties,
        { resource, operation: operation.value as string },
        true,
        false,
        null,
        null,
      );
      expect(resolved?.resource).toBe(resource);
      expect(resolved?.operation).toBe(operation.value);
    }
  });

  it("every property has a display name and a default, and option values are unique per menu", () => {
    const walk = (props: ReadonlyArray<INodeProperties>) => {
      for (const p of props) {
        expect(p.displayName, p.name).not.toBe("");
        expect(p.default, p.name).toBeDefined();
        if (p.type === "options" || p.type === "multiOptions") {
          const values = ((p.options ?? []) as INodePropertyOptions[]).map((o) => o.value);
          expect(new Set(values).size, p.name).toBe(values.length);
        }
        if (p.type === "collection") walk((p.options ?? []) as INodeProperties[]);
      }
    };
    walk(description.properties);
  });
});
