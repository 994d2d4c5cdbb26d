/**
 * The Raw API operation's "API Operation" picker: a searchable list of Front's Core API operations (from the
 * tools' catalogue, never restated here). It is n8n presentation only: the picked operation sets the method and,
 * Path (required by the tool, so n8n asks for it) must be a path of that operation, its ids filled in; the request
 * then goes through raw-api-request, which checks query and body as always.
 */
import { type ApiOperation, apiOperations, operationById, searchOperations } from "@frontkit/tools";
import type { INodeListSearchItems, INodeListSearchResult, INodeProperties } from "n8n-workflow";
import { FieldValueError } from "./input.js";

/** The tool whose operation gets the picker. */
export const RAW_TOOL_NAME = "raw-api-request";

/** Parameter name of the picker. */
export const API_OPERATION_PARAM = "apiOperation";

/** Name of the listSearch method behind the picker's list mode. */
export const API_OPERATION_SEARCH = "searchApiOperations";

const DISPLAY_NAME = "API Operation";

// n8n's list mode shows what the method returns at once; Front's spec has a bit over a hundred operations.
const MAX_RESULTS = 200;

const itemOf = (op: ApiOperation): INodeListSearchItems => ({
  name: `${op.summary || op.operationId} (${op.method} ${op.path})`,
  value: op.operationId,
  ...(op.description !== "" ? { description: op.description } : {}),
});

const byName = (a: INodeListSearchItems, b: INodeListSearchItems) => a.name.localeCompare(b.name);

/** The picker's search: best matches for a filter, or every operation sorted by name for an empty one. */
export const searchApiOperationItems = (filter: string | undefined): INodeListSearchResult => {
  const query = filter?.trim() ?? "";
  const results =
    query === "" ? apiOperations().map(itemOf).sort(byName) : searchOperations({ query, limit: MAX_RESULTS }).map(itemOf);
  return { results };
};

/** The picker property, shown with the Raw API operation's fields. */
export const apiOperationProperty = (show: { readonly resource: string; readonly operation: string }): INodeProperties => ({
  displayName: DISPLAY_NAME,
  name: API_OPERATION_PARAM,
  type: "resourceLocator",
  default: { mode: "list", value: "" },
  description:
    "Optional. The Front operation to call: it sets the method (Method is then ignored); Path must be a path of this operation, with its ids filled in (the list shows its template).",
  displayOptions: { show: { resource: [show.resource], operation: [show.operation] } },
  modes: [
    {
      displayName: "From List",
      name: "list",
      type: "list",
      placeholder: "Select an operation…",
      typeOptions: { searchListMethod: API_OPERATION_SEARCH, searchable: true },
    },
    {
      displayName: "By ID",
      name: "id",
      type: "string",
      placeholder: "e.g. update-conversation",
    },
  ],
});

// A path with its ids filled in matches the template segment by segment, a {param} standing for one non-empty segment.
const matchesTemplate = (path: string, template: string): boolean => {
  const segments = (p: string) => p.replace(/^\/+|\/+$/gu, "").split("/");
  const have = segments(path);
  const want = segments(template);
  return have.length === want.length && want.every((w, i) => (/^\{[^}]+\}$/u.test(w) ? (have[i] ?? "") !== "" : w === have[i]));
};

/** The picker's value (a resourceLocator object, or a plain string from an expression) as an operationId. */
export const pickedOperationId = (value: unknown): string | undefined => {
  const raw = typeof value === "object" && value !== null && "value" in value ? (value as { value: unknown }).value : value;
  const id = typeof raw === "string" ? raw.trim() : "";
  return id === "" ? undefined : id;
};

/**
 * Applies a picked operation to raw-api-request's input: its method, once the typed path is known to be one of
 * its paths. A picked id Front does not have, an empty path or a path of another operation is refused here,
 * before anything is sent.
 */
export const applyPickedOperation = (input: Record<string, unknown>, operationId: string | undefined): Record<string, unknown> => {
  if (operationId === undefined) return input;
  const op = operationById(operationId);
  if (op === undefined) {
    throw new FieldValueError(DISPLAY_NAME, `${DISPLAY_NAME}: "${operationId}" is not a Front Core API operation. Pick one from the list.`);
  }
  const path = typeof input["path"] === "string" ? input["path"].trim() : "";
  // Filling the template in ourselves would send "{conversation_id}" literally or guess ids: the user types the path.
  if (path === "") throw new FieldValueError("Path", `Path: type the path of ${op.operationId}, its ids filled in: ${op.path}.`);
  if (!matchesTemplate(path.split("?")[0] ?? path, op.path)) {
    throw new FieldValueError("Path", `Path: ${path} is not a path of ${op.operationId} (${op.method} ${op.path}).`);
  }
  return { ...input, method: op.method };
};
