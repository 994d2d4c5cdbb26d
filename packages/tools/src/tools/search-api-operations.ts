/**
 * search-api-operations: find the Core API operation for a job ("assign a conversation") and learn its
 * parameters and body before calling it with raw-api-request. Read-only and local: it never calls Front.
 * Offered to agents (MCP) beside the eleven connector tools, not in the Spojit connector (see registry.ts).
 */
import { Effect, Schema } from "effect";
import { defineTool } from "../definition.js";
import { describeOperation } from "../operations/describe.js";
import { searchOperations } from "../operations/search.js";

const Methods = Schema.Literals(["GET", "POST", "PUT", "PATCH", "DELETE", "get", "post", "put", "patch", "delete"]);

/** Input of search-api-operations. */
export const SearchApiOperationsInput = Schema.Struct({
  query: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)).annotate({
    description: 'What you want to do, in words, e.g. "assign a conversation", "archive", "list a contact\'s conversations".',
  }),
  method: Schema.optionalKey(Methods).annotate({ description: "Only operations with this HTTP method." }),
  tag: Schema.optionalKey(Schema.String.check(Schema.isMaxLength(60))).annotate({
    description: 'Only operations with this tag (Front\'s API sections, e.g. "Conversations", "Contacts", "Comments").',
  }),
  limit: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 20 }))).annotate({ description: "Most operations returned (default 5, at most 20)." }),
});
/** Input of search-api-operations. */
export type SearchApiOperationsInput = typeof SearchApiOperationsInput.Type;

const JsonObject = Schema.Record(Schema.String, Schema.Unknown);

/** A path or query parameter of an operation. */
export const ApiOperationParameterSchema = Schema.Struct({
  name: Schema.String,
  in: Schema.Literals(["path", "query"]),
  required: Schema.Boolean,
  style: Schema.optionalKey(Schema.Literal("deepObject")).annotate({ description: "deepObject: pass an object, sent as q[field]=…" }),
  schema: JsonObject,
  description: Schema.optionalKey(Schema.String),
});

/** One matching operation. */
export const ApiOperationMatch = Schema.Struct({
  operation_id: Schema.String,
  method: Schema.String.annotate({ description: "HTTP method to pass to raw-api-request." }),
  path: Schema.String.annotate({ description: "Path template: fill in the {parameters} and pass it as raw-api-request's path." }),
  summary: Schema.String,
  description: Schema.String,
  tags: Schema.Array(Schema.String),
  parameters: Schema.Array(ApiOperationParameterSchema).annotate({ description: "Path and query parameters." }),
  body: Schema.optionalKey(JsonObject).annotate({ description: "JSON Schema of the body (compact)." }),
  body_required: Schema.optionalKey(Schema.Boolean),
  list: Schema.Boolean.annotate({ description: "A Front list: raw-api-request can auto_paginate it." }),
  shape: Schema.String.annotate({ description: "The call in one line, query and body as TypeScript-like types." }),
  notes: Schema.optionalKey(Schema.Array(Schema.String)),
});

/** Output of search-api-operations. */
export const SearchApiOperationsOutput = Schema.Struct({
  operations: Schema.Array(ApiOperationMatch).annotate({ description: "Best match first." }),
  count: Schema.Int,
});
/** Output of search-api-operations. */
export type SearchApiOperationsOutput = typeof SearchApiOperationsOutput.Type;

/** search-api-operations tool definition. */
export const searchApiOperations = defineTool({
  name: "search-api-operations",
  title: "Search Front API operations",
  description:
    "Use this before raw-api-request when no dedicated Front tool does the job: it finds the Core API operation for a job described in words " +
    "and returns, best match first, its operation_id, method, path template, summary, path and query parameters and body (compact JSON Schema), " +
    "plus a one-line shape. Common jobs: assign a conversation → PUT /conversations/{conversation_id}/assignee; archive, reopen or trash → " +
    "PATCH /conversations/{conversation_id} with status; add a comment → POST /conversations/{conversation_id}/comments; search conversations → " +
    "GET /conversations/search/{query}; list a contact's conversations → GET /contacts/{contact_id}/conversations; drafts → POST /conversations/{conversation_id}/drafts; " +
    "links → POST /conversations/{conversation_id}/links. Filters: method, tag (e.g. Conversations); limit (default 5). Reads nothing from Front.",
  input: SearchApiOperationsInput,
  output: SearchApiOperationsOutput,
  annotations: { readOnly: true, destructive: false, idempotent: true, openWorld: false },
  examples: [
    { title: "Find how to list a contact's conversations", input: { query: "contact conversations" } },
    { title: "Only write operations about drafts", input: { query: "draft", method: "POST", limit: 3 } },
  ],
  run: (input) =>
    Effect.sync(() => {
      const operations = searchOperations({ query: input.query, method: input.method, tag: input.tag, limit: input.limit }).map(describeOperation);
      return { operations, count: operations.length };
    }),
});
