#!/usr/bin/env node
// Emits the Spojit connector definition and its JSON Schema next to the build output
// (dist/spojit-connector.json, dist/spojit-connector.schema.json), from the built module
// itself so the JSON is exactly what the package exports. The definition is validated
// against its schema first: an invalid definition fails the build instead of shipping.
import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const { frontConnector, spojitConnectorJsonSchema } = await import(join(dist, "spojit.js"));

const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats.default ?? addFormats)(ajv);
const validate = ajv.compile(spojitConnectorJsonSchema);
if (!validate(frontConnector)) {
  console.error("spojit-connector: the connector definition does not match its JSON Schema:");
  for (const error of validate.errors ?? []) console.error(`  ${error.instancePath || "/"} ${error.message}`);
  process.exit(1);
}

await writeFile(join(dist, "spojit-connector.json"), `${JSON.stringify(frontConnector, null, 2)}\n`);
await writeFile(join(dist, "spojit-connector.schema.json"), `${JSON.stringify(spojitConnectorJsonSchema, null, 2)}\n`);
console.log(`spojit-connector: wrote dist/spojit-connector.json (${frontConnector.tools.length} tools, ${frontConnector.triggers?.length ?? 0} triggers) and its schema`);
