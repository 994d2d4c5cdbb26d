/** The Front node: the eleven tools as resources and operations in n8n. */
import { type ToolCatalogEntry, toolCatalog } from "@frontkit/tools";
import type { IExecuteFunctions, ILoadOptionsFunctions, INodeExecutionData, INodeListSearchResult, INodeType, INodeTypeDescription } from "n8n-workflow";
import { nodeDescription } from "./description.js";
import { executeFront } from "./execute.js";
import { loadOptionsMethods } from "./load-options.js";
import { type OperationPlan, planOf } from "./plan.js";
import { API_OPERATION_SEARCH, searchApiOperationItems } from "./raw-operation.js";
import type { FrontNodeOptions } from "./session.js";

/** The operation plans of a catalog (default: every tool of @frontkit/tools). */
export const frontOperationPlans = (catalog: ReadonlyArray<ToolCatalogEntry> = toolCatalog): ReadonlyArray<OperationPlan> =>
  catalog.map(planOf);

/** Builds a Front node class bound to options (tests inject a fetch; n8n uses `Front`). */
export const makeFrontNode = (options: FrontNodeOptions = {}, catalog: ReadonlyArray<ToolCatalogEntry> = toolCatalog) => {
  const plans = frontOperationPlans(catalog);
  const description = nodeDescription(plans);
  const loadOptions = loadOptionsMethods(options);
  return class Front implements INodeType {
    description: INodeTypeDescription = description;

    methods = {
      loadOptions,
      listSearch: {
        // The catalogue is local: no credentials and no request to Front.
        async [API_OPERATION_SEARCH](this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
          return searchApiOperationItems(filter);
        },
      },
    };

    async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
      return executeFront.call(this, plans, options);
    }
  };
};

/** The Front node as n8n loads it. */
export const Front = makeFrontNode();
/** Instance type of the Front node. */
export type Front = InstanceType<typeof Front>;
