/** A JSON Schema object as emitted for a tool's input or output (draft 2020-12 unless it says otherwise). */
export type JsonSchemaObject = { readonly [key: string]: unknown };

/** One field a Spojit user fills in when creating a connection. */
export interface SpojitAuthField {
  /** Key under which the value arrives in `connection` at execution time. */
  readonly key: string;
  readonly label: string;
  /** `secret` fields are stored encrypted by Spojit and never shown again. */
  readonly type: "secret" | "url";
  readonly required: boolean;
  readonly description: string;
  readonly placeholder?: string;
  readonly default?: string;
}

/** How a connection authenticates: a Front API token sent as a bearer token. */
export interface SpojitAuthentication {
  readonly type: "api_token";
  /** How the token travels on each request, for documentation and remote-MCP setups. */
  readonly header: { readonly name: string; readonly prefix: string };
  readonly fields: ReadonlyArray<SpojitAuthField>;
  /** Numbered setup steps shown beside the form. */
  readonly setupSteps: ReadonlyArray<string>;
  /** Caveats about the credential (scopes, rotation). */
  readonly notes: ReadonlyArray<string>;
}

/** A worked example of a tool call, shown in the docs and checked against the input schema. */
export interface SpojitToolExample {
  readonly title: string;
  readonly input: { readonly [key: string]: unknown };
}

/** One tool of the connector, derived from the @frontkit/tools catalog. */
export interface SpojitToolDefinition {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: JsonSchemaObject;
  readonly outputSchema: JsonSchemaObject;
  readonly readOnly: boolean;
  readonly destructive: boolean;
  readonly idempotent: boolean;
  readonly openWorld: boolean;
  readonly examples: ReadonlyArray<SpojitToolExample>;
}

/** A usage tip: something a workflow author (or an agent) must know to use the tools well. */
export interface SpojitUsageTip {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** Tools the tip is about; every name is a tool of this connector. */
  readonly tools: ReadonlyArray<string>;
}

/** How a trigger receives events: pushed by a Front webhook, or pulled from Front's events feed on a schedule. */
export type SpojitTriggerDeliveryMode = "webhook" | "poll";

/** One trigger of the connector: a Front event that starts a workflow. */
export interface SpojitTriggerDefinition {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** Front event types it fires on; empty when the configuration's `types` chooses them. */
  readonly eventTypes: ReadonlyArray<string>;
  readonly delivery: ReadonlyArray<SpojitTriggerDeliveryMode>;
  /** What a workflow author configures (webhook kind, inbox filter, …). */
  readonly configurationSchema: JsonSchemaObject;
  /** One event as the handler emits it. */
  readonly outputSchema: JsonSchemaObject;
}

/** The Spojit connector definition: a template that Spojit turns into connections and nodes. */
export interface SpojitConnectorDefinition {
  readonly $schema?: string;
  readonly schemaVersion: 1;
  readonly identifier: string;
  readonly displayName: string;
  readonly description: string;
  readonly category: string;
  readonly icon: { readonly mediaType: "image/svg+xml"; readonly svg: string };
  readonly links: { readonly homepage: string; readonly apiReference: string; readonly tokenHelp: string };
  readonly authentication: SpojitAuthentication;
  readonly tools: ReadonlyArray<SpojitToolDefinition>;
  /** Events that start a workflow; optional in the schema, so definitions without triggers stay valid. */
  readonly triggers?: ReadonlyArray<SpojitTriggerDefinition>;
  readonly usageTips: ReadonlyArray<SpojitUsageTip>;
}
