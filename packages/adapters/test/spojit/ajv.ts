import { Ajv2020 } from "ajv/dist/2020.js";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";

type FormatsPlugin = (ajv: Ajv2020) => unknown;
// ajv-formats is CJS: under ESM the import is module.exports, the plugin itself or wrapped in `default`.
const formatsModule = addFormatsModule as unknown as FormatsPlugin & { default?: FormatsPlugin };
const addFormats: FormatsPlugin = formatsModule.default ?? formatsModule;

/** A strict ajv for draft 2020-12 (the definition schema and Effect's tool schemas). */
export const ajv2020 = (): Ajv2020 => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  return ajv;
};

/** Compiles a tool's JSON Schema with the validator matching its dialect. */
export const compileToolSchema = (schema: Record<string, unknown>) => {
  const dialect = typeof schema.$schema === "string" ? schema.$schema : "";
  const ajv = dialect.includes("draft-07") ? new Ajv({ allErrors: true, strict: false }) : new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv as Ajv2020);
  return ajv.compile(schema);
};
