export { prismGlobalSetup as default } from "@frontkit/testkit";
