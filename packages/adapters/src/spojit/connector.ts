import { toolCatalog } from "@frontkit/tools";
import { frontAuthentication } from "./authentication.js";
import type {
  JsonSchemaObject,
  SpojitConnectorDefinition,
  SpojitToolDefinition,
  SpojitToolExample,
  SpojitUsageTip,
} from "./connector-types.js";
import { SPOJIT_CONNECTOR_SCHEMA_ID } from "./definition-schema.js";
import { FRONT_CONNECTOR_ICON_SVG } from "./icon.js";
import { frontTriggers } from "./triggers.js";
import { frontUsageTips } from "./usage-tips.js";

/** One entry of the tools' derived catalog. */
export type ToolCatalogEntry = (typeof toolCatalog)[number];

/** A tool of the catalog as a Spojit tool: everything comes from the catalog, examples included. */
const toSpojitTool = (entry: ToolCatalogEntry): SpojitToolDefinition => ({
  name: entry.name,
  title: entry.title,
  description: entry.description,
  inputSchema: entry.inputJsonSchema as JsonSchemaObject,
  outputSchema: entry.outputJsonSchema as JsonSchemaObject,
  readOnly: entry.annotations.readOnlyHint,
  destructive: entry.annotations.destructiveHint,
  idempotent: entry.annotations.idempotentHint,
  openWorld: entry.annotations.openWorldHint,
  examples: entry.examples ?? [],
});

/** Worked examples per tool, as the tool definitions declare them (shown in the connector docs). */
export const frontToolExamples: Readonly<Record<string, ReadonlyArray<SpojitToolExample>>> = Object.fromEntries(
  toolCatalog.map((entry) => [entry.name, entry.examples ?? []]),
);

/** The usage tips, limited to tools present in the catalog (a subset catalog gets a consistent definition). */
const tipsFor = (names: ReadonlySet<string>): ReadonlyArray<SpojitUsageTip> =>
  frontUsageTips.flatMap((tip) => {
    const tools = tip.tools.filter((name) => names.has(name));
    return tools.length === 0 ? [] : [{ ...tip, tools }];
  });

/**
 * Builds the Front connector definition from a tool catalog. Tool names, descriptions, schemas
 * and flags are taken from the catalog as they are, never restated, so the connector cannot
 * drift from the tools it runs.
 */
export const buildFrontConnector = (catalog: ReadonlyArray<ToolCatalogEntry> = toolCatalog): SpojitConnectorDefinition => ({
  $schema: SPOJIT_CONNECTOR_SCHEMA_ID,
  schemaVersion: 1,
  identifier: "front",
  displayName: "Front",
  description:
    "Work with Front, the shared inbox for support and operations teams: read and list conversations, contacts, inboxes, tags and teammates, tag conversations, create contacts, and send messages or replies; start workflows on new messages, tags, assignments and other Front events.",
  category: "Customer support",
  icon: { mediaType: "image/svg+xml", svg: FRONT_CONNECTOR_ICON_SVG },
  links: {
    homepage: "https://front.com",
    apiReference: "https://dev.frontapp.com/reference/introduction",
    tokenHelp: "https://dev.frontapp.com/docs/create-and-revoke-api-tokens",
  },
  authentication: frontAuthentication,
  tools: catalog.map(toSpojitTool),
  triggers: frontTriggers,
  usageTips: tipsFor(new Set(catalog.map((entry) => entry.name))),
});

/** The Front connector definition for Spojit (also emitted as dist/spojit-connector.json). */
export const frontConnector: SpojitConnectorDefinition = buildFrontConnector();
