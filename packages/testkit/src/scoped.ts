import { startFaultProxy, type FaultProxy } from "./fault-proxy.js";
import { startPrism, type PrismServer, type StartPrismOptions } from "./prism.js";

/** Runs `body` with a fresh Prism and always stops it, also when `body` throws. */
export const withPrism = async <A>(body: (prism: PrismServer) => Promise<A>, options?: StartPrismOptions): Promise<A> => {
  const prism = await startPrism(options);
  try {
    return await body(prism);
  } finally {
    await prism.stop();
  }
};

/** Runs `body` with a fault proxy in front of `target` and always stops it. */
export const withFaultProxy = async <A>(target: string, body: (proxy: FaultProxy) => Promise<A>): Promise<A> => {
  const proxy = await startFaultProxy({ target });
  try {
    return await body(proxy);
  } finally {
    await proxy.stop();
  }
};
