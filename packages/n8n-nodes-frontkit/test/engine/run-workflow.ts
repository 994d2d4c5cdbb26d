/**
 * Runs a two-node workflow (manual trigger → Front) in n8n-core's WorkflowExecute, the
 * engine n8n itself uses, and returns what the Front node produced.
 */
import { ExecutionLifecycleHooks, ExternalSecretsProxy, LoadOptionsContext, WorkflowExecute } from "n8n-core";
import type {
  ICredentialDataDecryptedObject,
  ICredentialType,
  ILoadOptionsFunctions,
  IConnections,
  INode,
  INodeExecutionData,
  INodeParameters,
  INodePropertyOptions,
  INodeType,
  INodeTypes,
  IRun,
  IWorkflowBase,
  IWorkflowExecuteAdditionalData,
} from "n8n-workflow";
import { builtFrontCredentials, builtFrontNode, FRONT_NODE_TYPE } from "./built-package.js";
import { TestCredentialsHelper } from "./credentials-helper.js";
import { MANUAL_TRIGGER_TYPE, manualTrigger } from "./manual-trigger.js";
import { n8nWorkflow } from "./n8n-workflow.js";

/** Name of the Front node in the test workflow. */
export const FRONT_NODE_NAME = "Front";

/** What one test run needs. */
export interface RunFrontOptions {
  /** The Front node's parameters (resource, operation, fields…); expressions allowed. */
  readonly parameters: INodeParameters;
  /** The `Front API` credential data (token, baseUrl). */
  readonly credentials: ICredentialDataDecryptedObject;
  /** Items the trigger emits (default: one empty item, like n8n's manual trigger). */
  readonly items?: ReadonlyArray<INodeExecutionData>;
  /** n8n's "On Error: Continue" setting of the node. */
  readonly continueOnFail?: boolean;
  /** Another Front node type to run instead of the built one (e.g. with an injected fetch). */
  readonly nodeType?: INodeType;
}

/** What came out of the run. */
export interface FrontRunResult {
  /** The Front node's main output items. */
  readonly items: INodeExecutionData[];
  /** The error the Front node failed with, if any. */
  readonly error: (Error & { context?: Record<string, unknown>; httpCode?: string | null; description?: string | null }) | undefined;
  /** The whole run (status, runData of every node). */
  readonly run: IRun;
  /** Nodes whose execution hooks fired, in order (from ExecutionLifecycleHooks). */
  readonly executedNodes: string[];
}

/** An INodeTypes over a fixed map of node types (what n8n's loader gives the engine). */
export const nodeTypesOf = (types: Readonly<Record<string, INodeType>>): INodeTypes => ({
  getByName: (name) => {
    const type = types[name];
    if (type === undefined) throw new Error(`unknown node type ${name}`);
    return type;
  },
  getByNameAndVersion: (name) => {
    const type = types[name];
    if (type === undefined) throw new Error(`unknown node type ${name}`);
    return type;
  },
  getKnownTypes: () => Object.fromEntries(Object.keys(types).map((name) => [name, {}])),
});

/** Builds the additionalData WorkflowExecute needs: hooks, credentials, URLs n8n would configure. */
export const additionalDataFor = (hooks: ExecutionLifecycleHooks, credentialsHelper: TestCredentialsHelper): IWorkflowExecuteAdditionalData => {
  const base = "http://127.0.0.1:5678";
  const unused = (what: string) => async () => {
    throw new Error(`${what} is not available in the frontkit engine tests`);
  };
  const additionalData: IWorkflowExecuteAdditionalData = {
    hooks,
    credentialsHelper,
    executeWorkflow: unused("executeWorkflow"),
    getRunExecutionData: async () => undefined,
    getRuntimeCredential: async () => undefined,
    startRunnerTask: unused("startRunnerTask"),
    currentNodeExecutionIndex: 0,
    restApiUrl: `${base}/rest`,
    instanceBaseUrl: `${base}/`,
    formBaseUrl: `${base}/form`,
    formWaitingBaseUrl: `${base}/form-waiting`,
    formTestBaseUrl: `${base}/form-test`,
    webhookBaseUrl: `${base}/webhook`,
    webhookWaitingBaseUrl: `${base}/webhook-waiting`,
    webhookTestBaseUrl: `${base}/webhook-test`,
    mcpBaseUrl: `${base}/mcp`,
    mcpTestBaseUrl: `${base}/mcp-test`,
    variables: {},
    logAiEvent: () => {},
    // No external secrets manager is set: $secrets resolves to nothing, as on a plain n8n.
    externalSecretsProxy: new ExternalSecretsProxy(),
  };
  return additionalData;
};

/** Credential types and data the engine resolves for the Front node. */
export const credentialsHelperFor = (data: ICredentialDataDecryptedObject, type: ICredentialType = builtFrontCredentials()) =>
  new TestCredentialsHelper({ [type.name]: type }, { [type.name]: data });

/** A workflow holding only the Front node: enough for n8n's expression engine to resolve credential expressions. */
export const frontOnlyWorkflow = (): { workflow: InstanceType<typeof n8nWorkflow.Workflow>; node: INode } => {
  const node: INode = { id: "front", name: FRONT_NODE_NAME, type: FRONT_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
  const workflow = new n8nWorkflow.Workflow({
    id: "frontkit-credentials",
    nodes: [node],
    connections: {},
    active: false,
    nodeTypes: nodeTypesOf({ [FRONT_NODE_TYPE]: builtFrontNode() }),
  });
  return { workflow, node };
};

let executionCounter = 0;

/** The test workflow (manual trigger → Front), wired with hooks and credentials, not yet run. */
export const frontWorkflow = (options: Omit<RunFrontOptions, "parameters"> & { readonly parameters?: INodeParameters }) => {
  const frontType = options.nodeType ?? builtFrontNode();
  const credentialType = builtFrontCredentials();
  const frontNode: INode = {
    id: "front",
    name: FRONT_NODE_NAME,
    type: FRONT_NODE_TYPE,
    typeVersion: 1,
    position: [220, 0],
    parameters: options.parameters ?? {},
    credentials: { [credentialType.name]: { id: "cred-1", name: "Front account" } },
    ...(options.continueOnFail === true ? { onError: "continueRegularOutput" as const } : {}),
  };
  const nodes: INode[] = [
    { id: "trigger", name: "Manual Trigger", type: MANUAL_TRIGGER_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
    frontNode,
  ];
  const connections: IConnections = {
    "Manual Trigger": { main: [[{ node: FRONT_NODE_NAME, type: "main", index: 0 }]] },
  };
  const nodeTypes = nodeTypesOf({
    [MANUAL_TRIGGER_TYPE]: manualTrigger(options.items ?? [{ json: {} }]),
    [FRONT_NODE_TYPE]: frontType,
  });
  const workflowId = "frontkit-test";
  const workflow = new n8nWorkflow.Workflow({ id: workflowId, name: "frontkit engine test", nodes, connections, active: false, nodeTypes });
  const workflowData = {
    id: workflowId,
    name: workflow.name,
    nodes,
    connections,
    active: false,
    settings: {},
    createdAt: new Date(),
    updatedAt: new Date(),
  } as unknown as IWorkflowBase;
  executionCounter += 1;
  const hooks = new ExecutionLifecycleHooks("manual", `exec-${executionCounter}`, workflowData);
  const executedNodes: string[] = [];
  hooks.addHandler("nodeExecuteAfter", (nodeName) => {
    executedNodes.push(nodeName);
  });
  const additionalData = additionalDataFor(hooks, credentialsHelperFor(options.credentials, credentialType));
  return { workflow, frontNode, frontType, additionalData, executedNodes };
};

/** Runs manual trigger → Front in WorkflowExecute ("manual" mode, as the editor's Execute button). */
export const runFrontWorkflow = async (options: RunFrontOptions): Promise<FrontRunResult> => {
  const { workflow, additionalData, executedNodes } = frontWorkflow(options);
  const run = await new WorkflowExecute(additionalData, "manual").run({ workflow });
  const task = run.data.resultData.runData[FRONT_NODE_NAME]?.[0];
  return {
    items: task?.data?.main?.[0] ?? [],
    error: (task?.error ?? undefined) as FrontRunResult["error"],
    run,
    executedNodes,
  };
};

/** Calls one of the node's loadOptions methods through n8n-core's LoadOptionsContext (what the editor does). */
export const loadFrontOptions = async (
  method: string,
  credentials: ICredentialDataDecryptedObject,
  nodeType?: INodeType,
): Promise<INodePropertyOptions[]> => {
  const { workflow, frontNode, frontType, additionalData } = frontWorkflow({ credentials, ...(nodeType !== undefined ? { nodeType } : {}) });
  const load = frontType.methods?.loadOptions?.[method];
  if (load === undefined) throw new Error(`the Front node has no loadOptions method ${method}`);
  const context = new LoadOptionsContext(workflow, frontNode, additionalData, "parameters.field");
  // n8n-core is typed against its own n8n-workflow declarations; the runtime object is the real context.
  return load.call(context as unknown as ILoadOptionsFunctions);
};
