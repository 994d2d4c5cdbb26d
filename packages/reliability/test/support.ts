/** Shared harness of the reliability suite: the canary token, a recording fake fetch, and a process-wide watch. */
import { expect, it } from "vitest";
import { inspect } from "node:util";

/** Used as the API token everywhere in the suite; it must never show up in anything the SDK produces. */
export const CANARY = "canary-tok-7f3a9c2e51d84b06a1e9";

/** Everything the SDK produced during the suite (results, errors, log lines), checked for the canary at the end. */
export const produced: string[] = [];
export const record = (value: unknown): void => {
  produced.push(typeof value === "string" ? value : `${safeJson(value)}\n${inspect(value, { depth: 8 })}\n${String(value)}`);
};
const safeJson = (value: unknown) => {
  try {
    return JSON.stringify(value);
  } catch {
    return "";
  }
};

/** Counts process-level unhandled rejections; the suite fails on one. */
export const unhandled: unknown[] = [];
process.on("unhandledRejection", (reason) => unhandled.push(reason));

/** Captures what the SDK writes to stdout/stderr/console while `fn` runs. */
export const captureOutput = async <A>(fn: () => Promise<A>): Promise<A> => {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const grab = (chunk: unknown) => {
    produced.push(String(chunk));
    return true;
  };
  process.stdout.write = grab as typeof process.stdout.write;
  process.stderr.write = grab as typeof process.stderr.write;
  try {
    return await fn();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
};

/** A fetch that records every URL it is asked for and answers with `answer(url)`. */
export const recordingFetch = (answer: (url: URL) => Response) => {
  const urls: URL[] = [];
  const fetch = async (input: Request) => {
    const url = new URL(input.url);
    urls.push(url);
    return answer(url);
  };
  return { fetch, urls };
};

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** Figures reported by the suite's summary. */
export const figures: Record<string, string | number> = {};

/** Probes tried and held, per group (e.g. "hostile Front") in the order first seen; the summary prints them and their total. */
export const probeGroups = new Map<string, { tried: number; held: number }>();

/**
 * Returns the `probe` of one group: `probe(name, check)` is a test that counts as tried, and as held when
 * `check` resolves to true (a throw counts as not held).
 */
export const probeGroup = (group: string) => {
  const counts = probeGroups.get(group) ?? { tried: 0, held: 0 };
  probeGroups.set(group, counts);
  return (name: string, check: () => Promise<boolean>, timeout?: number) =>
    it(
      name,
      async () => {
        counts.tried++;
        const ok = await check();
        if (ok) counts.held++;
        expect(ok).toBe(true);
      },
      timeout,
    );
};
