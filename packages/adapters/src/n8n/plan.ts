/**
 * How the node runs one tool: its place in the menus, its fields, and how list
 * results become items. Derived from the tool's catalog entry only.
 */
import type { ToolCatalogEntry } from "@frontkit/tools";
import { type FieldSpec, fieldsOfSchema, type JsonSchema } from "./fields.js";
import { type OperationPlacement, placementOf } from "./operations.js";

/**
 * How "Return All" / "Limit" are honoured for a list operation: the tool's own paging declaration
 * (`ToolPaging`: "token" — the node follows the tool's next tokens; "all" — the node trims to Limit), without
 * its `listKey`, which the plan carries beside it.
 */
export type Paging = NonNullable<ToolCatalogEntry["paging"]> extends infer P ? (P extends unknown ? Omit<P, "listKey"> : never) : never;

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
  /** For list operations: the output array that becomes one item per element (the tool's declared `listKey`). */
  readonly listKey: string | undefined;
  readonly paging: Paging | undefined;
  readonly attachments: AttachmentsPlan | undefined;
}

const typeIs = (s: JsonSchema | undefined, type: string): boolean =>
  s !== undefined && (s.type === type || (Array.isArray(s.type) && s.type.includes(type)) || (s.anyOf ?? []).some((m) => typeIs(m, type)));

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
  // How the tool pages is the tool's own declaration (ToolDefinition.paging), never guessed from field names.
  const declared = tool.paging;
  const listKey = declared?.listKey;
  const paging: Paging | undefined = declared === undefined ? undefined : (({ listKey: _, ...rest }) => rest)(declared);
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
