import { startPrism } from "@frontkit/testkit";
import { afterAll, beforeAll, inject } from "vitest";

/**
 * The Prism mock for this test file: the one the package's vitest globalSetup provides
 * (`inject("prismUrl")`) when configured, otherwise one started here and always stopped
 * after the file (also when tests fail). Returns a getter, valid inside tests.
 */
export const usePrism = (): (() => string) => {
  let url: string | undefined;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const provided = (inject as (key: string) => unknown)("prismUrl");
    if (typeof provided === "string" && provided.length > 0) {
      url = provided;
      return;
    }
    const prism = await startPrism();
    url = prism.url;
    stop = () => prism.stop();
  });
  afterAll(async () => {
    await stop?.();
  });
  return () => {
    if (url === undefined) throw new Error("Prism is not running");
    return url;
  };
};
