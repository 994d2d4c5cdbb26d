/**
 * The types of the Spojit connector definition, derived from its one declaration: the JSON Schema in
 * definition-schema.ts (what the build validates and publishes). Field documentation lives there too.
 */
import type { spojitConnectorJsonSchema } from "./definition-schema.js";
import type { FromJsonSchema, JsonObject } from "./json-schema-type.js";

/** A JSON Schema object as emitted for a tool's input or output (draft 2020-12 unless it says otherwise). */
export type JsonSchemaObject = JsonObject;

/** The Spojit connector definition: a template that Spojit turns into connections and nodes. */
export type SpojitConnectorDefinition = FromJsonSchema<typeof spojitConnectorJsonSchema>;

/** How a connection authenticates: a Front API token sent as a bearer token. */
export type SpojitAuthentication = SpojitConnectorDefinition["authentication"];

/** One field a Spojit user fills in when creating a connection. */
export type SpojitAuthField = SpojitAuthentication["fields"][number];

/** One tool of the connector, derived from the @frontkit/tools catalog. */
export type SpojitToolDefinition = SpojitConnectorDefinition["tools"][number];

/** A worked example of a tool call, shown in the docs and checked against the input schema. */
export type SpojitToolExample = SpojitToolDefinition["examples"][number];

/** A usage tip: something a workflow author (or an agent) must know to use the tools well. */
export type SpojitUsageTip = SpojitConnectorDefinition["usageTips"][number];

/** One trigger of the connector: a Front event that starts a workflow. */
export type SpojitTriggerDefinition = NonNullable<SpojitConnectorDefinition["triggers"]>[number];

/** How a trigger receives events: pushed by a Front webhook, or pulled from Front's events feed on a schedule. */
export type SpojitTriggerDeliveryMode = SpojitTriggerDefinition["delivery"][number];
