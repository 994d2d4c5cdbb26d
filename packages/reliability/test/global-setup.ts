// One Prism for the whole suite, started and stopped by the testkit (also when tests fail).
export { prismGlobalSetup as default } from "@frontkit/testkit";
