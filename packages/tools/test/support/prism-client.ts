/**
 * Contract-test setup shared by the per-tool *.prism.test.ts files: the run's shared Prism
 * (inject("prismUrl")) or, when none is provided, one started for the file; a pass-through
 * fault proxy in front of it (so tests can see what was sent); and tools pointed at the proxy.
 * Registers the beforeAll/afterAll/beforeEach hooks of the calling test file.
 */
import { type FaultProxy, type PrismServer, startFaultProxy, startPrism } from "@frontkit/testkit";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { createFrontTools, type FrontTools } from "../../src/index.js";

/** The live proxy and tools of a contract test file (read them inside tests, after beforeAll). */
export interface PrismClient {
  readonly proxy: FaultProxy;
  readonly tools: FrontTools;
}

export const usePrismClient = (): PrismClient => {
  let prism: PrismServer | undefined;
  let proxy: FaultProxy;
  let tools: FrontTools;

  beforeAll(async () => {
    const shared = inject("prismUrl") as string | undefined;
    if (shared === undefined) prism = await startPrism();
    proxy = await startFaultProxy({ target: shared ?? prism!.url });
    tools = createFrontTools({ token: "tok_contract_0123456789", baseUrl: proxy.url, burstPerSecond: 0 });
  });
  afterAll(async () => {
    await tools?.dispose();
    await proxy?.stop();
    await prism?.stop();
  });
  beforeEach(() => proxy.reset());

  return {
    get proxy() {
      return proxy;
    },
    get tools() {
      return tools;
    },
  };
};
