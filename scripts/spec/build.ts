/** Resolves the pinned Front spec, applies our corrections and writes the corrected spec. */
import { mkdir, writeFile } from "node:fs/promises";
import { relative } from "node:path";
import { corrections } from "../../spec/corrections/index.js";
import { CORRECTED_SPEC_PATH, DIST_DIR, ROOT, SpecSourceError, resolvePinnedSpec } from "./source.js";

export function applyCorrections(upstream: unknown) {
  const doc = structuredClone(upstream) as Record<string, any>;
  for (const correction of corrections) correction.apply(doc);
  doc["x-frontkit-corrections"] = corrections.map(({ id, reason }) => ({ id, reason }));
  return doc;
}

async function main() {
  const started = performance.now();
  const { bytes, origin } = await resolvePinnedSpec();
  const corrected = applyCorrections(JSON.parse(new TextDecoder().decode(bytes)));
  await mkdir(DIST_DIR, { recursive: true });
  await writeFile(CORRECTED_SPEC_PATH, JSON.stringify(corrected, null, 2) + "\n");
  const ms = Math.round(performance.now() - started);
  console.log(
    `spec: ${origin} verified; applied ${corrections.map((c) => c.id).join(", ")} → ` +
      `${relative(ROOT, CORRECTED_SPEC_PATH)} in ${ms} ms`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof SpecSourceError ? `spec: ${error.message}` : error);
    process.exit(1);
  });
}
