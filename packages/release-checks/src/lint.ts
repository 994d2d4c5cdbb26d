/** attw and publint over a packed tarball, with the findings as data for the test and its summary. */
import { repoBin } from "./paths.js";
import { run } from "./run.js";

/** What attw reported for one tarball. */
export interface AttwReport {
  readonly ok: boolean;
  readonly typed: boolean;
  readonly entrypoints: ReadonlyArray<string>;
  readonly problems: ReadonlyArray<{ readonly kind: string; readonly entrypoint?: string; readonly resolutionKind?: string }>;
  readonly raw: string;
}

interface AttwJson {
  readonly analysis: { readonly types: unknown; readonly entrypoints?: Record<string, unknown> };
  readonly problems?: Record<string, ReadonlyArray<{ kind: string; entrypoint?: string; resolutionKind?: string }>> | ReadonlyArray<{ kind: string }>;
}

/** Runs `attw <tarball> --format json` (strict profile: node10, node16 CJS/ESM, bundler). */
export const attw = async (tarball: string, cwd: string): Promise<AttwReport> => {
  const result = await run(repoBin("attw"), [tarball, "--format", "json", "--no-color"], { cwd, timeoutMs: 180_000 });
  const json = JSON.parse(result.stdout.slice(result.stdout.indexOf("{"))) as AttwJson;
  const grouped = json.problems ?? {};
  const problems = Array.isArray(grouped) ? grouped : Object.values(grouped).flat();
  return {
    ok: result.code === 0 && problems.length === 0,
    typed: json.analysis.types !== false,
    entrypoints: Object.keys(json.analysis.entrypoints ?? {}),
    problems,
    raw: result.stdout,
  };
};

/** What publint reported for one tarball. */
export interface PublintReport {
  readonly ok: boolean;
  readonly output: string;
}

/** Runs `publint run <tarball> --strict` (warnings count as errors). */
export const publint = async (tarball: string, cwd: string): Promise<PublintReport> => {
  const result = await run(repoBin("publint"), ["run", tarball, "--strict"], { cwd, timeoutMs: 120_000, env: { ...process.env, NO_COLOR: "1" } });
  const output = `${result.stdout}${result.stderr}`.replace(/^npm warn.*\n/gm, "");
  return { ok: result.code === 0 && !/error|warning/i.test(output.replace(/Linting\.\.\.|All good!/g, "")), output };
};
