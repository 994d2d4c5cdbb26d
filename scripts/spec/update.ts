/**
 * `npm run spec:update -- --from <path-or-url> [--write] [--commit <sha>] [--lock <lock file>]`
 * Compares a candidate Front spec with the pinned one and prints, per operation and schema, what was added,
 * removed or changed, marking what breaks typed callers. With --write it re-pins the lock to the candidate (and
 * caches it), after which `npm run build` and `npm test` show what else must change.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { corrections } from "../../spec/corrections/index.js";
import { diffSpecs, formatChanges } from "./diff.js";
import { CACHE_DIR, LOCK_PATH, SpecSourceError, readLock, readSource, resolvePinnedSpec, sha256 } from "./source.js";

export async function updateSpec(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { from: { type: "string" }, write: { type: "boolean", default: false }, commit: { type: "string" }, lock: { type: "string" } },
  });
  if (!values.from) {
    log("Usage: npm run spec:update -- --from <path-or-url> [--write] [--commit <upstream sha>]");
    return 2;
  }
  const lockPath = values.lock ?? LOCK_PATH;
  const lock = await readLock(lockPath);
  const pinned = JSON.parse(new TextDecoder().decode((await resolvePinnedSpec(process.env, lockPath)).bytes));
  const candidateBytes = await readSource(values.from);
  const candidate = JSON.parse(new TextDecoder().decode(candidateBytes));
  const candidateSha = sha256(candidateBytes);
  log(`pinned:    ${lock.repository}@${lock.commit.slice(0, 12)} sha256 ${lock.sha256}`);
  log(`candidate: ${values.from} sha256 ${candidateSha} (${candidateBytes.byteLength} bytes)`);
  log("");
  const changes = diffSpecs(pinned, candidate);
  log(formatChanges(changes));
  // Our corrections must still apply to the candidate; one that no longer does is reported, not hidden.
  const failed: string[] = [];
  for (const correction of corrections) {
    try {
      correction.apply(structuredClone(candidate));
    } catch (error) {
      failed.push(`${correction.id}: ${(error as Error).message}`);
    }
  }
  if (failed.length) log(`\nCorrections that no longer apply:\n  ${failed.join("\n  ")}`);
  if (!values.write) {
    log("\nDry run: the lock is unchanged. Re-run with --write to pin the candidate.");
    return 0;
  }
  const isUrl = /^https?:\/\//i.test(values.from);
  const next = {
    ...JSON.parse(JSON.stringify(lock)),
    commit: values.commit ?? (isUrl ? lock.commit : `local:${candidateSha.slice(0, 12)}`),
    url: isUrl ? values.from : lock.url,
    sha256: candidateSha,
    size: candidateBytes.byteLength,
  };
  await writeFile(lockPath, JSON.stringify(next, null, 2) + "\n");
  await mkdir(CACHE_DIR, { recursive: true });
  await writeFile(join(CACHE_DIR, `${candidateSha}.json`), candidateBytes);
  log(`\nWrote ${lockPath}. Now run \`npm run build && npm test\` to see what else must change.`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  updateSpec(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof SpecSourceError ? `spec:update: ${error.message}` : error);
      process.exit(1);
    },
  );
}
