/** Builds the text of src/generated/facade-tools.ts; `sourceOverrides` (absolute path → text) replaces files as read. */
export function generateFacadeTypes(options?: { packageDir?: string; sourceOverrides?: Map<string, string> }): string;
/** Writes src/generated/facade-tools.ts when its text changed. */
export function writeFacadeTypes(packageDir?: string): void;
/** Where the output goes, relative to the package. */
export const OUTPUT: string;
