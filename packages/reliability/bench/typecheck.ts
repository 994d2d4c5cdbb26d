/**
 * Typecheck cost of frontkit for a consumer (issue 7 target: ≤ 2× an empty file): a file using all eleven
 * typed facade methods (through `@frontkit/tools/promise`, the entry recommended to Promise users) and typed raw
 * requests vs an empty file, same tsconfig, same run, median of 5 interleaved `tsc` runs after one warm-up round.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// 5, not 3: on a shared 2-core machine single runs vary by ±40%, enough to flip a 3-run median.
const RUNS = 5;
const TARGET_RATIO = 2;
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
/** The consumer, in two files so the cost of each half is visible too (`.txt`: not part of this package's build). */
const FIXTURES = { tools: "consumer-tools.fixture.ts.txt", core: "consumer-core.fixture.ts.txt" } as const;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One tsc --noEmit run of `project`; throws with tsc's output when the consumer does not typecheck. */
const timeTsc = (project: string): number => {
  const started = process.hrtime.bigint();
  try {
    execFileSync(process.execPath, [tsc, "--noEmit", "-p", project], { stdio: "pipe" });
  } catch (error) {
    const out = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    throw new Error(`tsc failed on ${project}:\n${out}`);
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
};

/** Result of the typecheck benchmark, in ms. */
export interface TypecheckFigures {
  readonly emptyMs: number;
  readonly consumerMs: number;
  readonly toolsOnlyMs: number;
  readonly coreOnlyMs: number;
  readonly ratio: number;
  readonly pass: boolean;
}

/** Runs the benchmark and prints its figures. */
export const runTypecheckBench = async (): Promise<TypecheckFigures> => {
  // Inside the package so @frontkit/* resolve through the workspace node_modules, as for a real consumer.
  const dir = mkdtempSync(join(packageDir, ".typecheck-"));
  try {
    const compilerOptions = {
      target: "ES2022",
      lib: ["ES2023", "DOM"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: true,
      types: ["node"],
      noEmit: true,
    };
    writeFileSync(join(dir, "empty.ts"), "export {};\n");
    for (const [half, file] of Object.entries(FIXTURES)) copyFileSync(fileURLToPath(new URL(`./${file}`, import.meta.url)), join(dir, `${half}.ts`));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
    const projects = { empty: ["empty.ts"], consumer: ["tools.ts", "core.ts"], tools: ["tools.ts"], core: ["core.ts"] } as const;
    const times: Record<keyof typeof projects, number[]> = { empty: [], consumer: [], tools: [], core: [] };
    for (const [name, files] of Object.entries(projects)) {
      writeFileSync(join(dir, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files }, null, 2));
    }
    // One uncounted round first: the first tsc of a run also pays for reading lib and node_modules from disk.
    for (const name of Object.keys(projects) as Array<keyof typeof projects>) timeTsc(join(dir, `tsconfig.${name}.json`));
    // Interleaved, so drift on the shared machine hits every project alike.
    for (let i = 0; i < RUNS; i++) {
      for (const name of Object.keys(projects) as Array<keyof typeof projects>) times[name].push(timeTsc(join(dir, `tsconfig.${name}.json`)));
    }
    const emptyMs = median(times.empty);
    const consumerMs = median(times.consumer);
    const toolsOnlyMs = median(times.tools);
    const coreOnlyMs = median(times.core);
    const ratio = consumerMs / emptyMs;
    const pass = ratio <= TARGET_RATIO;
    const row = (label: string, xs: number[]) =>
      `  ${label.padEnd(28)} ${median(xs).toFixed(0).padStart(5)} ms  ${(median(xs) / emptyMs).toFixed(2)}×  [${xs.map((x) => x.toFixed(0)).join(", ")}]`;
    console.log(`Consumer typecheck time (tsc --noEmit, median of ${RUNS}, same tsconfig, ratio to the empty file)`);
    console.log(row("empty file", times.empty));
    console.log(row("11 tools + raw requests", times.consumer));
    console.log(row("  of which: 11 tools only", times.tools));
    console.log(row("  of which: raw requests only", times.core));
    console.log(`  result                       ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${pass ? "PASS" : "FAIL"}`);
    return { emptyMs, consumerMs, toolsOnlyMs, coreOnlyMs, ratio, pass };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
