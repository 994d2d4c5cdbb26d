import type {} from "vitest";

// Lets tests call `inject("prismUrl")` with a typed result once they import @frontkit/testkit.
declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock the testkit global setup started for this vitest run. */
    prismUrl: string;
  }
}

export {};
