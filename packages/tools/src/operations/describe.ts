/**
 * An operation as agents read it: what search-api-operations returns per match and what the MCP resource
 * front-api://operations/{operationId} holds.
 */
import type { ApiOperation, ApiOperationParameter, CompactSchema } from "./catalogue.js";

/** One operation, described for an agent about to call it with raw-api-request. */
export interface OperationDescription {
  readonly operation_id: string;
  readonly method: ApiOperation["method"];
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly tags: ReadonlyArray<string>;
  readonly parameters: ReadonlyArray<ApiOperationParameter>;
  readonly body?: CompactSchema;
  readonly body_required?: boolean;
  /** A GET answering a Front list: raw-api-request can auto_paginate it. */
  readonly list: boolean;
  /** One line: method, path, query and body as TypeScript-like types. */
  readonly shape: string;
  readonly notes?: ReadonlyArray<string>;
}

/** The agent-facing description of an operation. */
export const describeOperation = (op: ApiOperation): OperationDescription => {
  const notes = [
    ...(op.multipart === true ? ["Front also takes this body as multipart/form-data (attachments); raw-api-request sends JSON, use send-message for attachments."] : []),
    ...(op.mergeRedirect ? ["A merged conversation answers 301; raw-api-request sends the call again once to the conversation it became and reports merged_into."] : []),
    ...(op.parameters.some((p) => p.style === "deepObject") ? ['`q` is an object: { "q": { "statuses": ["assigned"] } } is sent as q[statuses][]=assigned.'] : []),
  ];
  return {
    operation_id: op.operationId,
    method: op.method,
    path: op.path,
    summary: op.summary,
    description: op.description,
    tags: op.tags,
    parameters: op.parameters,
    ...(op.body === undefined ? {} : { body: op.body, body_required: op.bodyRequired === true }),
    list: op.list,
    shape: op.shape,
    ...(notes.length === 0 ? {} : { notes }),
  };
};
