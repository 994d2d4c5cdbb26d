/** The Front Trigger node: Front events as workflow runs, by webhook or by polling the events feed. */
import { FRONT_EVENT_TYPES } from "@frontkit/tools";
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions, IWebhookFunctions, IWebhookResponseData } from "n8n-workflow";
import type { FrontNodeOptions } from "./session.js";
import { triggerDescription } from "./trigger-description.js";
import { pollFrontEvents } from "./trigger-poll.js";
import { frontWebhookMethods, receiveFrontWebhook } from "./trigger-webhook.js";

/** Builds a Front Trigger node class bound to options (tests inject a fetch; n8n uses `FrontTrigger`). */
export const makeFrontTriggerNode = (options: FrontNodeOptions = {}) => {
  const description = triggerDescription(FRONT_EVENT_TYPES);
  return class FrontTrigger implements INodeType {
    description: INodeTypeDescription = description;

    webhookMethods = frontWebhookMethods;

    async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
      return receiveFrontWebhook.call(this);
    }

    async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
      return pollFrontEvents.call(this, options);
    }
  };
};

/** The Front Trigger node as n8n loads it. */
export const FrontTrigger = makeFrontTriggerNode();
/** Instance type of the Front Trigger node. */
export type FrontTrigger = InstanceType<typeof FrontTrigger>;
