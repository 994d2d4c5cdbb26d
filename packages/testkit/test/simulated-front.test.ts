import { afterEach, describe, expect, it } from "vitest";
import { SIMULATED_COMPANY_HOST, startSimulatedFront, type SimulatedFront } from "../src/index.js";
import { portIsFree } from "./port.js";

const auth = { authorization: "Bearer fake-test-token" };
const running: SimulatedFront[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

const start = async (options: Parameters<typeof startSimulatedFront>[0]) => {
  const sim = await startSimulatedFront(options);
  running.push(sim);
  return sim;
};

// A clock the test moves by hand, so rate-limit windows pass instantly.
const manualClock = (start = 1_800_000_000_000) => {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
};

interface Page<T> {
  _pagination: { next: string | null };
  _results: T[];
}

const getJson = async <T>(url: string) => {
  const response = await fetch(url, { headers: auth });
  return { response, body: (await response.json()) as T };
};

/** Follows `_pagination.next` the way the SDK must: only its page_token, on our own base URL. */
const collect = async <T>(sim: SimulatedFront, pathAndQuery: string): Promise<{ items: T[]; pages: number; nextHosts: Set<string> }> => {
  const items: T[] = [];
  const nextHosts = new Set<string>();
  let url = `${sim.url}${pathAndQuery}`;
  for (let pages = 1; ; pages++) {
    const { response, body } = await getJson<Page<T>>(url);
    expect(response.status).toBe(200);
    items.push(...body._results);
    if (body._pagination.next === null) return { items, pages, nextHosts };
    const next = new URL(body._pagination.next);
    nextHosts.add(next.origin);
    const mine = new URL(url);
    mine.searchParams.set("page_token", next.searchParams.get("page_token")!);
    url = mine.toString();
  }
};

const roomy = { perMinute: 100_000, burstPerSecond: 100_000 };

describe("simulated Front: data and pagination", () => {
  it("pages contacts with limit, next URLs on the company host, no duplicates, newest first", async () => {
    const sim = await start({ ...roomy, dataset: { contacts: 230 } });
    const { items, pages, nextHosts } = await collect<{ id: string; updated_at: number }>(sim, "/contacts?limit=100");
    expect(pages).toBe(3);
    expect(items).toHaveLength(230);
    expect(new Set(items.map((c) => c.id)).size).toBe(230);
    expect([...nextHosts]).toEqual([SIMULATED_COMPANY_HOST]);
    expect(SIMULATED_COMPANY_HOST).not.toContain("127.0.0.1");
    const times = items.map((c) => c.updated_at);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(sim.stats().byPath["GET /contacts"]).toBe(3);
  });

  it("keeps the original query (limit, q) in _pagination.next", async () => {
    const sim = await start(roomy);
    const { body } = await getJson<Page<unknown>>(`${sim.url}/conversations?limit=2&q%5Bstatuses%5D%5B0%5D=archived`);
    const next = new URL(body._pagination.next!);
    expect(next.origin).toBe("https://acme.api.frontapp.com");
    expect(next.pathname).toBe("/conversations");
    expect(next.searchParams.get("limit")).toBe("2");
    expect(next.searchParams.get("q[statuses][0]")).toBe("archived");
    expect(next.searchParams.get("page_token")).toBeTruthy();
  });

  it("filters contacts by q[updated_after] / q[updated_before]", async () => {
    const sim = await start({ ...roomy, dataset: { contacts: 100 } });
    const all = (await collect<{ updated_at: number }>(sim, "/contacts?limit=100")).items;
    const after = all[19]!.updated_at; // strictly newer: the first 19
    const before = all[4]!.updated_at; // strictly older than the 5th
    const { items } = await collect<{ updated_at: number }>(sim, `/contacts?limit=7&q[updated_after]=${after}&q[updated_before]=${before}`);
    expect(items.map((c) => c.updated_at)).toEqual(all.slice(5, 19).map((c) => c.updated_at));
  });

  it("filters conversations by status and inbox, company-wide newest first, with full pages", async () => {
    const sim = await start({ ...roomy, dataset: { conversations: 500, inboxes: 3 } });
    const all = (await collect<{ id: string; status: string; updated_at: number }>(sim, "/conversations?limit=100")).items;
    expect(all).toHaveLength(500);
    const expected = all.filter((c) => c.status === "assigned" || c.status === "trashed");
    const filtered = await collect<{ id: string; status: string }>(sim, "/conversations?limit=25&q[statuses][0]=assigned&q[statuses][1]=trashed");
    expect(filtered.items.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(filtered.pages).toBe(Math.ceil(expected.length / 25));

    const inboxId = sim.dataset.inboxId(1);
    const inInbox = await collect<{ id: string; updated_at: number }>(sim, `/inboxes/${inboxId}/conversations?limit=100&q[statuses][]=archived`);
    const expectedInbox = all.filter((c, i) => i % 3 === 1 && c.status === "archived");
    // Same members, but inbox lists have no documented order: here one unrelated to updated_at.
    expect(inInbox.items.map((c) => c.id).sort()).toEqual(expectedInbox.map((c) => c.id).sort());
    const times = inInbox.items.map((c) => c.updated_at);
    expect(times).not.toEqual([...times].sort((a, b) => b - a));
  });

  it("serves 10 000 conversations lazily", async () => {
    const sim = await start({ ...roomy, dataset: { conversations: 10_000 } });
    const before = process.memoryUsage().heapUsed;
    const { items, pages } = await collect<{ id: string }>(sim, "/conversations?limit=100");
    expect(items).toHaveLength(10_000);
    expect(pages).toBe(100);
    expect(new Set(items.map((c) => c.id)).size).toBe(10_000);
    expect(sim.stats().requests).toBe(100);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);

  it("answers single conversations, their messages, inboxes, tags, teammates and /me", async () => {
    const sim = await start(roomy);
    const id = sim.dataset.conversationId(7);
    const { response, body } = await getJson<{ id: string; status: string }>(`${sim.url}/conversations/${id}`);
    expect(response.status).toBe(200);
    expect(body.id).toBe(id);
    const messages = await collect<{ id: string }>(sim, `/conversations/${id}/messages?limit=1`);
    expect(messages.items).toHaveLength(sim.dataset.messageCount(7));
    expect((await collect(sim, "/inboxes")).items).toHaveLength(3);
    expect((await collect(sim, "/tags?limit=5")).items).toHaveLength(12);
    expect((await collect(sim, "/teammates")).items).toHaveLength(5);
    expect((await getJson<{ id: string }>(`${sim.url}/me`)).body.id).toBe("cmp_acme");
  });

  it("answers Front's errors: 404 unknown id, 400 for limit > 100, bad status or bad page token, 401 without a bearer", async () => {
    const sim = await start(roomy);
    const missing = await getJson<{ _error: { status: number; message: string } }>(`${sim.url}/conversations/cnv_zzzzzz`);
    expect(missing.response.status).toBe(404);
    expect(missing.body._error.status).toBe(404);
    expect((await fetch(`${sim.url}/contacts?limit=101`, { headers: auth })).status).toBe(400);
    expect((await fetch(`${sim.url}/conversations?q[statuses][0]=open`, { headers: auth })).status).toBe(400);
    expect((await fetch(`${sim.url}/contacts?page_token=nonsense`, { headers: auth })).status).toBe(400);
    const unauthorized = await fetch(`${sim.url}/me`);
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toMatchObject({ _error: { status: 401 } });
  });

  it("accepts tags (204) and messages (202), recording the writes", async () => {
    const sim = await start(roomy);
    const cnv = sim.dataset.conversationId(0);
    const tagged = await fetch(`${sim.url}/conversations/${cnv}/tags`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ tag_ids: [sim.dataset.tagId(2)] }),
    });
    expect(tagged.status).toBe(204);
    const unknownTag = await fetch(`${sim.url}/conversations/${cnv}/tags`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ tag_ids: ["tag_zzzzzz"] }),
    });
    expect(unknownTag.status).toBe(404);
    const form = new FormData();
    form.append("to[0]", "someone@example.com");
    form.append("body", "hello");
    form.append("attachments[0]", new Blob(["file"]), "a.txt");
    const sent = await fetch(`${sim.url}/channels/cha_0001/messages`, { method: "POST", headers: auth, body: form });
    expect(sent.status).toBe(202);
    const replied = await fetch(`${sim.url}/conversations/${cnv}/messages`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ body: "reply" }),
    });
    expect(replied.status).toBe(202);
    const toInbox = await fetch(`${sim.url}/channels/inb_0001/messages`, { method: "POST", headers: auth, body: "{}" });
    expect(toInbox.status).toBe(404);
    expect(sim.writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /conversations/${cnv}/tags`,
      "POST /channels/cha_0001/messages",
      `POST /conversations/${cnv}/messages`,
    ]);
    expect(sim.writes[1]!.contentType).toContain("multipart/form-data");
    expect(sim.writes[1]!.body.toString()).toContain('name="attachments[0]"');
  });
});

describe("simulated Front: rate limits", () => {
  it("enforces the per-minute limit with Front's headers, and frees budget as the window slides", async () => {
    const clock = manualClock();
    const sim = await start({ perMinute: 5, burstPerSecond: 100, now: clock.now });
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${sim.url}/tags`, { headers: auth });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ratelimit-limit")).toBe("5");
      remaining.push(response.headers.get("x-ratelimit-remaining")!);
      expect(Number(response.headers.get("x-ratelimit-reset"))).toBe(Math.ceil((clock.now() - i * 1000 + 60_000) / 1000));
      clock.advance(1000);
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    const limited = await fetch(`${sim.url}/tags`, { headers: auth });
    expect(limited.status).toBe(429);
    // The first request was at t0; now is t0 + 5 s, so the slot frees in 55 s.
    expect(limited.headers.get("retry-after")).toBe("55");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(limited.headers.has("x-front-tier")).toBe(false);
    expect(await limited.json()).toEqual({
      _error: { status: 429, title: "Too many requests", message: "Rate limit exceeded. Please retry in 55 seconds." },
    });
    clock.advance(55_000);
    expect((await fetch(`${sim.url}/tags`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${sim.url}/tags`, { headers: auth })).status).toBe(429);
    expect(sim.stats()).toMatchObject({ requests: 8, rateLimited: 2 });
  });

  it("enforces the burst limit per resource with x-front-tier while minute budget remains", async () => {
    const clock = manualClock();
    const sim = await start({ perMinute: 100, burstPerSecond: 3, now: clock.now });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${sim.url}/contacts`, { headers: auth })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const burst = await fetch(`${sim.url}/contacts`, { headers: auth });
    expect(burst.status).toBe(429);
    expect(burst.headers.get("x-front-tier")).toBeTruthy();
    expect(Number(burst.headers.get("x-ratelimit-remaining"))).toBeGreaterThan(0);
    expect(burst.headers.get("retry-after")).toBe("1");
    // Another resource has its own burst budget.
    expect((await fetch(`${sim.url}/tags`, { headers: auth })).status).toBe(200);
    clock.advance(1000);
    expect((await fetch(`${sim.url}/contacts`, { headers: auth })).status).toBe(200);
    expect(sim.stats().rateLimited).toBe(2);
  });

  it("the burst budget is per resource type: every path under /conversations shares one", async () => {
    const clock = manualClock();
    const sim = await start({ perMinute: 100, burstPerSecond: 2, now: clock.now });
    const statuses = [];
    for (const path of ["/conversations", "/conversations/cnv_1/messages", "/conversations/cnv_2"]) {
      statuses.push((await fetch(`${sim.url}${path}`, { headers: auth })).status === 429);
    }
    // Refused or not (an unknown id is a 404 once admitted), but only the third is over the type's burst.
    expect(statuses).toEqual([false, false, true]);
    expect((await fetch(`${sim.url}/tags`, { headers: auth })).status).toBe(200);
  });

  it("burstScope path gives every path its own burst budget", async () => {
    const clock = manualClock();
    const sim = await start({ perMinute: 100, burstPerSecond: 1, burstScope: "path", now: clock.now });
    const statuses = [];
    for (const path of ["/conversations", "/conversations/cnv_1", "/conversations/cnv_1"]) {
      statuses.push((await fetch(`${sim.url}${path}`, { headers: auth })).status === 429);
    }
    expect(statuses).toEqual([false, false, true]);
  });

  it("burstScope company shares one burst budget across resources", async () => {
    const clock = manualClock();
    const sim = await start({ perMinute: 100, burstPerSecond: 2, burstScope: "company", now: clock.now });
    const statuses = [];
    for (const path of ["/tags", "/inboxes", "/teammates"]) statuses.push((await fetch(`${sim.url}${path}`, { headers: auth })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it("concurrent requests over the limit get 429s and are counted", async () => {
    // Latency keeps requests open long enough to overlap.
    const sim = await start({ perMinute: 10, burstPerSecond: 1000, latencyMs: 50 });
    const responses = await Promise.all(Array.from({ length: 25 }, () => fetch(`${sim.url}/inboxes`, { headers: auth })));
    const codes = responses.map((r) => r.status);
    expect(codes.filter((c) => c === 200)).toHaveLength(10);
    expect(codes.filter((c) => c === 429)).toHaveLength(15);
    expect(sim.stats()).toMatchObject({ requests: 25, rateLimited: 15, byPath: { "GET /inboxes": 25 } });
    expect(sim.stats().maxInFlight).toBeGreaterThan(1);
  });

  it("failNext programs failures without spending the budget; reset clears everything", async () => {
    const clock = manualClock();
    const sim = await start({ perMinute: 3, burstPerSecond: 100, now: clock.now });
    sim.failNext(503);
    sim.failNext(429, { retryAfterSeconds: 9 });
    const first = await fetch(`${sim.url}/me`, { headers: auth });
    expect(first.status).toBe(503);
    expect(await first.json()).toMatchObject({ _error: { status: 503 } });
    const second = await fetch(`${sim.url}/me`, { headers: auth });
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBe("9");
    const third = await fetch(`${sim.url}/me`, { headers: auth });
    expect(third.status).toBe(200);
    expect(third.headers.get("x-ratelimit-remaining")).toBe("2");
    expect(sim.stats()).toMatchObject({ requests: 3, rateLimited: 1 });
    sim.failNext(500, { times: 2 });
    sim.reset();
    expect(sim.stats()).toMatchObject({ requests: 0, rateLimited: 0, byPath: {} });
    const fresh = await fetch(`${sim.url}/me`, { headers: auth });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("x-ratelimit-remaining")).toBe("2");
  });

  it("rejects a non-positive limit and stops cleanly (port freed)", async () => {
    await expect(startSimulatedFront({ perMinute: 0, burstPerSecond: 5 })).rejects.toThrow(TypeError);
    const sim = await startSimulatedFront(roomy);
    await sim.stop();
    await sim.stop();
    expect(await portIsFree(sim.port)).toBe(true);
  });

  it("adds the configured latency", async () => {
    const sim = await start({ ...roomy, latencyMs: 150 });
    const started = performance.now();
    await fetch(`${sim.url}/me`, { headers: auth });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe("simulated Front: conversation order (bump settings)", () => {
  type Listed = { id: string; updated_at: number };
  const ids = (items: Listed[]) => items.map((c) => c.id);

  it("tagging and assigning change updated_at but never the place in /conversations", async () => {
    const sim = await start({ ...roomy, dataset: { conversations: 20 }, bump: "replies_and_comments" });
    const before = ids((await collect<Listed>(sim, "/conversations?limit=7")).items);
    const late = sim.dataset.conversationUpdatedAt(0) + 1_000;
    sim.tagConversation(sim.dataset.conversationId(12), late);
    sim.assignConversation(sim.dataset.conversationId(5), late + 1);
    const after = (await collect<Listed>(sim, "/conversations?limit=7")).items;
    expect(ids(after)).toEqual(before);
    expect(after.find((c) => c.id === sim.dataset.conversationId(12))!.updated_at).toBe(late);
    expect(after.find((c) => c.id === sim.dataset.conversationId(5))!.updated_at).toBe(late + 1);
    const single = await getJson<Listed>(`${sim.url}/conversations/${sim.dataset.conversationId(12)}`);
    expect(single.body.updated_at).toBe(late);
  });

  it.each([
    ["replies", { reply: true, comment: false }],
    ["comments", { reply: false, comment: true }],
    ["replies_and_comments", { reply: true, comment: true }],
    ["never", { reply: false, comment: false }],
  ] as const)("bump %s: replies and comments move a conversation up as the setting says, inbound messages always", async (bump, moves) => {
    const sim = await start({ ...roomy, dataset: { conversations: 20 }, bump });
    const d = sim.dataset;
    const t = d.conversationUpdatedAt(0);
    sim.replyConversation(d.conversationId(10), t + 10);
    sim.commentConversation(d.conversationId(15), t + 20);
    sim.receiveMessage(d.conversationId(18), t + 5);
    const top = ids((await collect<Listed>(sim, "/conversations?limit=100")).items).slice(0, 3);
    const expected = [
      ...(moves.comment ? [d.conversationId(15)] : []),
      ...(moves.reply ? [d.conversationId(10)] : []),
      d.conversationId(18),
    ];
    expect(top.slice(0, expected.length)).toEqual(expected);
    if (!moves.reply) expect(top).not.toContain(d.conversationId(10));
    if (!moves.comment) expect(top).not.toContain(d.conversationId(15));
  });

  it("pages stay whole and duplicate-free under a moved order; conversationOrder.clear() restores it", async () => {
    const sim = await start({ ...roomy, dataset: { conversations: 50, inboxes: 2 }, bump: "replies" });
    const d = sim.dataset;
    for (const i of [49, 3, 27]) sim.replyConversation(d.conversationId(i), d.conversationUpdatedAt(0) + i);
    const { items } = await collect<Listed>(sim, "/conversations?limit=6");
    expect(new Set(ids(items)).size).toBe(50);
    expect(ids(items).slice(0, 3)).toEqual([d.conversationId(49), d.conversationId(27), d.conversationId(3)]);
    sim.conversationOrder.clear();
    expect(ids((await collect<Listed>(sim, "/conversations?limit=50")).items)).toEqual(Array.from({ length: 50 }, (_, i) => d.conversationId(i)));
  });

  it("rejects actions on unknown conversations and non-numeric times", async () => {
    const sim = await start({ ...roomy, dataset: { conversations: 5 } });
    expect(() => sim.tagConversation("cnv_zzzz", 1)).toThrow(RangeError);
    expect(() => sim.replyConversation(sim.dataset.conversationId(1), Number.NaN)).toThrow(TypeError);
  });
});
