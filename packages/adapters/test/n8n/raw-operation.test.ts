/** The Raw API operation's "API Operation" picker: its search, its property and how a pick shapes the input. */
import { apiOperations, toolCatalog } from "@frontkit/tools";
import { describe, expect, it } from "vitest";
import { nodeDescription } from "../../src/n8n/description.js";
import { FieldValueError } from "../../src/n8n/input.js";
import { makeFrontNode } from "../../src/n8n/node.js";
import { planOf } from "../../src/n8n/plan.js";
import { API_OPERATION_PARAM, API_OPERATION_SEARCH, applyPickedOperation, pickedOperationId, searchApiOperationItems } from "../../src/n8n/raw-operation.js";

describe("searchApiOperationItems", () => {
  it("finds the assign operations for 'assign', conversation assignee first", () => {
    const { results } = searchApiOperationItems("assign");
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]?.value).toBe("update-conversation-assignee");
    expect(results[0]?.name).toBe("Update conversation assignee (PUT /conversations/{conversation_id}/assignee)");
    expect(results.every((r) => typeof r.value === "string" && r.name.includes("/"))).toBe(true);
  });

  it("lists every operation, sorted by name, for an empty filter", () => {
    const { results } = searchApiOperationItems("");
    expect(results).toHaveLength(apiOperations().length);
    const names = results.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(searchApiOperationItems(undefined).results).toHaveLength(results.length);
  });

  it("is the node's listSearch method, answering without credentials", async () => {
    const Node = makeFrontNode();
    const search = new Node().methods.listSearch[API_OPERATION_SEARCH];
    const answer = await search.call({} as never, "update conversation");
    expect(answer.results.map((r) => r.value)).toContain("update-conversation");
  });
});

describe("the API Operation property", () => {
  it("is a resourceLocator with a searchable list and an id mode, shown only for Raw API → Request", () => {
    const description = nodeDescription(toolCatalog.map(planOf));
    const props = description.properties.filter((p) => p.name === API_OPERATION_PARAM);
    expect(props).toHaveLength(1);
    const prop = props[0];
    expect(prop?.type).toBe("resourceLocator");
    expect(prop?.required).toBeUndefined();
    expect(prop?.displayOptions?.show).toEqual({ resource: ["rawApi"], operation: ["request"] });
    expect(prop?.modes?.map((m) => m.name)).toEqual(["list", "id"]);
    expect(prop?.modes?.[0]?.typeOptions?.searchListMethod).toBe(API_OPERATION_SEARCH);
  });

  it("is not a field of the tool: the raw plan's fields are the tool's input keys only", () => {
    const raw = toolCatalog.find((t) => t.name === "raw-api-request");
    expect(raw).toBeDefined();
    const keys = planOf(raw as NonNullable<typeof raw>).fields.map((f) => f.key);
    expect(keys).not.toContain(API_OPERATION_PARAM);
    expect(keys).toEqual(expect.arrayContaining(["method", "path"]));
  });
});

describe("applyPickedOperation", () => {
  it("leaves the input alone when nothing is picked", () => {
    const input = { method: "GET", path: "/tags" };
    expect(applyPickedOperation(input, pickedOperationId({ __rl: true, mode: "list", value: "" }))).toEqual(input);
  });

  it("sets the operation's method over the Method field", () => {
    expect(applyPickedOperation({ method: "POST", path: "/tags" }, "list-tags")).toEqual({ method: "GET", path: "/tags" });
  });

  it("keeps a typed path that fits the operation's template", () => {
    const input = { method: "GET", path: "/conversations/cnv_1", body: { status: "archived" } };
    expect(applyPickedOperation(input, "update-conversation")).toEqual({ ...input, method: "PATCH" });
  });

  it("refuses an unknown id, an empty path, unfilled path parameters and a path of another operation", () => {
    expect(() => applyPickedOperation({ method: "GET", path: "/tags" }, "no-such-op")).toThrow(FieldValueError);
    expect(() => applyPickedOperation({ method: "GET", path: "" }, "update-conversation")).toThrow(/\{conversation_id\}/u);
    expect(() => applyPickedOperation({ method: "GET", path: "/conversations/" }, "update-conversation")).toThrow(/not a path of/u);
    expect(() => applyPickedOperation({ method: "GET", path: "/tags" }, "update-conversation")).toThrow(/not a path of update-conversation/u);
  });

  it("reads the picker's value from a resourceLocator object or a plain string", () => {
    expect(pickedOperationId({ __rl: true, mode: "id", value: " list-tags " })).toBe("list-tags");
    expect(pickedOperationId("list-tags")).toBe("list-tags");
    expect(pickedOperationId(undefined)).toBeUndefined();
  });
});
