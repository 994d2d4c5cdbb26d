/**
 * How the node runs one tool: its place in the menus, its fields, and how list
 * results become items. Derived from the tool's catalog entry only.
 */
import type { ToolCatalogEntry } from "@frontkit/tools";
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

const TOKEN_KEYS = ["page_token", "cursor"];
const NEXT_KEYS = ["next_page_token", "page_token", "next_cursor", "next"];
const LIMIT_KEYS = ["limit", "page_size"];
const AUTO_KEYS = ["auto_paginate", "auto_paging"];
const MAX_KEYS = ["max_results", "max_items"];

const typeIs = (s: JsonSchema | undefined, type: string): boolean =>
  s !== undefined && (s.type === type || (Array.isArray(s.type) && s.type.includes(type)) || (s.anyOf ?? []).some((m) => typeIs(m, type)));

// A list tool answers { <things>: [...], count?, next_page_token? }: exactly one array of
// objects and no single object beside it ({ conversation, messages } is one conversation).
const listKeyOf = (output: JsonSchema): string | undefined => {
  const props = Object.entries(output.properties ?? {});
  const itemsOf = (s: JsonSchema) => s.items ?? (s.anyOf ?? []).find((m) => m.items)?.items;
  const arrays = props.filter(([, s]) => typeIs(s, "array") && typeIs(itemsOf(s), "object"));
  const objects = props.filter(([, s]) => typeIs(s, "object"));
  return arrays.length === 1 && objects.length === 0 ? arrays[0]?.[0] : undefined;
};

const attachmentsOf = (input: JsonSchema): AttachmentsPlan | undefined => {
  const prop = input.properties?.["attachments"];
  const item = prop?.items ?? prop?.anyOf?.find((m) => m.items)?.items;
  const keys = Object.keys(item?.properties ?? {});
  const filenameKey = keys.find((k) => /file_?name|^name$/i.test(k));
  const dataKey = keys.find((k) => /data|content$|base64/i.test(k) && !/type/i.test(k));
  if (filenameKey === undefined || dataKey === undefined) return undefined;
  const dataSchema = item?.properties?.[dataKey];
  return {
    key: "attachments",
    filenameKey,
    contentTypeKey: keys.find((k) => /content_?type|mime/i.test(k)),
    dataKey,
    dataEncoding: dataSchema !== undefined && typeIs(dataSchema, "string") ? "base64" : "bytes",
  };
};

/** The plan of one tool. */
export const planOf = (tool: ToolCatalogEntry): OperationPlan => {
  const input = tool.inputJsonSchema as JsonSchema;
  const output = tool.outputJsonSchema as JsonSchema;
  // Only read-only tools list things: add-tag answers { conversation_id, tags: [...] } about one conversation.
  const listKey = tool.annotations.readOnlyHint ? listKeyOf(output) : undefined;
  const inputKeys = Object.keys(input.properties ?? {});
  const outputKeys = Object.keys(output.properties ?? {});
  const limitKey = LIMIT_KEYS.find((k) => inputKeys.includes(k));
  const tokenKey = TOKEN_KEYS.find((k) => inputKeys.includes(k));
  const nextKey = NEXT_KEYS.find((k) => outputKeys.includes(k));
  const maxPageSize = (limitKey !== undefined ? input.properties?.[limitKey]?.maximum : undefined) ?? 100;
  const flagKey = AUTO_KEYS.find((k) => inputKeys.includes(k));
  const maxKey = MAX_KEYS.find((k) => inputKeys.includes(k));
  const auto =
    flagKey !== undefined && maxKey !== undefined
      ? { flagKey, maxKey, maxResults: input.properties?.[maxKey]?.maximum ?? 1000 }
      : undefined;
  const paging: Paging | undefined =
    listKey === undefined
      ? undefined
      : limitKey !== undefined && tokenKey !== undefined && nextKey !== undefined
        ? { mode: "token", limitKey, tokenKey, nextKey, maxPageSize, ...(auto !== undefined ? { auto } : {}) }
        : { mode: "all" };
  const attachments = attachmentsOf(input);
  const hidden = new Set<string>([
    ...(paging?.mode === "token" ? [paging.limitKey, paging.tokenKey, ...(paging.auto !== undefined ? [paging.auto.flagKey, paging.auto.maxKey] : [])] : []),
    ...(attachments !== undefined ? [attachments.key] : []),
  ]);
  return {
    tool,
    placement: placementOf(tool.name),
    fields: fieldsOfSchema(input).filter((f) => !hidden.has(f.key)),
    listKey,
    paging,
    attachments,
  };
};
