import type { SpojitToolExample } from "./connector-types.js";

/**
 * Worked examples per tool, shown in the connector docs. They are usage documentation, not
 * schema: a test validates every one against the tool's input JSON Schema, so an example that
 * no longer fits the tool fails the build instead of misleading users.
 */
export const frontToolExamples: Readonly<Record<string, ReadonlyArray<SpojitToolExample>>> = {};
