/**
 * Where a runnable example sends its requests: real Front when FRONT_API_TOKEN is set,
 * otherwise the embedded Prism mock of the corrected spec, started for the run and stopped after.
 */
import { pathToFileURL } from "node:url";
import { startPrism } from "@frontkit/testkit";

/** A Front API to talk to. */
export interface FrontTarget {
  readonly baseUrl: string;
  readonly token: string;
}

/** Token sent to the mock: Prism only checks that one is present. */
export const MOCK_TOKEN = "example-mock-token";

/** Runs `body` against real Front (FRONT_API_TOKEN, optional FRONT_API_BASE_URL) or a Prism it starts and always stops. */
export const withFrontTarget = async <A>(body: (target: FrontTarget) => Promise<A>): Promise<A> => {
  const token = process.env["FRONT_API_TOKEN"];
  if (token !== undefined && token.length > 0) {
    return body({ token, baseUrl: process.env["FRONT_API_BASE_URL"] ?? "https://api2.frontapp.com" });
  }
  const prism = await startPrism();
  try {
    return await body({ token: MOCK_TOKEN, baseUrl: prism.url });
  } finally {
    await prism.stop();
  }
};

/** True when the module at `moduleUrl` is the script node was started with (`npx tsx examples/x.ts`). */
export const isMain = (moduleUrl: string): boolean => process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === moduleUrl;

/** Prints a main's failure without a stack of internals and sets a failing exit code. */
export const reportFailure = (error: unknown): void => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exitCode = 1;
};
