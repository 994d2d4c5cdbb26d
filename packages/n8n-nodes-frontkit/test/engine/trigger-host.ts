/**
 * The host side of the built Front Trigger, as small as n8n's own: a webhook endpoint that
 * reads the raw body the way n8n's body reader does, runs the node's webhook() in n8n-core's
 * WebhookContext and starts the workflow in WorkflowExecute with what it returned; and a
 * poller that ticks the node through n8n-core's PollTriggerExecutor with a real PollContext.
 * Static data is saved between calls as n8n saves it (JSON, only when the run changed it),
 * so what the node keeps there must survive a restart.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createRequire } from "node:module";
import { ExecutionLifecycleHooks, PollContext, PollTriggerExecutor, WebhookContext, WorkflowExecute } from "n8n-core";
import type {
  ICredentialDataDecryptedObject,
  IDataObject,
  INode,
  INodeExecutionData,
  INodeParameters,
  INodeType,
  IPollFunctions,
  IRun,
  IWebhookData,
  IWebhookFunctions,
  IWorkflowBase,
  WorkflowExecuteMode,
} from "n8n-workflow";
import { builtFrontCredentials, builtFrontTriggerNode, builtFrontWebhookCredentials, FRONT_TRIGGER_NODE_TYPE } from "./built-package.js";
import { TestCredentialsHelper } from "./credentials-helper.js";
import { n8nWorkflow } from "./n8n-workflow.js";
import { additionalDataFor, nodeTypesOf } from "./run-workflow.js";

// n8n-core's own dependency injection container (the one WorkflowExecute uses), reached through
// n8n-core so the test never holds a second copy.
const requireFromCore = createRequire(createRequire(import.meta.url).resolve("n8n-core"));
const { Container } = requireFromCore("@n8n/di") as { Container: { get<T>(type: new (...args: never[]) => T): T } };

/** Name of the trigger node in the test workflow. */
export const TRIGGER_NODE_NAME = "Front Trigger";
/** Name of the node after the trigger, which only passes its input on. */
export const COLLECT_NODE_NAME = "Collect";
const COLLECT_NODE_TYPE = "frontkit-test.collect";

/** A node that outputs its input: proof the run went past the trigger. */
const collectNode: INodeType = {
  description: {
    displayName: "Collect",
    name: "collect",
    group: ["transform"],
    version: 1,
    description: "Passes its input on",
    defaults: { name: COLLECT_NODE_NAME },
    inputs: ["main"],
    outputs: ["main"],
    properties: [],
  },
  async execute() {
    return [this.getInputData()];
  },
};

/** One workflow run the trigger started. */
export interface TriggerRun {
  /** What the trigger node output in the run. */
  readonly items: INodeExecutionData[];
  /** What the node after it received. */
  readonly collected: INodeExecutionData[];
  readonly run: IRun;
}

/** The trigger's set-up in a test. */
export interface TriggerSetup {
  /** The trigger node's parameters. */
  readonly parameters: INodeParameters;
  /** Credential data by credential type name (`frontApi`, `frontWebhookApi`). */
  readonly credentials: Readonly<Record<string, ICredentialDataDecryptedObject>>;
  /** Another trigger node type instead of the built one (e.g. with an injected fetch). */
  readonly nodeType?: () => INodeType;
}

/** The static data n8n keeps for the workflow between runs, saved as JSON. */
export class StaticDataStore {
  private saved: IDataObject = {};

  /** A fresh copy, as n8n reads it from its database for each run. */
  load(): IDataObject {
    return JSON.parse(JSON.stringify(this.saved)) as IDataObject;
  }

  /** Saves the workflow's static data if something changed it (n8n's own rule). */
  saveIfChanged(staticData: IDataObject): boolean {
    if (staticData["__dataChanged"] !== true) return false;
    const copy = JSON.parse(JSON.stringify(staticData)) as IDataObject;
    delete copy["__dataChanged"];
    this.saved = copy;
    return true;
  }

  /** The trigger node's part, as last saved. */
  node(): IDataObject {
    return (this.load()[`node:${TRIGGER_NODE_NAME}`] as IDataObject | undefined) ?? {};
  }
}

let executions = 0;

/** The test workflow (Front Trigger → Collect) with its static data loaded, hooks and credentials. */
export const workflowFor = (setup: TriggerSetup, store = new StaticDataStore(), mode: WorkflowExecuteMode = "webhook") => {
  const triggerType = (setup.nodeType ?? builtFrontTriggerNode)();
  const triggerNode: INode = {
    id: "front-trigger",
    name: TRIGGER_NODE_NAME,
    type: FRONT_TRIGGER_NODE_TYPE,
    typeVersion: 1,
    position: [0, 0],
    parameters: setup.parameters,
    webhookId: "8f1d6a2e-frontkit-test",
    credentials: Object.fromEntries(Object.keys(setup.credentials).map((type) => [type, { id: `cred-${type}`, name: type }])),
  };
  const nodes: INode[] = [
    triggerNode,
    { id: "collect", name: COLLECT_NODE_NAME, type: COLLECT_NODE_TYPE, typeVersion: 1, position: [220, 0], parameters: {} },
  ];
  const connections = { [TRIGGER_NODE_NAME]: { main: [[{ node: COLLECT_NODE_NAME, type: "main" as const, index: 0 }]] } };
  const workflowId = "frontkit-trigger-test";
  const workflow = new n8nWorkflow.Workflow({
    id: workflowId,
    name: "frontkit trigger test",
    nodes,
    connections,
    active: true,
    nodeTypes: nodeTypesOf({ [FRONT_TRIGGER_NODE_TYPE]: triggerType, [COLLECT_NODE_TYPE]: collectNode }),
    staticData: store.load(),
  });
  const workflowData = { id: workflowId, name: workflow.name, nodes, connections, active: true, settings: {} } as unknown as IWorkflowBase;
  executions += 1;
  const hooks = new ExecutionLifecycleHooks(mode, `exec-${executions}`, workflowData);
  const types = [builtFrontCredentials(), builtFrontWebhookCredentials()];
  const helper = new TestCredentialsHelper(Object.fromEntries(types.map((t) => [t.name, t])), setup.credentials);
  const additionalData = additionalDataFor(hooks, helper);
  return { workflow, triggerNode, triggerType, additionalData };
};

/** Runs the workflow from the trigger's output, as n8n starts a run for a webhook or a poll. */
const runFromTrigger = async (
  built: ReturnType<typeof workflowFor>,
  data: INodeExecutionData[][],
  mode: WorkflowExecuteMode,
): Promise<TriggerRun> => {
  const runExecutionData = n8nWorkflow.createRunExecutionData({
    executionData: { nodeExecutionStack: [{ node: built.triggerNode, data: { main: data }, source: null }] },
  });
  const run = await new WorkflowExecute(built.additionalData, mode, runExecutionData).processRunExecutionData(built.workflow);
  const output = (name: string) => run.data.resultData.runData[name]?.[0]?.data?.main?.[0] ?? [];
  return { items: output(TRIGGER_NODE_NAME), collected: output(COLLECT_NODE_NAME), run };
};

/** The method n8n registers the node's webhook for ("" or undefined: none), evaluated like n8n's WebhookService. */
export const registeredWebhookMethod = (setup: TriggerSetup): string | undefined => {
  const built = workflowFor(setup, new StaticDataStore(), "webhook");
  const description = built.triggerType.description.webhooks?.[0];
  if (description === undefined) return undefined;
  const method = built.workflow.expression.getSimpleParameterValue(built.triggerNode, description.httpMethod, "internal", {}, undefined, "GET");
  return method === undefined ? undefined : String(method);
};

/** A webhook endpoint serving the trigger on 127.0.0.1. */
export interface WebhookHost {
  /** The URL Front would be given. */
  readonly url: string;
  /** Runs started, in order. */
  readonly runs: TriggerRun[];
  /** Errors the node's webhook() threw (it should never throw). */
  readonly thrown: unknown[];
  readonly store: StaticDataStore;
  stop(): Promise<void>;
}

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
};

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

/** Starts the webhook endpoint; `mode` "manual" is n8n's "Listen for test event". */
export const startWebhookHost = async (setup: TriggerSetup, mode: WorkflowExecuteMode = "webhook"): Promise<WebhookHost> => {
  const store = new StaticDataStore();
  const runs: TriggerRun[] = [];
  const thrown: unknown[] = [];
  const path = "/webhook/8f1d6a2e-frontkit-test/webhook";
  const method = registeredWebhookMethod(setup);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // n8n answers 404 for a path or method no active webhook registered.
    if (req.url !== path || method === undefined || method === "" || req.method !== method) return sendJson(res, 404, { message: "not registered" });
    // What n8n's body reader leaves on the request before a trigger node runs: the raw bytes and, for JSON, the parsed body.
    const raw = await readBody(req);
    const request = req as IncomingMessage & { rawBody?: Buffer; body?: unknown; readRawBody?: () => Promise<void> };
    request.rawBody = raw;
    request.readRawBody = async () => {};
    if ((req.headers["content-type"] ?? "").startsWith("application/json") && raw.length > 0) {
      try {
        request.body = JSON.parse(raw.toString("utf8"));
      } catch {
        return sendJson(res, 422, { message: "Failed to parse request body" });
      }
    } else {
      request.body = {};
    }
    const built = workflowFor(setup, store, mode);
    built.additionalData.httpRequest = request as never;
    built.additionalData.httpResponse = res as never;
    const description = built.triggerType.description.webhooks?.[0];
    if (description === undefined) throw new Error("the trigger has no webhook description");
    const webhookData: IWebhookData = {
      httpMethod: "POST",
      node: TRIGGER_NODE_NAME,
      path: path.slice("/webhook/".length),
      webhookDescription: description,
      workflowId: built.workflow.id,
      workflowExecuteAdditionalData: built.additionalData,
    };
    const context = new WebhookContext(built.workflow, built.triggerNode, built.additionalData, mode, webhookData, [], null);
    let result;
    try {
      result = await built.triggerType.webhook!.call(context as unknown as IWebhookFunctions);
    } catch (error) {
      thrown.push(error);
      if (!res.headersSent) sendJson(res, 500, { message: "Workflow Webhook Error: Workflow could not be started!" });
      return;
    }
    if (result.workflowData === undefined) {
      if (result.noWebhookResponse !== true && !res.headersSent) sendJson(res, 200, result.webhookResponse ?? { message: "Webhook call received" });
      return;
    }
    runs.push(await runFromTrigger(built, result.workflowData, mode));
    store.saveIfChanged(built.workflow.staticData);
    if (!res.headersSent) sendJson(res, 200, { message: "Workflow was started" });
  };

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      thrown.push(error);
      if (!res.headersSent) sendJson(res, 500, { message: String(error) });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    runs,
    thrown,
    store,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
};

/** What one poll did. */
export interface PollOutcome {
  /** The run the poll started, when it emitted events. */
  readonly run?: TriggerRun;
  /** The error the poll reported to n8n (__emitError), when it failed. */
  readonly error?: Error;
}

/** The trigger activated in polling mode: each tick is one scheduled poll. */
export interface PollHost {
  readonly store: StaticDataStore;
  /** The poll n8n runs on activation (errors fail the activation: they are thrown). */
  activate(): Promise<PollOutcome>;
  /** One scheduled poll (errors go to __emitError, as n8n reports them). */
  tick(): Promise<PollOutcome>;
  /** "Fetch test event" in the editor: the node run in a manual execution. */
  fetchTestEvent(): Promise<{ items: INodeExecutionData[]; error: Error | undefined; staticDataChanged: boolean }>;
}

/** The trigger in polling mode, driven through n8n-core's PollTriggerExecutor. */
export const pollHost = (setup: TriggerSetup, store = new StaticDataStore()): PollHost => {
  const poll = async (testingTrigger: boolean): Promise<PollOutcome> => {
    const built = workflowFor(setup, store, "trigger");
    let emitted: Promise<TriggerRun> | undefined;
    let error: Error | undefined;
    const context = new PollContext(
      built.workflow,
      built.triggerNode,
      built.additionalData,
      "trigger",
      // n8n builds the context once when the workflow is activated and ticks with it, so every poll reports "activate".
      "activate",
      (data: INodeExecutionData[][]) => {
        emitted = runFromTrigger(built, data, "trigger");
      },
      (e: Error) => {
        error = e;
      },
    );
    const execute = Container.get(PollTriggerExecutor).create(built.workflow, built.triggerNode, context as unknown as IPollFunctions, () => true);
    await execute(testingTrigger);
    const run = emitted === undefined ? undefined : await emitted;
    if (error === undefined) store.saveIfChanged(built.workflow.staticData);
    return { ...(run !== undefined ? { run } : {}), ...(error !== undefined ? { error } : {}) };
  };
  return {
    store,
    activate: () => poll(true),
    tick: () => poll(false),
    fetchTestEvent: async () => {
      const built = workflowFor(setup, store, "manual");
      const runExecutionData = n8nWorkflow.createRunExecutionData({
        executionData: { nodeExecutionStack: [{ node: built.triggerNode, data: { main: [[{ json: {} }]] }, source: null }] },
      });
      const run = await new WorkflowExecute(built.additionalData, "manual", runExecutionData).processRunExecutionData(built.workflow);
      const task = run.data.resultData.runData[TRIGGER_NODE_NAME]?.[0];
      // n8n does not save static data after a manual run; whether the node wrote any is reported instead.
      return {
        items: task?.data?.main?.[0] ?? [],
        error: (task?.error ?? undefined) as Error | undefined,
        staticDataChanged: built.workflow.staticData["__dataChanged"] === true,
      };
    },
  };
};
