/**
 * How the node runs one tool: its place in the menus, its fields, and how list
 * results become items. Derived from the tool's catalog entry only: what it declares, never guessed.
 */
import type { ToolAttachments, ToolCatalogEntry, ToolPaging } from "@frontkit/tools";
import { type FieldSpec, fieldsOfSchema, type JsonSchema } from "./fields.js";
import { type OperationPlacement, placementOf } from "./operations.js";

/** How "Return All" / "Limit" are honoured for a list operation. */
export type Paging =
  /** The tool pages itself (`limit` + `page_token` in, a next token out): the node follows the tokens. */
  | {
      readonly mode: "token";
      readonly limitKey: string;
      readonly tokenKey: string;
      readonly nextKey: string;
      readonly maxPageSize: number;
      /** The tool's own bounded auto-paging (`auto_paginate` + `max_results`), used when present. */
      readonly auto?: { readonly flagKey: string; readonly maxKey: string; readonly maxResults: number };
    }
  /** The tool returns everything at once: the node trims to Limit. */
  | { readonly mode: "all" };

/** Binary attachments the node reads from n8n binary data. */
export interface AttachmentsPlan {
  /** Input key of the attachments array. */
  readonly key: string;
  /** Property names of one attachment in the tool input. */
  readonly filenameKey: string;
  readonly contentTypeKey: string | undefined;
  readonly dataKey: string;
  /** A string data field takes base64; anything else takes the bytes. */
  readonly dataEncoding: "base64" | "bytes";
}

/** Everything the node needs to expose and run one tool. */
export interface OperationPlan {
  readonly tool: ToolCatalogEntry;
  readonly placement: OperationPlacement;
  /** Fields shown to the user (paging and attachment inputs excluded: the node fills those). */
  readonly fields: ReadonlyArray<FieldSpec>;
  /** For list operations: the output array that becomes one item per element. */
  readonly listKey: string | undefined;
  readonly paging: Paging | undefined;
  readonly attachments: AttachmentsPlan | undefined;
}

const typeIs = (s: JsonSchema | undefined, type: string): boolean =>
  s !== undefined && (s.type === type || (Array.isArray(s.type) && s.type.includes(type)) || (s.anyOf ?? []).some((m) => typeIs(m, type)));

const propertyOf = (schema: JsonSchema, key: string): JsonSchema | undefined => schema.properties?.[key];

/** The tool's declared paging, with the bounds its input schema states (Front's page size when it states none). */
const pagingOf = (paging: ToolPaging | undefined, input: JsonSchema): Paging | undefined => {
  if (paging === undefined) return undefined;
  if (paging.mode === "all") return { mode: "all" };
  const auto = paging.autoPaginate;
  return {
    mode: "token",
    limitKey: paging.limit,
    tokenKey: paging.cursor,
    nextKey: paging.next,
    maxPageSize: propertyOf(input, paging.limit)?.maximum ?? 100,
    ...(auto === undefined ? {} : { auto: { flagKey: auto.flag, maxKey: auto.maxResults, maxResults: propertyOf(input, auto.maxResults)?.maximum ?? 1000 } }),
  };
};

/** The tool's declared attachments input; its data field's schema says whether it takes base64 or bytes. */
const attachmentsOf = (attachments: ToolAttachments | undefined, input: JsonSchema): AttachmentsPlan | undefined => {
  if (attachments === undefined) return undefined;
  const prop = propertyOf(input, attachments.field);
  const item = prop?.items ?? prop?.anyOf?.find((m) => m.items)?.items;
  const dataSchema = item?.properties?.[attachments.data];
  return {
    key: attachments.field,
    filenameKey: attachments.filename,
    contentTypeKey: attachments.contentType,
    dataKey: attachments.data,
    dataEncoding: dataSchema !== undefined && typeIs(dataSchema, "string") ? "base64" : "bytes",
  };
};

/** The plan of one tool, from what its definition declares (menu, paging, attachments) and its input schema. */
export const planOf = (tool: ToolCatalogEntry): OperationPlan => {
  const input = tool.inputJsonSchema as JsonSchema;
  const listKey = tool.paging?.items;
  const paging = pagingOf(tool.paging, input);
  const attachments = attachmentsOf(tool.attachments, input);
  const hidden = new Set<string>([
    ...(paging?.mode === "token" ? [paging.limitKey, paging.tokenKey, ...(paging.auto !== undefined ? [paging.auto.flagKey, paging.auto.maxKey] : [])] : []),
    ...(attachments !== undefined ? [attachments.key] : []),
  ]);
  return {
    tool,
    placement: placementOf(tool),
    fields: fieldsOfSchema(input).filter((f) => !hidden.has(f.key)),
    listKey,
    paging,
    attachments,
  };
};
