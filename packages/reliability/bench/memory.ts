/**
 * RSS growth while streaming 10,000 conversations through pagination (issue 7 target: ≤ 20 MB).
 * The simulated Front runs in a child process; this process only pages with core's `paginateItems`
 * (limit 100), counting items without keeping them. Needs `node --expose-gc`.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createFrontClient, paginateItems } from "@frontkit/core";

const CONVERSATIONS = 10_000;
const PAGE = 100;
const TARGET_MB = 20;
const WARMUP_PAGES = 10;
const TOKEN = "bench-token-not-a-secret";

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => bytes / 1024 / 1024;

/** Collects twice (weak refs and finalizers free more on the second pass) and reads RSS. */
const settledRss = async (): Promise<number> => {
  gc?.();
  await new Promise((r) => setTimeout(r, 50));
  gc?.();
  return process.memoryUsage().rss;
};

const startChild = async () => {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./sim-front-child.ts", import.meta.url)), String(CONVERSATIONS)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      if (line.startsWith("URL ")) resolve(line.slice(4).trim());
    });
    child.once("exit", (code) => reject(new Error(`simulated Front exited early (code ${code})`)));
    child.once("error", reject);
  });
  return { url, stop: () => new Promise<void>((r) => { child.once("exit", () => r()); child.stdin!.end(); child.kill("SIGTERM"); }) };
};

/** Result of the memory benchmark, in MB. */
export interface MemoryFigures {
  readonly startMb: number;
  readonly endMb: number;
  readonly growthMb: number;
  readonly secondPassGrowthMb: number;
  readonly idleGrowthMb: number;
  readonly conversations: number;
  readonly pages: number;
  readonly seconds: number;
  readonly pass: boolean;
}

/** Streams every conversation once, touching each item and keeping none. */
const streamAll = async (client: ReturnType<typeof createFrontClient>) => {
  let seen = 0;
  let pages = 0;
  let lastId = "";
  for await (const conversation of paginateItems(client, "/conversations", {
    params: { query: { limit: PAGE } },
    maxPages: CONVERSATIONS / PAGE + 10,
  })) {
    seen += 1;
    if (seen % PAGE === 1) pages += 1;
    lastId = conversation.id;
  }
  return { seen, pages, lastId };
};

/** Runs the benchmark and prints its figures. */
export const runMemoryBench = async (): Promise<MemoryFigures> => {
  if (gc === undefined) throw new Error("run with node --expose-gc (npm run bench -w @frontkit/reliability does)");
  const sim = await startChild();
  try {
    const client = createFrontClient({ token: TOKEN, baseUrl: sim.url });
    // Warm-up (10 pages): loads modules, JITs the paging path and lets V8 size its young generation. With a
    // 1-page warm-up the start RSS was bimodal (84 or 110 MB) while the end RSS was always 106-111 MB, so the
    // "growth" measured V8's one-off heap sizing (0.7 or 24 MB), not anything that scales with items.
    for await (const _ of paginateItems(client, "/conversations", { params: { query: { limit: PAGE } }, maxPages: WARMUP_PAGES })) void _;

    const start = await settledRss();
    const heapStart = process.memoryUsage().heapUsed;
    const began = Date.now();
    const { seen, pages, lastId } = await streamAll(client);
    const ms = Date.now() - began;
    const end = await settledRss();
    const heapEnd = process.memoryUsage().heapUsed;

    // A second full pass: allocator/V8 growth is one-off, a leak would add about as much again.
    const secondPass = await streamAll(client);
    const afterSecond = await settledRss();

    // Baseline: an idle event loop of the same duration, measured the same way.
    const idleStart = await settledRss();
    const idleUntil = Date.now() + ms;
    while (Date.now() < idleUntil) await new Promise((r) => setTimeout(r, 10));
    const idleEnd = await settledRss();

    const figures: MemoryFigures = {
      startMb: mb(start),
      endMb: mb(end),
      growthMb: mb(end - start),
      secondPassGrowthMb: mb(afterSecond - end),
      idleGrowthMb: mb(idleEnd - idleStart),
      conversations: seen,
      pages,
      seconds: ms / 1000,
      pass: seen === CONVERSATIONS && mb(end - start) <= TARGET_MB,
    };
    console.log(`RSS while streaming conversations (core paginateItems, limit 100; simulated Front in a child process; ${WARMUP_PAGES}-page warm-up first)`);
    console.log(`  conversations seen      ${seen} in ${pages} pages, ${(ms / 1000).toFixed(1)} s (last ${lastId})`);
    console.log(`  RSS start / end         ${figures.startMb.toFixed(1)} MB / ${figures.endMb.toFixed(1)} MB`);
    console.log(`  RSS growth              ${figures.growthMb.toFixed(1)} MB (target ≤ ${TARGET_MB} MB) ${figures.pass ? "PASS" : "FAIL"}`);
    console.log(`  heap used growth        ${mb(heapEnd - heapStart).toFixed(1)} MB (after gc)`);
    console.log(`  second pass of ${secondPass.seen}    ${mb(afterSecond - end).toFixed(1)} MB more RSS (leak check)`);
    console.log(`  idle loop, same length  ${figures.idleGrowthMb.toFixed(1)} MB growth (baseline)`);
    return figures;
  } finally {
    await sim.stop();
  }
};
