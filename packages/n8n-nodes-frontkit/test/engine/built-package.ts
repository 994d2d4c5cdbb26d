/** The built package (dist/) loaded with require, exactly as n8n's loader does. */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ICredentialType, INodeType } from "n8n-workflow";

/** Root of the n8n-nodes-frontkit package. */
export const packageDir = fileURLToPath(new URL("../../", import.meta.url));

const require = createRequire(import.meta.url);

/** The package.json `n8n` block. */
export const n8nBlock = (): { nodes: string[]; credentials: string[] } =>
  (require(`${packageDir}package.json`) as { n8n: { nodes: string[]; credentials: string[] } }).n8n;

/** Node type name n8n gives a community node: `<package name>.<description.name>`. */
export const FRONT_NODE_TYPE = "n8n-nodes-frontkit.front";

/** Loads the class n8n would load from a built file (class named after the file). */
export const loadBuiltClass = <T>(relativePath: string): new () => T => {
  const file = `${packageDir}${relativePath}`;
  const className = relativePath.split("/").pop()?.split(".")[0] ?? "";
  const exported = (require(file) as Record<string, unknown>)[className];
  if (typeof exported !== "function") throw new Error(`${relativePath} does not export a class named ${className}`);
  return exported as new () => T;
};

/** Node type name n8n gives the Front Trigger node. */
export const FRONT_TRIGGER_NODE_TYPE = "n8n-nodes-frontkit.frontTrigger";

/** The `n8n` block entry built from `<name>.node.js` / `<name>.credentials.js` (fails if it is not listed). */
const listed = (entries: ReadonlyArray<string>, file: string): string => {
  const entry = entries.find((e) => e.endsWith(`/${file}`));
  if (entry === undefined) throw new Error(`package.json n8n block does not list ${file}`);
  return entry;
};

/** A fresh instance of the built Front node. */
export const builtFrontNode = (): INodeType => new (loadBuiltClass<INodeType>(listed(n8nBlock().nodes, "Front.node.js")))();

/** A fresh instance of the built Front Trigger node. */
export const builtFrontTriggerNode = (): INodeType => new (loadBuiltClass<INodeType>(listed(n8nBlock().nodes, "FrontTrigger.node.js")))();

/** A fresh instance of the built Front API credential type. */
export const builtFrontCredentials = (): ICredentialType =>
  new (loadBuiltClass<ICredentialType>(listed(n8nBlock().credentials, "FrontApi.credentials.js")))();

/** A fresh instance of the built Front Webhook credential type. */
export const builtFrontWebhookCredentials = (): ICredentialType =>
  new (loadBuiltClass<ICredentialType>(listed(n8nBlock().credentials, "FrontWebhookApi.credentials.js")))();
