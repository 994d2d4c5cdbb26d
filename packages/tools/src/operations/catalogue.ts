/**
 * The Core API operations, as generated at build time from the corrected spec (src/generated/operations.ts):
 * what raw-api-request checks a call against and what search-api-operations returns. Parsed on first use, so
 * processes that never touch them (the MCP bin answering tools/list) do not pay for it.
 */
import type { HttpMethod } from "@frontkit/core";
import { OPERATIONS_JSON } from "../generated/operations.js";

/** A JSON Schema, compacted for agents (refs resolved, examples dropped). */
export type CompactSchema = Readonly<Record<string, unknown>>;

/** One path or query parameter of an operation. */
export interface ApiOperationParameter {
  readonly name: string;
  readonly in: "path" | "query";
  readonly required: boolean;
  /** `deepObject` for Front's `q` search objects (`q[statuses][]=…`). */
  readonly style?: "deepObject";
  readonly schema: CompactSchema;
  readonly description?: string;
}

/** One Core API operation. */
export interface ApiOperation {
  readonly operationId: string;
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The spec's path template, e.g. `/conversations/{conversation_id}`. */
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly tags: ReadonlyArray<string>;
  readonly parameters: ReadonlyArray<ApiOperationParameter>;
  /** The JSON body's schema, when the operation takes one. */
  readonly body?: CompactSchema;
  readonly bodyRequired?: boolean;
  /** Also (or only) accepts multipart/form-data (attachments); raw-api-request sends JSON. */
  readonly multipart?: boolean;
  /** A GET answering a Front list (`_results`, `_pagination`). */
  readonly list: boolean;
  /** Declares the 301 Front answers for a merged conversation. */
  readonly mergeRedirect: boolean;
  /** One line: method, path, query and body as TypeScript-like types. */
  readonly shape: string;
  /** Names of the generated validators. */
  readonly validators: { readonly params: string; readonly body?: string };
  /** Search terms (word stems) and their weights. */
  readonly terms: Readonly<Record<string, number>>;
}

let parsed: ReadonlyArray<ApiOperation> | undefined;
let byKey: ReadonlyMap<string, ApiOperation> | undefined;

/** Every Core API operation, in path then method order. */
export const apiOperations = (): ReadonlyArray<ApiOperation> => {
  parsed ??= JSON.parse(OPERATIONS_JSON) as ReadonlyArray<ApiOperation>;
  return parsed;
};

/** The operation of a method on a path template, if the spec declares it. */
export const operationFor = (method: HttpMethod | string, template: string): ApiOperation | undefined => {
  byKey ??= new Map(apiOperations().map((op) => [`${op.method} ${op.path}`, op]));
  return byKey.get(`${method.toUpperCase()} ${template}`);
};

/** The operation with this operationId (e.g. `update-conversation`). */
export const operationById = (operationId: string): ApiOperation | undefined => apiOperations().find((op) => op.operationId === operationId);
