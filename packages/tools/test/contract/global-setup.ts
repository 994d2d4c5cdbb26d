/** Starts Prism on the corrected spec once per vitest run (see @frontkit/testkit). */
export { prismGlobalSetup as default } from "@frontkit/testkit";
