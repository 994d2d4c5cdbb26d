// `npm run bench`: every package benchmark, one after another (the machine has 2 cores; parallel runs would
// distort each other's timings). Fails when one fails.
import { spawnSync } from "node:child_process";

const BENCHES = ["@frontkit/core", "@frontkit/tools", "@frontkit/adapters", "@frontkit/reliability"] as const;

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const failed: string[] = [];
for (const workspace of BENCHES) {
  console.log(`\n━━ npm run bench -w ${workspace}\n`);
  const started = Date.now();
  const run = spawnSync(npm, ["run", "bench", "-w", workspace], { stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    failed.push(workspace);
    console.error(`\n✗ ${workspace} bench failed (${run.error?.message ?? `exit ${run.status ?? run.signal}`}) after ${seconds} s`);
  } else console.log(`\n✓ ${workspace} bench done in ${seconds} s`);
}
if (failed.length > 0) {
  console.error(`\nbench: ${failed.length} of ${BENCHES.length} failed: ${failed.join(", ")}`);
  process.exit(1);
}
console.log(`\nbench: all ${BENCHES.length} passed`);
