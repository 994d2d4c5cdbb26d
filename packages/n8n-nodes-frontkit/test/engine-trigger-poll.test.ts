/**
 * The built Front Trigger in polling mode, ticked by n8n-core's PollTriggerExecutor against the
 * simulated Front's `GET /events` (behind a recording proxy). The clock is moved by hand
 * (Date only; timers and sockets stay real): the feed holds back events younger than its
 * overlap window, and the simulated Front stamps emitted events with the same clock.
 */
import { type FaultProxy, type SimulatedFront, startFaultProxy, startSimulatedFront, status } from "@frontkit/testkit";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POLL_EVENT_LIMIT } from "@frontkit/adapters/n8n";
import { CANARY_TOKEN, frontError } from "./engine/fixtures.js";
import { pollHost, StaticDataStore, type TriggerSetup } from "./engine/trigger-host.js";

let sim: SimulatedFront;
let proxy: FaultProxy;
// The node keeps one client per credential across executions (the one per-token client cache), with its rate
// limiter; each test starts the hand-moved clock afresh, which a client kept from the previous test would read
// as time running backwards. So each test polls with its own credential (the canary is still its prefix).
let token = CANARY_TOKEN;
let tests = 0;

beforeAll(async () => {
  sim = await startSimulatedFront({ perMinute: 10_000, burstPerSecond: 1_000, now: () => Date.now() });
  proxy = await startFaultProxy({ target: sim.url });
});
afterAll(async () => {
  await proxy?.stop();
  await sim?.stop();
});
beforeEach(() => {
  token = `${CANARY_TOKEN}-${++tests}`;
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
  sim.reset();
  proxy.reset();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the clock of the node, n8n and the simulated Front. */
const advance = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

const setup = (parameters: Record<string, unknown> = {}): TriggerSetup => ({
  parameters: { mode: "polling", ...parameters },
  credentials: { frontApi: { token, baseUrl: proxy.url } },
});

const eventRequests = () => proxy.requests.filter((r) => r.path === "/events");
const ids = (outcome: { run?: { items: Array<{ json: { id?: unknown } }> } }) => outcome.run?.items.map((i) => i.json.id) ?? [];
const expectNoCanary = (value: unknown) =>
  expect(JSON.stringify(value, (_k, v: unknown) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v))).not.toContain(
    CANARY_TOKEN,
  );

describe("first activation", () => {
  it("starts from now: Front's history does not flood the workflow", async () => {
    expect(sim.events().length).toBeGreaterThan(0);
    const host = pollHost(setup());
    const first = await host.activate();
    expect(first).toEqual({});
    expect(String(host.store.node()["eventsCursor"])).toMatch(/^evc1:/);
    // One small read proves the token may list events; nothing of what it returns is emitted.
    expect(eventRequests().map((r) => r.query.get("limit"))).toEqual(["1"]);
    for (const request of proxy.requests) expect(request.headers.authorization).toBe(`Bearer ${token}`);
    advance(30);
    expect(await host.tick()).toEqual({});
  });

  it("with Start From, the first poll also brings the events since then, once", async () => {
    const now = Date.now() / 1000;
    const before = sim.emitEvent({ type: "inbound", emittedAt: now - 3_600 });
    const since = sim.emitEvent({ type: "archive", emittedAt: now - 60 });
    const host = pollHost(setup({ startAt: new Date((now - 120) * 1000).toISOString() }));
    const first = await host.activate();
    expect(first.error).toBeUndefined();
    expect(ids(first)).toEqual([since.event.id]);
    expect(ids(first)).not.toContain(before.event.id);
    advance(30);
    expect(await host.tick()).toEqual({});
  });
});

describe("scheduled polls", () => {
  it("events emitted after activation come with the next poll, oldest first, exactly once", async () => {
    const host = pollHost(setup());
    await host.activate();
    advance(1);
    const first = sim.emitEvent({ type: "inbound" });
    advance(1);
    const second = sim.emitEvent({ type: "tag" });
    advance(10);
    const outcome = await host.tick();
    expect(outcome.error).toBeUndefined();
    expect(ids(outcome)).toEqual([first.event.id, second.event.id]);
    expect(outcome.run?.run.status).toBe("success");
    expect(outcome.run?.items[0]?.json).toMatchObject({ type: "inbound", kind: "poll", deliveryType: "full" });
    expect(outcome.run?.collected.map((i) => i.json.id)).toEqual([first.event.id, second.event.id]);
    advance(10);
    expect(await host.tick()).toEqual({});
    expectNoCanary(outcome.run?.run.data);
  });

  it("the position survives a restart (static data saved as JSON and read back by a new node)", async () => {
    const host = pollHost(setup());
    await host.activate();
    advance(1);
    const before = sim.emitEvent({ type: "inbound" });
    advance(10);
    expect(ids(await host.tick())).toEqual([before.event.id]);

    // n8n restarts: nothing survives but the saved static data.
    const saved = JSON.parse(JSON.stringify(host.store.node())) as Record<string, unknown>;
    const restartedStore = new StaticDataStore();
    restartedStore.saveIfChanged({ "node:Front Trigger": saved, __dataChanged: true });
    const restarted = pollHost(setup(), restartedStore);
    advance(1);
    const after = sim.emitEvent({ type: "comment" });
    advance(10);
    expect(ids(await restarted.tick())).toEqual([after.event.id]);
  });

  it("a backlog larger than one poll's limit comes over the next polls, every event once", async () => {
    // Real time here: the client spaces its 20+ requests to Front's burst limit, which a frozen clock would never let pass.
    vi.useRealTimers();
    const now = Date.now() / 1000;
    const emitted = Array.from({ length: POLL_EVENT_LIMIT + 20 }, (_, i) => sim.emitEvent({ type: "inbound", emittedAt: now - 1_000 + i }).event.id);
    const host = pollHost(setup({ startAt: new Date((now - 2_000) * 1000).toISOString() }));
    const first = await host.activate();
    expect(ids(first)).toEqual(emitted.slice(0, POLL_EVENT_LIMIT));
    const second = await host.tick();
    expect(ids(second)).toEqual(emitted.slice(POLL_EVENT_LIMIT));
    expect(await host.tick()).toEqual({});
  });

  it("a damaged saved position restarts from now instead of failing every poll", async () => {
    const store = new StaticDataStore();
    store.saveIfChanged({ "node:Front Trigger": { eventsCursor: "evc1:not-a-time:" }, __dataChanged: true });
    const host = pollHost(setup(), store);
    const outcome = await host.tick();
    expect(outcome).toEqual({});
    expect(String(host.store.node()["eventsCursor"])).toMatch(/^evc1:\d/);
    advance(1);
    const next = sim.emitEvent({ type: "reopen" });
    advance(10);
    expect(ids(await host.tick())).toEqual([next.event.id]);
  });

  it("a quiet poll costs one request", async () => {
    const host = pollHost(setup());
    await host.activate();
    advance(60);
    proxy.reset();
    expect(await host.tick()).toEqual({});
    expect(proxy.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /events"]);
  });

  it("event types and inboxes go into Front's query, and only matching events come", async () => {
    const inbox = sim.dataset.inboxId(1);
    const host = pollHost(setup({ events: ["inbound", "out_reply"], inboxIds: `${inbox}, inb_zz9` }));
    await host.activate();
    advance(1);
    const wanted = sim.emitEvent({ type: "inbound", inboxIds: [inbox] });
    sim.emitEvent({ type: "tag", inboxIds: [inbox] });
    sim.emitEvent({ type: "inbound", inboxIds: [sim.dataset.inboxId(2)] });
    advance(10);
    proxy.reset();
    const outcome = await host.tick();
    expect(ids(outcome)).toEqual([wanted.event.id]);
    const query = eventRequests()[0]?.query;
    const values = (name: string) => [...(query?.entries() ?? [])].filter(([k]) => k.startsWith(`q[${name}]`)).map(([, v]) => v);
    expect(values("types").sort()).toEqual(["inbound", "out_reply"]);
    expect(values("inboxes").sort()).toEqual([inbox, "inb_zz9"].sort());
  });

  it("in webhook mode a poll does nothing and sends nothing", async () => {
    const host = pollHost({ ...setup(), parameters: { mode: "webhook", kind: "rule" } });
    expect(await host.activate()).toEqual({});
    expect(await host.tick()).toEqual({});
    expect(proxy.requests).toEqual([]);
  });
});

describe("Fetch test event (manual)", () => {
  it("shows the latest events, newest first, and leaves the position where it was", async () => {
    const host = pollHost(setup());
    await host.activate();
    const position = host.store.node()["eventsCursor"];
    advance(1);
    const older = sim.emitEvent({ type: "inbound" });
    advance(1);
    const newer = sim.emitEvent({ type: "assign" });
    advance(10);
    proxy.reset();
    const fetched = await host.fetchTestEvent();
    expect(fetched.error).toBeUndefined();
    expect(fetched.items.slice(0, 2).map((i) => i.json.id)).toEqual([newer.event.id, older.event.id]);
    expect(fetched.items.length).toBeLessThanOrEqual(5);
    expect(fetched.items[0]?.json).toMatchObject({ kind: "poll", deliveryType: "full" });
    expect(eventRequests()).toHaveLength(1);
    expect(fetched.staticDataChanged).toBe(false);
    expect(host.store.node()["eventsCursor"]).toBe(position);
    // The next scheduled poll, a little later (the credential's client and its burst pacing are kept from the
    // test fetch; with this frozen clock no time would pass otherwise), still delivers both.
    advance(1);
    expect(ids(await host.tick())).toEqual([older.event.id, newer.event.id]);
  });
});

describe("failures", () => {
  it("a Front error fails the poll as a NodeApiError with Front's message, and never shows the token", async () => {
    const host = pollHost(setup());
    await host.activate();
    const position = host.store.node()["eventsCursor"];
    advance(10);
    proxy.on({ path: "/events" }, status(401, { body: frontError(401, "Unauthorized", "The API token is not valid.") }));
    const outcome = await host.tick();
    expect(outcome.run).toBeUndefined();
    expect(outcome.error?.name).toBe("NodeApiError");
    expect(outcome.error?.message).toContain("The API token is not valid.");
    expect((outcome.error as { httpCode?: string } | undefined)?.httpCode).toBe("401");
    expectNoCanary(outcome.error);
    // Nothing was delivered, so the position did not move.
    expect(host.store.node()["eventsCursor"]).toBe(position);
  });

  it("a token Front refuses fails the activation, with Front's message", async () => {
    proxy.on({ path: "/events" }, status(403, { body: frontError(403, "Forbidden", "The token lacks the events:read scope.") }));
    const host = pollHost(setup());
    await expect(host.activate()).rejects.toThrow("The token lacks the events:read scope.");
    expect(host.store.node()["eventsCursor"]).toBeUndefined();
  });

  it("a wrong inbox id or start time fails the poll naming the field, before any request", async () => {
    const badInbox = await pollHost(setup({ inboxIds: "support" })).tick();
    expect(badInbox.error?.name).toBe("NodeOperationError");
    expect(badInbox.error?.message).toContain("Inbox IDs");
    const badStart = await pollHost(setup({ startAt: "next tuesday-ish" })).tick();
    expect(badStart.error?.message).toContain("Start From");
    expect(proxy.requests).toEqual([]);
  });
});
