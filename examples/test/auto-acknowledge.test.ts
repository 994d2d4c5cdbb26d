import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FaultProxy, type SimulatedFront, startFaultProxy, startSimulatedFront, status } from "@frontkit/testkit";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { acknowledgeOnce, type AcknowledgeState, DEFAULT_ACKNOWLEDGEMENT, run } from "../auto-acknowledge.js";

const token = "auto-acknowledge-test-token";
let front: SimulatedFront;
let dir: string;
let stateFile: string;
let proxy: FaultProxy | undefined;

beforeAll(async () => {
  front = await startSimulatedFront({ perMinute: 10_000, burstPerSecond: 1_000 });
});
afterAll(() => front.stop());
beforeEach(async () => {
  front.reset();
  dir = await mkdtemp(join(tmpdir(), "auto-ack-"));
  stateFile = join(dir, "state.json");
});
afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
  await rm(dir, { recursive: true, force: true });
});

const now = () => Date.now() / 1000;
/** Dataset conversations with a given status (the simulated Front's statuses are seeded). */
const conversationsWith = (wanted: string, count: number): string[] => {
  const ids: string[] = [];
  for (let i = 0; ids.length < count && i < front.dataset.size.conversations; i++) {
    if (front.dataset.conversationStatus(i) === wanted) ids.push(front.dataset.conversationId(i));
  }
  if (ids.length < count) throw new Error(`the dataset has fewer than ${count} ${wanted} conversations`);
  return ids;
};

/** The replies Front accepted, with their JSON bodies. */
const replies = () =>
  front.writes
    .filter((w) => w.method === "POST" && /^\/conversations\/[^/]+\/messages$/.test(w.path))
    .map((w) => ({ conversationId: w.path.split("/")[2], body: JSON.parse(w.body.toString("utf8")) as { body: string; options?: { archive?: boolean } } }));

const readSaved = async (): Promise<AcknowledgeState> => JSON.parse(await readFile(stateFile, "utf8")) as AcknowledgeState;

/**
 * Emits an inbound event as a customer's new message would arrive after the saved cursor, and waits (about a
 * second) until the feed will deliver it: the feed holds back events younger than its 5 s overlap window.
 */
const customerWritesAgain = async (conversationId: string): Promise<void> => {
  const after = (await readSaved()).cursor?.after;
  if (after === undefined) throw new Error("no saved cursor");
  const emittedAt = after + 0.5;
  front.emitEvent({ type: "inbound", conversationId, emittedAt });
  const ready = (emittedAt + 5.2) * 1000;
  while (Date.now() < ready) await new Promise((resolve) => setTimeout(resolve, ready - Date.now()));
};

describe("auto-acknowledge from the events feed (simulated Front)", () => {
  it("replies once to each inbound message on an unassigned conversation, with options.archive false", async () => {
    const [first, second] = conversationsWith("unassigned", 2) as [string, string];
    const [taken] = conversationsWith("assigned", 1) as [string];
    front.emitEvent({ type: "inbound", conversationId: first, emittedAt: now() - 60 });
    front.emitEvent({ type: "inbound", conversationId: taken, emittedAt: now() - 55 });
    front.emitEvent({ type: "tag", conversationId: second, emittedAt: now() - 50 });
    front.emitEvent({ type: "inbound", conversationId: second, emittedAt: now() - 45 });

    const result = await acknowledgeOnce({ baseUrl: front.url, token, stateFile, since: now() - 120 });

    expect(result.replied).toEqual([first, second]);
    expect(result.skipped).toEqual([expect.objectContaining({ conversationId: taken, reason: "already assigned" })]);
    const sent = replies();
    expect(sent.map((r) => r.conversationId)).toEqual([first, second]);
    for (const reply of sent) {
      // Front archives on send by default: an acknowledgement must say archive: false.
      expect(reply.body.options).toEqual({ archive: false });
      expect(reply.body.body).toBe(DEFAULT_ACKNOWLEDGEMENT);
    }
    const saved = await readSaved();
    expect(saved.acknowledged).toEqual([first, second]);
    expect(saved.cursor).toMatchObject({ v: 1 });
    expect(JSON.stringify(saved)).not.toContain(token);
  });

  it("a restart with the persisted cursor acknowledges nothing twice, even when the customer writes again", async () => {
    const [conversation] = conversationsWith("unassigned", 1) as [string];
    front.emitEvent({ type: "inbound", conversationId: conversation, emittedAt: now() - 60 });
    const first = await acknowledgeOnce({ baseUrl: front.url, token, stateFile, since: now() - 120 });
    expect(first.replied).toEqual([conversation]);
    const eventsBefore = front.stats().byPath["GET /events"];

    const restarted = await acknowledgeOnce({ baseUrl: front.url, token, stateFile, since: now() - 120 });
    expect(restarted.replied).toEqual([]);
    expect(restarted.skipped).toEqual([]); // the cursor moved past the event: it is not even read again
    expect(front.stats().byPath["GET /events"]).toBe(eventsBefore! + 1);

    await customerWritesAgain(conversation);
    const again = await acknowledgeOnce({ baseUrl: front.url, token, stateFile });
    expect(again.replied).toEqual([]);
    expect(again.skipped).toEqual([expect.objectContaining({ conversationId: conversation, reason: "already acknowledged" })]);
    expect(replies()).toHaveLength(1);
  });

  it("after a crash between sending and saving the cursor, the re-read event is not acknowledged again", async () => {
    const [conversation] = conversationsWith("unassigned", 1) as [string];
    front.emitEvent({ type: "inbound", conversationId: conversation, emittedAt: now() - 60 });
    // What a run leaves when it dies mid-send: the conversation recorded, the cursor not yet moved.
    await writeFile(stateFile, JSON.stringify({ version: 1, acknowledged: [conversation] }));

    const result = await acknowledgeOnce({ baseUrl: front.url, token, stateFile, since: now() - 120 });
    expect(result.replied).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual(["already acknowledged"]);
    expect(replies()).toHaveLength(0);
  });

  it("a reply Front refused is tried again next run; one that may have gone out (503) is not", async () => {
    proxy = await startFaultProxy({ target: front.url });
    const [refused, uncertain] = conversationsWith("unassigned", 2) as [string, string];
    front.emitEvent({ type: "inbound", conversationId: refused, emittedAt: now() - 60 });
    const since = now() - 120;

    proxy.on({ method: "POST", path: /\/messages$/ }, status(403, { body: { _error: { status: 403, title: "Forbidden", message: "Not allowed" } } }), { times: 1 });
    await expect(acknowledgeOnce({ baseUrl: proxy.url, token, stateFile, since })).rejects.toMatchObject({ _tag: "Forbidden" });
    expect((await readSaved()).acknowledged).toEqual([]);
    const retried = await acknowledgeOnce({ baseUrl: proxy.url, token, stateFile, since });
    expect(retried.replied).toEqual([refused]);

    await customerWritesAgain(uncertain);
    proxy.on({ method: "POST", path: /\/messages$/ }, status(503, { body: { _error: { status: 503, title: "Service unavailable", message: "Try later" } } }), { times: 1 });
    await expect(acknowledgeOnce({ baseUrl: proxy.url, token, stateFile })).rejects.toMatchObject({ _tag: "ServerError" });
    expect((await readSaved()).acknowledged).toEqual([refused, uncertain]);
    const after = await acknowledgeOnce({ baseUrl: proxy.url, token, stateFile });
    expect(after.replied).toEqual([]);
    expect(after.skipped.map((s) => [s.conversationId, s.reason])).toEqual([[uncertain, "already acknowledged"]]);
    // Front saw exactly one accepted reply per conversation at most: the refused one once, the 503 one never.
    expect(replies().map((r) => r.conversationId)).toEqual([refused]);
  });

  it("run() follows the feed with front.events() until aborted, and a restart of it replies to nothing twice", async () => {
    const [first, second] = conversationsWith("unassigned", 2) as [string, string];
    front.emitEvent({ type: "inbound", conversationId: first, emittedAt: now() - 60 });
    front.emitEvent({ type: "inbound", conversationId: second, emittedAt: now() - 50 });
    const controller = new AbortController();
    const replied: string[] = [];
    const result = await run({
      baseUrl: front.url,
      token,
      stateFile,
      since: now() - 120,
      pollIntervalMs: 1_000,
      signal: controller.signal,
      onOutcome: (o) => {
        if (o.kind === "replied") replied.push(o.conversationId);
        if (replied.length === 2) controller.abort();
      },
    });
    expect(result.replied).toEqual([first, second]);

    // Restart on the saved state: one bounded second of polling finds nothing to acknowledge.
    const again = await run({ baseUrl: front.url, token, stateFile, pollIntervalMs: 1_000, signal: AbortSignal.timeout(1_500) });
    expect(again.replied).toEqual([]);
    expect(replies().map((r) => r.conversationId)).toEqual([first, second]);
    expect(replies().every((r) => r.body.options?.archive === false)).toBe(true);
  });

  it("refuses a corrupt state file instead of starting afresh (which could acknowledge twice)", async () => {
    await writeFile(stateFile, JSON.stringify({ acknowledged: "cnv_1" }));
    await expect(acknowledgeOnce({ baseUrl: front.url, token, stateFile })).rejects.toThrow(/not an auto-acknowledge state file/);
    expect(front.stats().requests).toBe(0);
  });
});
