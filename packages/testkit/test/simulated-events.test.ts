import { afterEach, describe, expect, it } from "vitest";
import { SIMULATED_COMPANY_HOST, startSimulatedFront, type SimulatedEventJson, type SimulatedFront } from "../src/index.js";

const auth = { authorization: "Bearer fake-test-token" };
const roomy = { perMinute: 100_000, burstPerSecond: 100_000 };
const running: SimulatedFront[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

const start = async (options: Partial<Parameters<typeof startSimulatedFront>[0]> = {}) => {
  const sim = await startSimulatedFront({ ...roomy, ...options });
  running.push(sim);
  return sim;
};

interface EventsPage {
  _pagination: { next: string | null };
  _links: { self: string };
  _results: SimulatedEventJson[];
}

const get = async (sim: SimulatedFront, query: string) => {
  const response = await fetch(`${sim.url}/events${query === "" ? "" : `?${query}`}`, { headers: auth });
  return { status: response.status, body: (await response.json()) as EventsPage & { _error?: { message: string } } };
};

/** Follows `_pagination.next` by its page_token on the simulator's own URL. */
const collect = async (sim: SimulatedFront, query: string, firstToken?: string) => {
  const events: SimulatedEventJson[] = [];
  const hosts = new Set<string>();
  let token = firstToken;
  for (let pages = 1; pages <= 100; pages++) {
    const { status, body } = await get(sim, token === undefined ? query : `${query}${query === "" ? "" : "&"}page_token=${token}`);
    expect(status).toBe(200);
    expect(body._results.length).toBeLessThanOrEqual(15);
    events.push(...body._results);
    if (body._pagination.next === null) return { events, pages, hosts };
    const next = new URL(body._pagination.next);
    hosts.add(next.origin);
    token = next.searchParams.get("page_token")!;
  }
  throw new Error("more than 100 pages: the page tokens loop");
};

const ids = (events: ReadonlyArray<SimulatedEventJson>) => events.map((e) => e.id);
const byOrder = (a: SimulatedEventJson, b: SimulatedEventJson) => a.emitted_at - b.emitted_at || (a.id < b.id ? -1 : 1);

describe("simulated Front: GET /events", () => {
  it("lists the seeded history newest first by default, 15 a page, next on the company host", async () => {
    const sim = await start({ dataset: { events: 40 } });
    const { events, pages, hosts } = await collect(sim, "");
    expect(events).toHaveLength(40);
    expect(pages).toBe(3);
    expect([...hosts]).toEqual([SIMULATED_COMPANY_HOST]);
    expect(ids(events)).toEqual(ids([...events].sort(byOrder).reverse()));
    // Seeded: the same seed gives the same history, another seed another one.
    expect(ids(sim.events().map((r) => r.event))).toEqual(ids([...events].reverse()));
    const again = await start({ dataset: { events: 40 } });
    expect(again.events().map((r) => r.event)).toEqual(sim.events().map((r) => r.event));
    const other = await start({ dataset: { events: 40 }, seed: 2 });
    expect(other.events().map((r) => r.event.emitted_at)).not.toEqual(sim.events().map((r) => r.event.emitted_at));
  });

  it("has equal emitted_at values in the history and event resources shaped like Front's", async () => {
    const sim = await start();
    const times = sim.events().map((r) => r.event.emitted_at);
    expect(new Set(times).size).toBeLessThan(times.length);
    const [first] = (await get(sim, "limit=1")).body._results;
    expect(first).toMatchObject({
      id: expect.stringMatching(/^evt_[0-9a-z]+$/),
      type: expect.any(String),
      emitted_at: expect.any(Number),
      conversation: { id: expect.stringMatching(/^cnv_/) },
      _links: { self: `${SIMULATED_COMPANY_HOST}/events/${first!.id}` },
    });
  });

  it("sort_order=asc with q[after] strict and q[before] strict", async () => {
    const sim = await start({ dataset: { events: 50 } });
    const all = sim.events().map((r) => r.event);
    const after = all[10]!.emitted_at;
    const before = all[30]!.emitted_at;
    const { events } = await collect(sim, `sort_by=created_at&sort_order=asc&q[after]=${after}&q[before]=${before}`);
    expect(ids(events)).toEqual(ids(all.filter((e) => e.emitted_at > after && e.emitted_at < before)));
  });

  it("filters by type in every array form and by inbox", async () => {
    const sim = await start({ dataset: { events: 0 } });
    const a = sim.emitEvent({ type: "inbound", emittedAt: 100, inboxIds: ["inb_0001"] });
    const b = sim.emitEvent({ type: "tag", emittedAt: 101, inboxIds: ["inb_0002"] });
    sim.emitEvent({ type: "archive", emittedAt: 102, inboxIds: ["inb_0001"] });
    for (const q of ["q[types][]=inbound&q[types][]=tag", "q[types]=inbound&q[types]=tag", "q[types][0]=inbound&q[types][1]=tag"]) {
      expect(ids((await collect(sim, `sort_order=asc&${q}`)).events)).toEqual([a.event.id, b.event.id]);
    }
    expect(ids((await collect(sim, "sort_order=asc&q[inboxes][]=inb_0002")).events)).toEqual([b.event.id]);
  });

  it("keyset page tokens neither skip nor repeat when events arrive between pages", async () => {
    const sim = await start({ dataset: { events: 0 } });
    for (let i = 0; i < 20; i++) sim.emitEvent({ type: "inbound", emittedAt: 1000 + i });
    const first = await get(sim, "sort_order=asc&limit=10");
    sim.emitEvent({ type: "inbound", emittedAt: 1030 });
    const token = new URL(first.body._pagination.next!).searchParams.get("page_token")!;
    const second = await collect(sim, "sort_order=asc&limit=10", token);
    expect([...ids(first.body._results), ...ids(second.events)]).toEqual(ids(sim.events().map((r) => r.event)));
  });

  it("hides an event until it becomes visible", async () => {
    let now = 5_000_000;
    const sim = await start({ dataset: { events: 0 }, now: () => now, eventVisibilityDelaySeconds: 2 });
    const late = sim.emitEvent({ type: "inbound" });
    expect(late.visibleAt).toBe(5_002);
    expect((await get(sim, "")).body._results).toHaveLength(0);
    now += 2_000;
    expect(ids((await get(sim, "")).body._results)).toEqual([late.event.id]);
    const explicit = sim.emitEvent({ type: "tag", emittedAt: 4_990, visibleAt: 6_000 });
    expect(ids((await get(sim, "")).body._results)).not.toContain(explicit.event.id);
    sim.reset();
    expect(sim.events()).toHaveLength(0);
  });

  it("answers 400 like Front for a limit over 15 and bad parameters", async () => {
    const sim = await start();
    for (const q of ["limit=16", "limit=0", "sort_order=up", "sort_by=updated_at", "q[after]=yesterday", "q[types][]=Not-A-Type", "page_token=zzz"]) {
      const { status, body } = await get(sim, q);
      expect(status, q).toBe(400);
      expect(body._error?.message, q).toEqual(expect.any(String));
    }
  });

  it("emitEvent refuses a malformed type", async () => {
    const sim = await start();
    expect(() => sim.emitEvent({ type: "Inbound!" })).toThrow(/type/);
  });
});
