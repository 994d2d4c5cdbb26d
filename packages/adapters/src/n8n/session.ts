/** One FrontTools per node execution, built from the node's `Front API` credentials. */
import { createFrontTools, type FrontTools } from "@frontkit/tools";
import type { ICredentialDataDecryptedObject } from "n8n-workflow";

/** Options the node passes to every FrontTools it creates (tests inject a fetch here). */
export interface FrontNodeOptions {
  readonly fetch?: typeof fetch;
  readonly userAgent?: string;
  readonly timeoutMs?: number;
}

/** A FrontTools and the secrets to scrub from anything it reports. */
export interface FrontSession {
  readonly tools: FrontTools;
  readonly secrets: ReadonlyArray<string>;
}

/** The token of a credential object (empty string when absent). */
export const tokenOf = (credentials: ICredentialDataDecryptedObject): string =>
  typeof credentials["token"] === "string" ? credentials["token"].trim() : "";

/**
 * Creates the session. Throws the tools' InvalidInput for a missing token or a base URL
 * that is not https (loopback http is allowed); its message never contains the token.
 */
export const openSession = (credentials: ICredentialDataDecryptedObject, options: FrontNodeOptions = {}): FrontSession => {
  const token = tokenOf(credentials);
  const rawBase = typeof credentials["baseUrl"] === "string" ? credentials["baseUrl"].trim() : "";
  const tools = createFrontTools({
    token,
    ...(rawBase !== "" ? { baseUrl: rawBase } : {}),
    ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
  });
  return { tools, secrets: token === "" ? [] : [token] };
};
