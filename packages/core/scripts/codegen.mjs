// Generates TypeScript types from the corrected Front spec (spec/dist, built by `npm run spec`).
// The output is a build artefact: git-ignored, never edited by hand.
import { mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const specUrl = new URL("../../../spec/dist/front-core-api.corrected.json", import.meta.url);
const outUrl = new URL("../src/generated/schema.ts", import.meta.url);

if (!existsSync(specUrl)) {
  console.error(`codegen: ${fileURLToPath(specUrl)} is missing; run \`npm run spec\` first (turbo does this for you).`);
  process.exit(1);
}
const started = performance.now();
const ast = await openapiTS(specUrl, { alphabetize: false, exportType: false, rootTypes: false });
const source = astToString(ast);
await mkdir(new URL("./", outUrl), { recursive: true });
await writeFile(outUrl, source);
console.log(
  `codegen: ${fileURLToPath(outUrl)} — ${(Buffer.byteLength(source) / 1024).toFixed(0)} KiB in ${Math.round(performance.now() - started)} ms`,
);
