/**
 * The built Front Trigger's description and its `Front Webhook` credential, checked with
 * n8n's own parameter and credential resolution (NodeHelpers).
 */
import { FRONT_EVENT_TYPES } from "@frontkit/tools";
import type { INodeProperties, INodePropertyOptions } from "n8n-workflow";
import { describe, expect, it } from "vitest";
import { builtFrontTriggerNode, builtFrontWebhookCredentials } from "./engine/built-package.js";
import { n8nWorkflow } from "./engine/n8n-workflow.js";
import { registeredWebhookMethod } from "./engine/trigger-host.js";

const description = builtFrontTriggerNode().description;

const property = (name: string): INodeProperties => {
  const found = description.properties.find((p) => p.name === name);
  if (found === undefined) throw new Error(`no property ${name}`);
  return found;
};

const resolved = (parameters: Record<string, unknown>) =>
  n8nWorkflow.NodeHelpers.getNodeParameters(description.properties, parameters as never, true, false, null, null);

const shown = (name: string, parameters: Record<string, unknown>): boolean => {
  const values = resolved(parameters) ?? {};
  return n8nWorkflow.NodeHelpers.displayParameter(values, property(name), null, null);
};

describe("Front Trigger description (built)", () => {
  it("is a trigger named frontTrigger with a webhook and polling", () => {
    expect(description).toMatchObject({ name: "frontTrigger", displayName: "Front Trigger", group: ["trigger"], version: 1, inputs: [], outputs: ["main"] });
    expect(description.polling).toBe(true);
    expect(description.webhooks).toHaveLength(1);
    expect(description.webhooks?.[0]).toMatchObject({ name: "default", path: "webhook", responseMode: "onReceived" });
    expect(description.icon).toBe("file:front.svg");
  });

  it("has the documented parameters, defaulting to an application webhook with no filter", () => {
    expect(description.properties.map((p) => p.name)).toEqual(["mode", "webhookNotice", "kind", "events", "inboxIds", "startAt"]);
    expect(resolved({})).toMatchObject({ mode: "webhook", kind: "application", events: [], inboxIds: "" });
    expect((property("mode").options as INodePropertyOptions[]).map((o) => o.value)).toEqual(["webhook", "polling"]);
    expect((property("kind").options as INodePropertyOptions[]).map((o) => o.value)).toEqual(["application", "rule"]);
  });

  it("offers every Front event type once, with a readable name", () => {
    const options = property("events").options as INodePropertyOptions[];
    expect(options.map((o) => o.value).sort()).toEqual([...FRONT_EVENT_TYPES].sort());
    expect(options.find((o) => o.value === "out_reply")?.name).toBe("Out Reply");
  });

  it("shows the webhook kind only for webhooks and the start time only for polling", () => {
    expect(shown("kind", { mode: "webhook" })).toBe(true);
    expect(shown("kind", { mode: "polling" })).toBe(false);
    expect(shown("startAt", { mode: "polling" })).toBe(true);
    expect(shown("startAt", { mode: "webhook" })).toBe(false);
    expect(shown("events", { mode: "polling" })).toBe(true);
    expect(shown("inboxIds", { mode: "webhook" })).toBe(true);
  });

  it("asks for the Front Webhook credential in webhook mode and Front API when polling", () => {
    expect(description.credentials).toEqual([
      { name: "frontWebhookApi", required: true, displayOptions: { show: { mode: ["webhook"] } } },
      { name: "frontApi", required: true, displayOptions: { show: { mode: ["polling"] } } },
    ]);
    const active = (mode: string) =>
      (description.credentials ?? [])
        .filter((c) => n8nWorkflow.NodeHelpers.displayParameter(resolved({ mode }) ?? {}, c, null, null))
        .map((c) => c.name);
    expect(active("webhook")).toEqual(["frontWebhookApi"]);
    expect(active("polling")).toEqual(["frontApi"]);
  });

  it("registers a POST webhook in webhook mode and none when polling (n8n's expression engine)", () => {
    expect(registeredWebhookMethod({ parameters: { mode: "webhook", kind: "rule" }, credentials: {} })).toBe("POST");
    expect(registeredWebhookMethod({ parameters: { mode: "polling" }, credentials: {} })).toBe("");
  });
});

describe("Front Webhook credential (built)", () => {
  it("is frontWebhookApi with one required password field and no request to Front", () => {
    const type = builtFrontWebhookCredentials();
    expect(type.name).toBe("frontWebhookApi");
    expect(type.displayName).toBe("Front Webhook");
    expect(type.properties.map((p) => p.name)).toEqual(["secret"]);
    expect(type.properties[0]).toMatchObject({ type: "string", required: true, typeOptions: { password: true }, default: "" });
    // Nothing to authenticate or test against: the secret never leaves n8n.
    expect(type.authenticate).toBeUndefined();
    expect(type.test).toBeUndefined();
  });

  it("says which Front secret goes where, without holding one", () => {
    const text = JSON.stringify(builtFrontWebhookCredentials());
    expect(text).toContain("signing key");
    expect(text).toContain("API secret");
    expect(builtFrontWebhookCredentials().properties[0]?.default).toBe("");
  });
});
