import { encodeEventCursor, makeFrontRetry } from "@frontkit/tools";
import { type SimulatedFront, startSimulatedFront } from "@frontkit/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSpojitExecutor, frontTriggers, SPOJIT_ERROR_CODES, type SpojitExecutor } from "../../src/spojit/index.js";
import { compileToolSchema } from "./ajv.js";

const TOKEN = "spojit-poll-token-5b7c9d1e3f";
let front: SimulatedFront;
let executor: SpojitExecutor;
beforeAll(async () => {
  front = await startSimulatedFront({ perMinute: 10_000, burstPerSecond: 1_000 });
});
afterAll(async () => {
  await executor?.dispose();
  await front?.stop();
});
beforeEach(async () => {
  front.reset();
  await executor?.dispose();
  executor = createSpojitExecutor();
});

const connection = () => ({ id: "conn-poll", token: TOKEN, baseUrl: front.url });
const nowSeconds = () => Date.now() / 1000;
/** A cursor as an earlier poll `secondsAgo` would have left it (the first poll itself starts from now). */
const cursorFrom = (secondsAgo: number) => encodeEventCursor({ v: 1, after: Math.round((nowSeconds() - secondsAgo) * 1000) / 1000, seen: [] });
const trigger = (name: string) => frontTriggers.find((t) => t.name === name)!;

describe("executor.pollTrigger against the simulated Front", () => {
  it("starts from now on the first poll: no history, one cursor, no request spent on old events", async () => {
    const result = await executor.pollTrigger({ trigger: "new-inbound-message", connection: connection() });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.events).toEqual([]);
    expect(result.cursor).toMatch(/^evc1:/);
    expect(front.events().length).toBeGreaterThan(0); // the simulated history exists and was not delivered
  });

  it("delivers new inbound events oldest first, each matching the trigger's output schema, then nothing twice", async () => {
    const cursor = cursorFrom(120);
    const conversation = front.dataset.conversationId(3);
    const older = front.emitEvent({ type: "inbound", conversationId: conversation, emittedAt: nowSeconds() - 60 });
    front.emitEvent({ type: "tag", conversationId: conversation, emittedAt: nowSeconds() - 50 });
    const newer = front.emitEvent({ type: "inbound", conversationId: conversation, emittedAt: nowSeconds() - 40 });

    const first = await executor.pollTrigger({ trigger: "new-inbound-message", connection: connection(), cursor });
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    expect(first.events.map((e) => e.id)).toEqual([older.event.id, newer.event.id]);
    const validate = compileToolSchema(trigger("new-inbound-message").outputSchema);
    for (const event of first.events) {
      expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
      expect(event).toMatchObject({ type: "inbound", delivery: "poll", preview: false, conversation_id: conversation });
      expect(event.message?.id).toMatch(/^msg_/);
    }
    // One poll, one request: Front filtered the types, one page held them.
    expect(front.stats().byPath["GET /events"]).toBe(1);

    const second = await executor.pollTrigger({ trigger: "new-inbound-message", connection: connection(), cursor: first.cursor });
    if (!second.ok) throw new Error(JSON.stringify(second.error));
    expect(second.events).toEqual([]);
  });

  it("filters tags locally and inboxes through Front", async () => {
    const cursor = cursorFrom(120);
    const tagged = front.emitEvent({ type: "tag", emittedAt: nowSeconds() - 60 });
    const tagId = (tagged.event.target as { data: { id: string } }).data.id;
    const polled = await executor.pollTrigger({ trigger: "conversation-tagged", configuration: { tag_ids: [tagId] }, connection: connection(), cursor });
    if (!polled.ok) throw new Error(JSON.stringify(polled.error));
    expect(polled.events.map((e) => e.tag?.id)).toEqual([tagId]);
    const other = await executor.pollTrigger({ trigger: "conversation-tagged", configuration: { tag_ids: ["tag_zzzz"] }, connection: connection(), cursor });
    if (!other.ok) throw new Error(JSON.stringify(other.error));
    expect(other.events).toEqual([]);
    expect(other.meta.skipped).toBe(1);

    const inbox = front.dataset.inboxId(1);
    const inInbox = front.emitEvent({ type: "assign", inboxIds: [inbox], emittedAt: nowSeconds() - 30 });
    front.emitEvent({ type: "assign", inboxIds: [front.dataset.inboxId(2)], emittedAt: nowSeconds() - 30 });
    const byInbox = await executor.pollTrigger({ trigger: "conversation-assigned", configuration: { inbox_ids: [inbox] }, connection: connection(), cursor });
    if (!byInbox.ok) throw new Error(JSON.stringify(byInbox.error));
    expect(byInbox.events.map((e) => e.id)).toEqual([inInbox.event.id]);
  });

  it("maps Front's failures to the executor's codes and never returns the token", async () => {
    front.failNext(401, { times: 1 });
    const unauthorized = await executor.pollTrigger({ trigger: "new-inbound-message", connection: connection(), cursor: cursorFrom(60) });
    expect(unauthorized).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
    expect(JSON.stringify(unauthorized)).not.toContain(TOKEN);
  });

  it("refuses bad requests before any request is sent", async () => {
    const cases: Array<[unknown, string, string?]> = [
      [{ trigger: "nope", connection: connection() }, "UNKNOWN_TRIGGER"],
      [{ trigger: "front-event", configuration: {}, connection: connection() }, "INVALID_INPUT", "configuration.types"],
      [{ trigger: "new-inbound-message", connection: connection(), cursor: 42 }, "INVALID_INPUT", "cursor"],
      [{ trigger: "new-inbound-message", connection: connection(), cursor: "not-a-cursor" }, "INVALID_INPUT"],
      [{ trigger: "new-inbound-message", connection: { id: "c", token: "short" } }, "INVALID_CONNECTION"],
      [{ trigger: "new-inbound-message", connection: { id: "c", token: TOKEN, baseUrl: "http://example.com" } }, "INVALID_CONNECTION"],
    ];
    for (const [request, code, path] of cases) {
      const result = await executor.pollTrigger(request as never);
      expect(result, JSON.stringify(request)).toMatchObject({ ok: false, error: { code } });
      if (path !== undefined && !result.ok) expect(result.error.issues?.map((i) => i.path)).toContain(path);
      expect(JSON.stringify(result)).not.toContain(TOKEN);
    }
    expect(front.stats().requests).toBe(0);
  });

  it("never throws or rejects, whatever it is given", async () => {
    // Garbage may form a valid connection to Front's real host: this executor's fetch never leaves the machine.
    const offline = createSpojitExecutor({
      fetch: async () => {
        throw new TypeError("offline test executor");
      },
      retry: makeFrontRetry({ maxAttempts: 1 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record(
            {
              trigger: fc.oneof(fc.constantFrom(...frontTriggers.map((t) => t.name)), fc.anything()),
              configuration: fc.anything(),
              connection: fc.oneof(fc.anything(), fc.record({ id: fc.string(), token: fc.string() })),
              cursor: fc.oneof(fc.string(), fc.anything()),
            },
            { requiredKeys: [] },
          ),
        ),
        async (request) => {
          const result = await offline.pollTrigger(request as never);
          expect(typeof result.ok).toBe("boolean");
          if (!result.ok) expect(SPOJIT_ERROR_CODES).toContain(result.error.code);
        },
      ),
      { numRuns: 200 },
    );
    await offline.dispose();
  });
});
