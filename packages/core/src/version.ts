/** The version of @frontkit/core, sent in the user agent (a test keeps it equal to package.json). */
export const FRONTKIT_CORE_VERSION = "0.1.0";
