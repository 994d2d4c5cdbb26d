/**
 * The shape of the ajv standalone validators that scripts/codegen.mjs generates into src/generated/ (the
 * generated .d.ts files import this type, so the generated code stays untyped JavaScript).
 */

/** One problem an ajv validator reports. */
export interface SpecValidationError {
  /** JSON Pointer of the offending value, e.g. `/query/limit`. */
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** A generated validator: true when valid; otherwise its `errors` list every problem. */
export interface SpecValidator {
  (data: unknown): boolean;
  errors?: ReadonlyArray<SpecValidationError> | null;
}
