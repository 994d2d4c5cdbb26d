/** Where the definition's JSON Schema is published (its `$id`); also the definition's `$schema`. */
export const SPOJIT_CONNECTOR_SCHEMA_ID = "urn:frontkit:schema:spojit-connector:1";

/** Tool names Spojit accepts: lower-case kebab-case, as in `send-message`. */
const toolName = { type: "string", pattern: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", maxLength: 64 } as const;

const nonEmpty = { type: "string", minLength: 1 } as const;

/** A JSON Schema for one tool's input or output: an object schema, any dialect ajv knows. */
const embeddedJsonSchema = {
  type: "object",
  minProperties: 1,
  properties: { $schema: { type: "string" }, type: {} },
} as const;

/**
 * JSON Schema (draft 2020-12) for the Spojit connector definition itself: the one declaration of the format.
 * The definition's TypeScript types are derived from it (connector-types.ts); the definition is validated
 * against it in tests and again by the build script before it is emitted, so a malformed one never ships.
 */
export const spojitConnectorJsonSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: SPOJIT_CONNECTOR_SCHEMA_ID,
  title: "Spojit connector definition",
  description: "A connector template: identity, icon, authentication, tools, triggers and usage tips.",
  type: "object",
  additionalProperties: false,
  required: [
    "schemaVersion",
    "identifier",
    "displayName",
    "description",
    "category",
    "icon",
    "links",
    "authentication",
    "tools",
    "usageTips",
  ],
  properties: {
    $schema: { type: "string", format: "uri" },
    schemaVersion: { const: 1 },
    identifier: { type: "string", pattern: "^[a-z][a-z0-9-]*$", maxLength: 64 },
    displayName: { ...nonEmpty, maxLength: 80 },
    description: { ...nonEmpty, maxLength: 500 },
    category: nonEmpty,
    icon: {
      type: "object",
      additionalProperties: false,
      required: ["mediaType", "svg"],
      properties: {
        mediaType: { const: "image/svg+xml" },
        // An inline SVG document, nothing that loads remote content or runs script.
        svg: { type: "string", pattern: "^<svg[\\s\\S]*</svg>$", not: { pattern: "<script|href=\"http|javascript:" } },
      },
    },
    links: {
      type: "object",
      additionalProperties: false,
      required: ["homepage", "apiReference", "tokenHelp"],
      properties: {
        homepage: { type: "string", format: "uri", pattern: "^https://" },
        apiReference: { type: "string", format: "uri", pattern: "^https://" },
        tokenHelp: { type: "string", format: "uri", pattern: "^https://" },
      },
    },
    authentication: {
      type: "object",
      additionalProperties: false,
      required: ["type", "header", "fields", "setupSteps", "notes"],
      properties: {
        type: { enum: ["api_token"] },
        header: {
          description: "How the token travels on each request, for documentation and remote-MCP setups.",
          type: "object",
          additionalProperties: false,
          required: ["name", "prefix"],
          properties: { name: nonEmpty, prefix: { type: "string" } },
        },
        fields: {
          type: "array",
          minItems: 1,
          items: {
            type: "object",
            additionalProperties: false,
            required: ["key", "label", "type", "required", "description"],
            properties: {
              key: { type: "string", pattern: "^[a-zA-Z][a-zA-Z0-9]*$", description: "Key under which the value arrives in `connection` at execution time." },
              label: nonEmpty,
              type: { enum: ["secret", "url"], description: "`secret` fields are stored encrypted by Spojit and never shown again." },
              required: { type: "boolean" },
              description: nonEmpty,
              placeholder: { type: "string" },
              default: { type: "string" },
            },
          },
          // Exactly one secret field carries the credential.
          contains: { type: "object", properties: { type: { const: "secret" }, required: { const: true } }, required: ["type"] },
          minContains: 1,
          maxContains: 1,
        },
        setupSteps: { type: "array", minItems: 1, items: nonEmpty, description: "Numbered setup steps shown beside the form." },
        notes: { type: "array", items: nonEmpty, description: "Caveats about the credential (scopes, rotation)." },
      },
    },
    tools: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: [
          "name",
          "title",
          "description",
          "inputSchema",
          "outputSchema",
          "readOnly",
          "destructive",
          "idempotent",
          "openWorld",
          "examples",
        ],
        // A read-only tool cannot also be destructive: Spojit would warn about the wrong tools.
        if: { properties: { readOnly: { const: true } }, required: ["readOnly"] },
        then: { properties: { destructive: { const: false } } },
        properties: {
          name: toolName,
          title: nonEmpty,
          description: { ...nonEmpty, maxLength: 4000 },
          inputSchema: { ...embeddedJsonSchema, properties: { ...embeddedJsonSchema.properties, type: { const: "object" } } },
          outputSchema: embeddedJsonSchema,
          readOnly: { type: "boolean" },
          destructive: { type: "boolean" },
          idempotent: { type: "boolean" },
          openWorld: { type: "boolean" },
          examples: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["title", "input"],
              properties: { title: nonEmpty, input: { type: "object" } },
            },
          },
        },
      },
    },
    triggers: {
      description: "Events that start a workflow; optional, so definitions without triggers stay valid.",
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["name", "title", "description", "eventTypes", "delivery", "configurationSchema", "outputSchema"],
        properties: {
          name: toolName,
          title: nonEmpty,
          description: { ...nonEmpty, maxLength: 4000 },
          eventTypes: {
            description: "Front event types it fires on; empty when the configuration's `types` chooses them.",
            type: "array",
            uniqueItems: true,
            items: { type: "string", pattern: "^[a-z][a-z0-9_]*$" },
          },
          delivery: {
            description: "How it receives events: pushed by a Front webhook, or pulled from Front's events feed on a schedule.",
            type: "array",
            minItems: 1,
            uniqueItems: true,
            items: { enum: ["webhook", "poll"] },
          },
          configurationSchema: { ...embeddedJsonSchema, description: "What a workflow author configures (webhook kind, inbox filter, …).", properties: { ...embeddedJsonSchema.properties, type: { const: "object" } } },
          // One event: always an object, so a workflow can map its fields.
          outputSchema: { ...embeddedJsonSchema, required: ["type", "properties"], properties: { ...embeddedJsonSchema.properties, type: { const: "object" } } },
        },
      },
    },
    usageTips: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "title", "text", "tools"],
        properties: {
          id: { type: "string", pattern: "^[a-z][a-z0-9-]*$" },
          title: nonEmpty,
          text: nonEmpty,
          tools: { type: "array", minItems: 1, uniqueItems: true, items: toolName, description: "Tools the tip is about; every name is a tool of this connector." },
        },
      },
    },
  },
} as const;
