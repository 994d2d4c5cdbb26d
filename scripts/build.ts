/**
 * The build behind `npm start`, `npm run mock` and `npm run bench`: turbo's build (arguments pass through, e.g.
 * `--filter=@frontkit/testkit`) printing one line per finished task — built or cached, and when — instead of
 * tsup's output, and a failed task's full log. `npm run build` and `npm test` keep turbo's full output (CI logs).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const turbo = join(root, "node_modules", ".bin", "turbo");
const started = performance.now();
const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`.padStart(7);

// `--log-order=grouped` prints each task's log as one block when the task ends, so a block's first line
// ("<pkg>:<task>: cache miss, executing <hash>") marks that task as finished.
const TASK_LINE = /^(\S+?):(\S+?): (.*)$/;
const FIRST_LINE = /^cache (hit|miss|bypass)/;
const FAILED_LINE = /ERROR|command finished with error|exited \(\d+\)/;

const logs = new Map<string, string[]>();
const failed = new Set<string>();
const summary: string[] = [];

console.log("Building (spec → codegen → build; unchanged packages come from turbo's cache)…");
const child = spawn(turbo, ["run", "build", "--output-logs=full", "--log-order=grouped", ...process.argv.slice(2)], {
  cwd: root,
  env: { ...process.env, FORCE_COLOR: "0", TURBO_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", "pipe", "pipe"],
});

const onLine = (line: string): void => {
  const task = TASK_LINE.exec(line);
  if (task === null) {
    // Turbo's own lines: the closing summary ("Tasks: …", "Cached: …", "Time: … >>> FULL TURBO") and errors.
    if (/^\s*(Tasks|Cached|Time|Failed):/.test(line) || /ERROR/.test(line)) summary.push(line.trim());
    return;
  }
  const [, pkg = "", name = "", text = ""] = task;
  const id = `${pkg}:${name}`;
  const lines = logs.get(id) ?? [];
  lines.push(line);
  logs.set(id, lines);
  if (FAILED_LINE.test(text)) failed.add(id);
  if (lines.length === 1 && FIRST_LINE.test(text)) {
    const how = text.startsWith("cache hit") ? "cached" : "built";
    console.log(`  ${elapsed()}  ${how.padEnd(6)}  ${pkg === "//" ? "(root)" : pkg} ${name}`);
  }
};

createInterface({ input: child.stdout }).on("line", onLine);
createInterface({ input: child.stderr }).on("line", onLine);

child.on("error", (error) => {
  console.error(`build: could not run turbo (${turbo}): ${error.message}. Run \`npm install\` first.`);
  process.exitCode = 1;
});

child.on("close", (code, signal) => {
  if (code !== 0) {
    for (const id of failed.size > 0 ? failed : logs.keys()) {
      console.error(`\n--- ${id} ---\n${(logs.get(id) ?? []).join("\n")}`);
    }
  }
  for (const line of summary) console.log(line);
  if (code !== 0) console.error(`build failed (${signal ?? `exit ${code}`}); the log of the failed task is above.`);
  process.exitCode = code ?? 1;
});
