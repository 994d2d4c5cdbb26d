/** FieldSpec → n8n node properties. */
import type { INodeProperties, INodePropertyOptions } from "n8n-workflow";
import { displayNameOf, type FieldSpec } from "./fields.js";

/** Name of the collection that holds a tool's optional inputs. */
export const ADDITIONAL_FIELDS = "additionalFields";

/** Name of the single group inside a fixedCollection. */
export const COLLECTION_GROUP = "values";

const optionOf = (value: string | number): INodePropertyOptions => ({
  name: typeof value === "string" ? displayNameOf(value) : String(value),
  value,
});

const textDefault = (spec: FieldSpec): string => (typeof spec.default === "string" ? spec.default : "");

/** One field as an n8n property (without displayOptions). */
export const propertyOf = (spec: FieldSpec): INodeProperties => {
  const base = {
    displayName: spec.displayName,
    name: spec.param,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    ...(spec.required ? { required: true } : {}),
  };
  const kind = spec.kind;
  switch (kind.type) {
    case "string":
      return { ...base, type: "string", default: textDefault(spec) };
    case "number":
      return {
        ...base,
        type: "number",
        default: typeof spec.default === "number" ? spec.default : (kind.min ?? 0),
        typeOptions: {
          ...(kind.integer ? { numberPrecision: 0 } : {}),
          ...(kind.min !== undefined ? { minValue: kind.min } : {}),
          ...(kind.max !== undefined ? { maxValue: kind.max } : {}),
        },
      };
    case "boolean":
      return { ...base, type: "boolean", default: typeof spec.default === "boolean" ? spec.default : false };
    case "scalar":
      return { ...base, type: "string", default: spec.default !== undefined ? String(spec.default) : "" };
    case "options":
      return {
        ...base,
        type: "options",
        options: kind.values.map(optionOf),
        default: spec.default !== undefined && kind.values.includes(spec.default as string) ? (spec.default as string) : (kind.values[0] ?? ""),
      };
    case "multiOptions":
      return { ...base, type: "multiOptions", options: kind.values.map(optionOf), default: [] };
    case "stringList":
      return { ...base, type: "string", typeOptions: { multipleValues: true }, default: [] };
    case "loadOptions":
      return kind.multiple
        ? {
            ...base,
            type: "multiOptions",
            typeOptions: { loadOptionsMethod: kind.method },
            default: [],
            description: `${spec.description ?? ""} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`.trim(),
          }
        : {
            ...base,
            type: "options",
            typeOptions: { loadOptionsMethod: kind.method },
            default: textDefault(spec),
            description: `${spec.description ?? ""} Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`.trim(),
          };
    case "collection":
      return {
        ...base,
        type: "fixedCollection",
        typeOptions: { multipleValues: kind.multiple },
        placeholder: `Add ${spec.displayName}`,
        default: {},
        options: [{ name: COLLECTION_GROUP, displayName: spec.displayName, values: kind.fields.map(propertyOf) }],
      };
    case "json":
      return { ...base, type: "json", default: kind.shape === "array" ? "[]" : kind.shape === "object" ? "{}" : "" };
  }
};

/** The properties of one operation: required fields on top, optional ones under "Additional Fields". */
export const operationProperties = (
  specs: ReadonlyArray<FieldSpec>,
  show: { readonly resource: string; readonly operation: string },
): INodeProperties[] => {
  const displayOptions = { show: { resource: [show.resource], operation: [show.operation] } };
  const required = specs.filter((s) => s.required).map((s) => ({ ...propertyOf(s), displayOptions }));
  const optional = specs.filter((s) => !s.required);
  if (optional.length === 0) return required;
  return [
    ...required,
    {
      displayName: "Additional Fields",
      name: ADDITIONAL_FIELDS,
      type: "collection",
      placeholder: "Add Field",
      default: {},
      displayOptions,
      options: optional.map(propertyOf).sort((a, b) => a.displayName.localeCompare(b.displayName)),
    },
  ];
};
