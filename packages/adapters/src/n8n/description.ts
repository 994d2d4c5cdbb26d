/** The node's description (menus, fields) derived from the tool catalog. */
import type { INodeProperties, INodeTypeDescription } from "n8n-workflow";
import { FRONT_CREDENTIAL_NAME } from "./credentials.js";
import { resourceOptions } from "./operations.js";
import type { OperationPlan } from "./plan.js";
import { operationProperties } from "./properties.js";
import { apiOperationProperty, RAW_TOOL_NAME } from "./raw-operation.js";

/** Parameter names the node adds around the tool fields. */
export const PARAM = {
  resource: "resource",
  operation: "operation",
  returnAll: "returnAll",
  limit: "limit",
  binaryProperties: "binaryProperties",
} as const;

const pagingProperties = (plan: OperationPlan): INodeProperties[] => {
  const show = { resource: [plan.placement.resource], operation: [plan.placement.operation] };
  return [
    {
      displayName: "Return All",
      name: PARAM.returnAll,
      type: "boolean",
      default: false,
      description: "Whether to return all results or only up to a given limit",
      displayOptions: { show },
    },
    {
      displayName: "Limit",
      name: PARAM.limit,
      type: "number",
      typeOptions: { minValue: 1 },
      default: 50,
      description: "Max number of results to return",
      displayOptions: { show: { ...show, [PARAM.returnAll]: [false] } },
    },
  ];
};

const attachmentProperties = (plan: OperationPlan): INodeProperties[] => [
  {
    displayName: "Attachment Binary Properties",
    name: PARAM.binaryProperties,
    type: "string",
    default: "",
    placeholder: "data, invoice",
    description:
      "Comma-separated names of the input item's binary properties to attach (sent as multipart/form-data; 25 MB in total at most). Leave empty for none.",
    displayOptions: { show: { resource: [plan.placement.resource], operation: [plan.placement.operation] } },
  },
];

/** The full node description for the given plans (one per tool). */
export const nodeDescription = (plans: ReadonlyArray<OperationPlan>): INodeTypeDescription => {
  const toolNames = plans.map((p) => p.tool.name);
  const resources = resourceOptions(toolNames);
  const operationMenus: INodeProperties[] = resources.map((resource) => {
    const ops = plans.filter((p) => p.placement.resource === resource.value);
    return {
      displayName: "Operation",
      name: PARAM.operation,
      type: "options",
      noDataExpression: true,
      displayOptions: { show: { resource: [resource.value] } },
      options: ops
        .map((p) => ({ name: p.placement.name, value: p.placement.operation, action: p.tool.title, description: p.tool.description }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      default: ops[0]?.placement.operation ?? "",
    };
  });
  const operationFields = plans.flatMap((plan) => [
    // The picker sits on top of the raw request's own fields (Method, Path…), which it fills in.
    ...(plan.tool.name === RAW_TOOL_NAME ? [apiOperationProperty(plan.placement)] : []),
    ...operationProperties(plan.fields, plan.placement),
    ...(plan.attachments !== undefined ? attachmentProperties(plan) : []),
    ...(plan.paging !== undefined ? pagingProperties(plan) : []),
  ]);
  return {
    displayName: "Front",
    name: "front",
    icon: "file:front.svg",
    group: ["output"],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: "Read and act on Front conversations, contacts, messages, tags, inboxes and teammates",
    defaults: { name: "Front" },
    inputs: ["main"],
    outputs: ["main"],
    usableAsTool: true,
    credentials: [{ name: FRONT_CREDENTIAL_NAME, required: true }],
    properties: [
      {
        displayName: "Resource",
        name: PARAM.resource,
        type: "options",
        noDataExpression: true,
        options: resources,
        default: resources[0]?.value ?? "",
      },
      ...operationMenus,
      ...operationFields,
    ],
  };
};
