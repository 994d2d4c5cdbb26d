/**
 * The TypeScript type a JSON Schema (written `as const`) describes, for the subset the connector definition's
 * schema uses: const, enum, string, boolean, number, arrays, and closed objects (`additionalProperties: false`)
 * whose `required` keys are required and the rest optional. An open object schema is any JSON object. Rules the
 * type system cannot state (patterns, lengths, if/then) stay in the schema and are checked by ajv.
 */

/** A JSON object of any shape. */
export type JsonObject = { readonly [key: string]: unknown };

type RequiredKeys<S> = S extends { readonly required: ReadonlyArray<infer R> } ? R : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type ClosedObject<P, R> = Simplify<
  { readonly [K in keyof P as K extends R ? K : never]: FromJsonSchema<P[K]> } & {
    readonly [K in keyof P as K extends R ? never : K]?: FromJsonSchema<P[K]>;
  }
>;

/** The type of the values a JSON Schema accepts. */
export type FromJsonSchema<S> = S extends { readonly const: infer C }
  ? C
  : S extends { readonly enum: ReadonlyArray<infer E> }
    ? E
    : S extends { readonly type: "string" }
      ? string
      : S extends { readonly type: "boolean" }
        ? boolean
        : S extends { readonly type: "integer" | "number" }
          ? number
          : S extends { readonly type: "array"; readonly items: infer I }
            ? ReadonlyArray<FromJsonSchema<I>>
            : S extends { readonly type: "object"; readonly additionalProperties: false; readonly properties: infer P }
              ? ClosedObject<P, RequiredKeys<S>>
              : S extends { readonly type: "object" }
                ? JsonObject
                : unknown;
