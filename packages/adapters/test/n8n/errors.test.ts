import { Disposed } from "@frontkit/tools";
import type { INode } from "n8n-workflow";
import { NodeOperationError } from "n8n-workflow";
import { describe, expect, it } from "vitest";
import { summarizeFailure, toNodeError } from "../../src/n8n/errors.js";

const node: INode = { id: "1", name: "Front", type: "frontkit.front", typeVersion: 1, position: [0, 0], parameters: {} };

describe("n8n errors", () => {
  it("turns a call on a disposed client into a NodeOperationError with its tag and message, never a bare Error", () => {
    const disposed = new Disposed({ message: "The list-tags call was not sent: this FrontTools instance was disposed.", retryable: false });
    expect(summarizeFailure(disposed, [])).toEqual({ message: disposed.message, code: "Disposed", retryable: false });
    const error = toNodeError(node, disposed, 3, []);
    expect(error).toBeInstanceOf(NodeOperationError);
    expect(error.message).toBe(disposed.message);
    expect((error as NodeOperationError & { context: { itemIndex?: number } }).context.itemIndex).toBe(3);
  });

  it("phrases the advice for the setting a tool error points at, for n8n users (the credential)", async () => {
    const { Unauthorized } = await import("@frontkit/tools");
    const summary = summarizeFailure(new Unauthorized({ message: "Front did not accept the API token (HTTP 401) for list-tags.", retryable: false, status: 401, setting: "token" }), []);
    expect(summary.message).toBe("Front did not accept the API token (HTTP 401) for list-tags.");
    expect(summary.description).toMatch(/Token of the Front API credential/);
    expect(JSON.stringify(summary)).not.toMatch(/FRONT_API|--[a-z]|connection's/);
  });
});
