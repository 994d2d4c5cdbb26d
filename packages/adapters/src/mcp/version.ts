/** The package version, read at build time so the server reports what was installed. */
import pkg from "../../package.json" with { type: "json" };

/** Version of @frontkit/adapters (and of the frontkit-mcp bin). */
export const ADAPTERS_VERSION: string = pkg.version;
