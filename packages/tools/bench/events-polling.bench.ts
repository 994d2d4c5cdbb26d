/**
 * Events-polling benchmark: the requests one quiet hour of "what changed?" polling costs, once a minute,
 * against the testkit's simulated Front, by
 *   (a) list-conversations with `updated_after` (the time of the previous poll), auto-paging, and
 *   (b) the events feed (`pollEventsOnce` from the previous poll's cursor).
 * Nothing changes during the hour, so every poll finds nothing; the figure is pure overhead. Time is
 * virtual (shared by the client and the simulator), so the hour takes well under a second.
 * Target: the events feed spends exactly one request per quiet poll.
 *
 *   npm run bench:events -w @frontkit/tools
 *   options: --conversations 1000 --minutes 60
 */
import { startSimulatedFront } from "@frontkit/testkit";
import { Clock, Duration, Effect } from "effect";
import { makeFront } from "../src/front.js";
import { Front, type FrontToolError, pollEventsOnce, runTool, toolsByName } from "../src/index.js";

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isInteger(v) && v > 0 ? v : fallback;
};

const conversations = arg("conversations", 1_000);
const minutes = arg("minutes", 60);
// 2027-01-15: after everything the simulator generates, so the hour is quiet.
const START_MS = 1_800_000_000_000;

const main = async () => {
  let nowMs = START_MS;
  const clock: Clock.Clock = {
    currentTimeMillisUnsafe: () => nowMs,
    currentTimeMillis: Effect.sync(() => nowMs),
    currentTimeNanosUnsafe: () => BigInt(nowMs) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => BigInt(nowMs) * 1_000_000n),
    monotonicTimeNanosUnsafe: () => BigInt(nowMs) * 1_000_000n,
    monotonicTimeNanos: Effect.sync(() => BigInt(nowMs) * 1_000_000n),
    // Nothing should wait in a quiet hour; a wait moves the virtual clock rather than stalling the bench.
    sleep: (duration) => Effect.sync(() => void (nowMs += Duration.toMillis(duration))),
  };
  const sim = await startSimulatedFront({ perMinute: 100_000, burstPerSecond: 100_000, now: () => nowMs, dataset: { conversations } });
  try {
    const front = Effect.runSync(makeFront({ token: "tok_bench_0123456789", baseUrl: sim.url, burstPerSecond: 0, cacheTtl: 0 }));
    const run = <A>(effect: Effect.Effect<A, FrontToolError, Front>) =>
      Effect.runPromise(effect.pipe(Effect.provideService(Front, front), Effect.provideService(Clock.Clock, clock)));
    const listConversations = toolsByName["list-conversations"]!;

    // (a) list-conversations, updated_after = the previous poll.
    sim.reset();
    nowMs = START_MS;
    let lastPoll = nowMs / 1000;
    let found = 0;
    let incomplete = 0;
    for (let minute = 0; minute < minutes; minute++) {
      nowMs += 60_000;
      const out = (await run(runTool(listConversations, { updated_after: lastPoll, auto_paginate: true, limit: 100 }))) as {
        readonly count: number;
        readonly complete?: boolean;
      };
      found += out.count;
      if (out.complete === false) incomplete++;
      lastPoll = nowMs / 1000;
    }
    const conversationsRequests = sim.stats().requests;

    // (b) the events feed, from the cursor of the previous poll.
    sim.reset();
    nowMs = START_MS;
    let cursor = (await run(pollEventsOnce())).cursorString;
    sim.reset();
    let events = 0;
    for (let minute = 0; minute < minutes; minute++) {
      nowMs += 60_000;
      const out = await run(pollEventsOnce({ cursor }));
      events += out.events.length;
      cursor = out.cursorString;
    }
    const eventsRequests = sim.stats().requests;

    const ok = eventsRequests === minutes && events === 0 && found === 0;
    const ratio = eventsRequests === 0 ? Number.POSITIVE_INFINITY : conversationsRequests / eventsRequests;
    console.log(`events-polling benchmark: one quiet hour, a poll every minute (${minutes} polls), simulated Front with ${conversations} conversations`);
    console.log(
      `  (a) list-conversations updated_after   ${String(conversationsRequests).padStart(6)} requests ` +
        `(${(conversationsRequests / minutes).toFixed(1)} per poll, limit 100, auto_paginate${incomplete > 0 ? `; ${incomplete} poll(s) hit max_pages` : ""})`,
    );
    console.log(`  (b) events feed (pollEventsOnce)        ${String(eventsRequests).padStart(6)} requests (${(eventsRequests / minutes).toFixed(1)} per poll, target 1)`);
    console.log(`  ratio (a) / (b)                        ${ratio.toFixed(1)}×`);
    console.log(
      "  note: list-conversations reads the whole list to apply updated_after (Front lists conversations in bump order, not by\n" +
        "        updated_at), so (a) grows with the company's conversations; before that fix it stopped at the first older\n" +
        "        conversation (1 request per quiet poll) but could miss a conversation tagged or assigned below an older one.\n" +
        "        The events feed asks Front only for what happened since its cursor: one request per quiet poll, any company size.",
    );
    console.log(`  result                                 ${ok ? "PASS" : "FAIL"}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await sim.stop();
  }
};

await main();
