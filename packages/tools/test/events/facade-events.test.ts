/**
 * The Promise facade's events feed against the simulated Front in real time: `pollEvents`, and the
 * `events()` async iterator — it yields, stops on `break` and on `signal` (during a wait or a request)
 * within a bounded time, and leaves nothing polling behind.
 */
import { type SimulatedFront, startSimulatedFront } from "@frontkit/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFrontTools, type FrontTools, InvalidInput, Transport } from "../../src/index.js";

let sim: SimulatedFront;
let slow: SimulatedFront;
let tools: FrontTools;

beforeAll(async () => {
  sim = await startSimulatedFront({ perMinute: 100_000, burstPerSecond: 100_000, dataset: { events: 0 } });
  slow = await startSimulatedFront({ perMinute: 100_000, burstPerSecond: 100_000, dataset: { events: 0 }, latencyMs: 5_000 });
  tools = createFrontTools({ token: "tok_events_0123456789", baseUrl: sim.url, burstPerSecond: 0 });
});
afterAll(async () => {
  await tools?.dispose();
  await sim?.stop();
  await slow?.stop();
});
beforeEach(() => sim.reset());

const nowSeconds = () => Date.now() / 1000;
const requests = (front: SimulatedFront) => front.stats().byPath["GET /events"] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("front.pollEvents", () => {
  it("returns events since a time, oldest first, and a cursor that continues with one request", async () => {
    const t = nowSeconds();
    const emitted = [t - 30, t - 20, t - 10].map((emittedAt) => sim.emitEvent({ type: "inbound", emittedAt }));
    const first = await tools.pollEvents({ since: t - 60 });
    expect(first.events.map((e) => e.id)).toEqual(emitted.map((e) => e.event.id));
    expect(first.cursorString).toMatch(/^evc1:/);
    sim.reset();
    const second = await tools.pollEvents({ cursor: first.cursorString });
    expect(second.events).toEqual([]);
    expect(requests(sim)).toBe(1);
  });

  it("rejects bad options with InvalidInput before any request", async () => {
    const error = await tools.pollEvents({ cursor: "evc1:", types: ["Inbound"] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).issues.map((i) => i.path).sort()).toEqual(["cursor", "types[0]"]);
    expect(sim.stats().requests).toBe(0);
  });

  it("an aborted signal rejects with Transport (aborted)", async () => {
    const error = await tools.pollEvents({ since: nowSeconds() - 60 }, { signal: AbortSignal.abort() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Transport);
    expect((error as Transport).reason).toBe("aborted");
  });
});

describe("front.events()", () => {
  it("yields each event with its cursor; break ends the polling", async () => {
    const t = nowSeconds();
    const emitted = [t - 30, t - 20, t - 10].map((emittedAt) => sim.emitEvent({ type: "tag", emittedAt }));
    const got: string[] = [];
    const cursors: number[] = [];
    for await (const item of tools.events({ since: t - 60, pollIntervalMs: 1_000 })) {
      got.push(item.event.id);
      cursors.push(item.cursor.after);
      if (got.length === 3) break;
    }
    expect(got).toEqual(emitted.map((e) => e.event.id));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    const after = requests(sim);
    // Longer than the poll interval: a loop still running would have polled again.
    await sleep(1_500);
    expect(requests(sim)).toBe(after);
  });

  it("abort during the wait between polls ends the iteration within a bounded time", async () => {
    const t = nowSeconds();
    const only = sim.emitEvent({ type: "inbound", emittedAt: t - 10 });
    const controller = new AbortController();
    const iterator = tools.events({ since: t - 60, pollIntervalMs: 60_000, signal: controller.signal })[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    expect(first.done === false && first.value.event.id).toBe(only.event.id);
    const pending = iterator.next();
    await sleep(50);
    const started = Date.now();
    controller.abort();
    const end = await pending;
    expect(end.done).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(requests(sim)).toBe(1);
    expect((await iterator.next()).done).toBe(true);
  });

  it("abort during an in-flight request ends the iteration without an error", async () => {
    const slowTools = createFrontTools({ token: "tok_events_0123456789", baseUrl: slow.url, burstPerSecond: 0 });
    try {
      const controller = new AbortController();
      const iterator = slowTools.events({ since: nowSeconds() - 60, signal: controller.signal })[Symbol.asyncIterator]();
      const pending = iterator.next();
      await sleep(200);
      const started = Date.now();
      controller.abort();
      expect((await pending).done).toBe(true);
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      await slowTools.dispose();
    }
  });

  it("an already aborted signal yields nothing and sends nothing", async () => {
    const items: unknown[] = [];
    for await (const item of tools.events({ since: nowSeconds() - 60, signal: AbortSignal.abort() })) items.push(item);
    expect(items).toEqual([]);
    expect(sim.stats().requests).toBe(0);
  });

  it("bad options reject the first next() with InvalidInput, before any request", async () => {
    for (const options of [{ types: ["NOT OK"] }, { pollIntervalMs: 10 }, { inboxIds: ["cnv_1"], cursor: "nope" }]) {
      const error = await tools.events(options)[Symbol.asyncIterator]().next().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidInput);
    }
    expect(sim.stats().requests).toBe(0);
  });

  it("dispose ends an iteration waiting between polls", async () => {
    const own = createFrontTools({ token: "tok_events_0123456789", baseUrl: sim.url, burstPerSecond: 0 });
    const iterator = own.events({ pollIntervalMs: 60_000 })[Symbol.asyncIterator]();
    const pending = iterator.next();
    await sleep(50);
    const started = Date.now();
    await own.dispose();
    expect((await pending).done).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(own.events()[Symbol.asyncIterator]().next()).rejects.toThrow(/disposed/);
    // The same typed error as any other call after dispose.
    await expect(own.events()[Symbol.asyncIterator]().next()).rejects.toMatchObject({ _tag: "Disposed", retryable: false });
  });
});
