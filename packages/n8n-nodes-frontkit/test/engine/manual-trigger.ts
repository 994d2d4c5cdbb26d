/**
 * A manual trigger for the tests. n8n-nodes-base (the real one) is far too big to install
 * for this; this one has the same shape (a trigger whose manualTriggerFunction emits once)
 * and emits the items a test gives it, so per-item behaviour and binary data can be driven.
 */
import type { INodeExecutionData, INodeType, INodeTypeDescription, ITriggerFunctions, ITriggerResponse } from "n8n-workflow";

/** Node type name of the test trigger. */
export const MANUAL_TRIGGER_TYPE = "frontkit-test.manualTrigger";

/** Creates the trigger node type emitting `items` when the workflow runs. */
export const manualTrigger = (items: ReadonlyArray<INodeExecutionData>): INodeType => ({
  description: {
    displayName: "When clicking 'Execute workflow'",
    name: "manualTrigger",
    group: ["trigger"],
    version: 1,
    description: "Runs the flow on clicking a button in n8n",
    defaults: { name: "Manual Trigger" },
    inputs: [],
    outputs: ["main"],
    properties: [],
  } satisfies INodeTypeDescription,
  async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
    const manualTriggerFunction = async () => {
      this.emit([items.map((item) => ({ ...item }))]);
    };
    return { manualTriggerFunction };
  },
});
