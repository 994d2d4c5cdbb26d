import type { TestProject } from "vitest/node";
import "./provided-context.js";
import { startPrism } from "./prism.js";

/**
 * Vitest globalSetup: starts one Prism per test run (it takes seconds to boot) and
 * provides its URL as `prismUrl`; the returned teardown stops it.
 */
export const prismGlobalSetup = async (project: TestProject): Promise<() => Promise<void>> => {
  const prism = await startPrism();
  project.provide("prismUrl", prism.url);
  return () => prism.stop();
};

export default prismGlobalSetup;
