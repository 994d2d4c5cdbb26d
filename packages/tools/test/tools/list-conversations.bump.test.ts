/**
 * Property: whatever the company's bump setting and whatever happened to its conversations (tagged,
 * assigned, commented, replied, new inbound messages, in any order), list-conversations with
 * `updated_after` against the simulated Front returns exactly the conversations updated after the
 * cut-off — none missed, none older — company-wide and for several inboxes; when a bound stops it first
 * it says `complete: false`, and one list's `next_page_token` continues to the same exact set.
 */
import { BUMP_SETTINGS, type BumpSetting, type ConversationAction, type SimulatedFront, startSimulatedFront } from "@frontkit/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFrontTools, type FrontTools } from "../../src/index.js";

const CONVERSATIONS = 30;
const INBOXES = 3;
const STATUSES = ["assigned", "unassigned", "archived", "trashed"] as const;
const ACTIONS: ReadonlyArray<ConversationAction> = ["tag", "assign", "comment", "reply", "inbound"];

interface Company {
  readonly front: SimulatedFront;
  readonly tools: FrontTools;
}
const companies = new Map<BumpSetting, Company>();

beforeAll(async () => {
  for (const bump of BUMP_SETTINGS) {
    const front = await startSimulatedFront({
      perMinute: 1_000_000,
      burstPerSecond: 1_000_000,
      bump,
      dataset: { conversations: CONVERSATIONS, inboxes: INBOXES },
    });
    companies.set(bump, { front, tools: createFrontTools({ token: "tok_bump_0123456789", baseUrl: front.url, burstPerSecond: 0 }) });
  }
});
afterAll(async () => {
  for (const { front, tools } of companies.values()) {
    await tools.dispose();
    await front.stop();
  }
});

const history = fc.array(
  fc.record({ index: fc.nat(CONVERSATIONS - 1), action: fc.constantFrom(...ACTIONS), gap: fc.integer({ min: 0, max: 300 }) }),
  { maxLength: 20 },
);
const scenario = fc.record({
  history,
  // Cut-offs from well before the oldest generated conversation to after the last action.
  cut: fc.integer({ min: -CONVERSATIONS * 60 - 60, max: 20 * 300 + 60 }),
  inboxes: fc.option(fc.uniqueArray(fc.nat(INBOXES - 1), { minLength: 1, maxLength: INBOXES }), { nil: undefined }),
  statuses: fc.option(fc.uniqueArray(fc.constantFrom(...STATUSES), { minLength: 1, maxLength: 4 }), { nil: undefined }),
  limit: fc.integer({ min: 2, max: 12 }),
  maxResults: fc.option(fc.integer({ min: 1, max: 25 }), { nil: undefined }),
  maxPages: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
});

describe("property: updated_after never misses a conversation, whatever the bump setting", () => {
  it.each(BUMP_SETTINGS)("bump %s", async (bump) => {
    const { front, tools } = companies.get(bump)!;
    const d = front.dataset;
    const epoch = d.conversationUpdatedAt(0);
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        front.conversationOrder.clear();
        // The model: a conversation's updated_at is its last action's time, else the generated one.
        const updated = Array.from({ length: CONVERSATIONS }, (_, i) => d.conversationUpdatedAt(i));
        let t = epoch;
        for (const step of s.history) {
          t += step.gap;
          const id = d.conversationId(step.index);
          if (step.action === "tag") front.tagConversation(id, t);
          else if (step.action === "assign") front.assignConversation(id, t);
          else if (step.action === "comment") front.commentConversation(id, t);
          else if (step.action === "reply") front.replyConversation(id, t);
          else front.receiveMessage(id, t);
          updated[step.index] = t;
        }
        const after = epoch + s.cut;
        const inScope = (i: number) =>
          (s.inboxes === undefined || s.inboxes.includes(d.conversationInbox(i))) &&
          (s.statuses === undefined || (s.statuses as readonly string[]).includes(d.conversationStatus(i)));
        const expected = new Set(updated.flatMap((u, i) => (inScope(i) && u > after ? [d.conversationId(i)] : [])));

        const input = {
          updated_after: after,
          auto_paginate: true,
          limit: s.limit,
          ...(s.inboxes === undefined ? {} : { inbox_ids: s.inboxes.map((i) => d.inboxId(i)) }),
          ...(s.statuses === undefined ? {} : { statuses: s.statuses }),
          ...(s.maxResults === undefined ? {} : { max_results: s.maxResults }),
          ...(s.maxPages === undefined ? {} : { max_pages: s.maxPages }),
        };
        const out = await tools.listConversations(input);
        const ids = out.conversations.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const c of out.conversations) {
          // Nothing older, and the time reported is the conversation's real one.
          expect(c.updated_at).toBe(updated[Number.parseInt(c.id.slice(4), 36)]);
          expect(c.updated_at!).toBeGreaterThan(after);
          expect(expected.has(c.id)).toBe(true);
        }
        if (s.maxResults !== undefined) expect(out.count).toBeLessThanOrEqual(s.maxResults);
        // complete is a promise: nothing missed. Without bounds the whole list is always read.
        if (out.complete) expect(new Set(ids)).toEqual(expected);
        if (s.maxResults === undefined && s.maxPages === undefined) expect(out.complete).toBe(true);
        if (ids.length < expected.size) expect(out.complete).toBe(false);
        if (s.inboxes !== undefined && s.inboxes.length > 1) {
          const times = out.conversations.map((c) => c.updated_at!);
          expect(times).toEqual([...times].sort((a, b) => b - a));
          expect(out.next_page_token).toBeUndefined();
          return;
        }
        // One list: the token continues exactly where the bound stopped, to the same set with no repeats.
        const all = [...ids];
        let last = out;
        for (let calls = 0; !last.complete && last.next_page_token !== undefined && calls < 100; calls++) {
          last = await tools.listConversations({ ...input, page_token: last.next_page_token });
          all.push(...last.conversations.map((c) => c.id));
        }
        expect(last.complete).toBe(true);
        expect(all.length).toBe(new Set(all).size);
        expect(new Set(all)).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
