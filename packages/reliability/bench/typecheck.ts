/**
 * Typecheck cost of frontkit for a consumer (issue 7 target: ≤ 2× an empty file): a file using all eleven
 * typed facade methods and typed raw requests vs an empty file, same tsconfig, same run, median of 3 `tsc`.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const RUNS = 3;
const TARGET_RATIO = 2;
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const fixture = fileURLToPath(new URL("./consumer.fixture.ts.txt", import.meta.url));

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
    copyFileSync(fixture, join(dir, "consumer.ts"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
    for (const name of ["empty", "consumer"]) {
      writeFileSync(join(dir, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: [`${name}.ts`] }, null, 2));
    }
    const empty: number[] = [];
    const consumer: number[] = [];
    // Interleaved, so drift on the shared machine hits both sides alike.
    for (let i = 0; i < RUNS; i++) {
      empty.push(timeTsc(join(dir, "tsconfig.empty.json")));
      consumer.push(timeTsc(join(dir, "tsconfig.consumer.json")));
    }
    const emptyMs = median(empty);
    const consumerMs = median(consumer);
    const ratio = consumerMs / emptyMs;
    const pass = ratio <= TARGET_RATIO;
    console.log(`Consumer typecheck time (tsc --noEmit, median of ${RUNS}, same tsconfig)`);
    console.log(`  empty file              ${emptyMs.toFixed(0)} ms  [${empty.map((x) => x.toFixed(0)).join(", ")}]`);
    console.log(`  11 tools + raw requests ${consumerMs.toFixed(0)} ms  [${consumer.map((x) => x.toFixed(0)).join(", ")}]`);
    console.log(`  ratio                   ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${pass ? "PASS" : "FAIL"}`);
    return { emptyMs, consumerMs, ratio, pass };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
