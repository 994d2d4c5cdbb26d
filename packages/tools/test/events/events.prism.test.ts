/**
 * Contract: the events feed's requests against Prism serving the corrected spec. Prism validates every
 * request (a 422 — a wrong `q`, sort or limit — fails the poll and so the test); its example events
 * decode leniently.
 */
import { describe, expect, it } from "vitest";
import { usePrismClient } from "../support/prism-client.js";

const prism = usePrismClient();

describe("events feed against Prism", () => {
  it("a poll with every filter: Prism accepts each request, the example event decodes", async () => {
    const out = await prism.tools.pollEvents({
      // Before Prism's example event (emitted_at 1703102616), so it falls in the window.
      since: 1_700_000_000,
      types: ["inbound", "tag"],
      inboxIds: ["inb_1", "inb_2"],
      maxEventsPerPoll: 20,
    });
    expect(prism.proxy.requests.length).toBeGreaterThanOrEqual(1);
    for (const r of prism.proxy.requests) {
      expect(r.path).toBe("/events");
      expect(r.query.get("sort_by")).toBe("created_at");
      expect(r.query.get("sort_order")).toBe("asc");
      expect(Number(r.query.get("limit"))).toBeLessThanOrEqual(15);
      expect(r.query.get("q[after]")).toBe("1700000000");
      expect(Number(r.query.get("q[before]"))).toBeGreaterThan(1_700_000_000);
      expect(r.query.getAll("q[types][]")).toEqual(["inbound", "tag"]);
      expect(r.query.getAll("q[inboxes][]")).toEqual(["inb_1", "inb_2"]);
      expect(r.headers["authorization"]).toBe("Bearer tok_contract_0123456789");
    }
    // Prism repeats its page token: paging stops at the repeat, and the repeated event is delivered once.
    expect(prism.proxy.requests.length).toBeLessThanOrEqual(2);
    expect(out.events.length).toBeGreaterThanOrEqual(1);
    expect(new Set(out.events.map((e) => e.id)).size).toBe(out.events.length);
    expect(out.events[0]!.id).toMatch(/^evt_/);
    expect(typeof out.events[0]!.emitted_at).toBe("number");
  });

  it("a poll from a cursor string: the page token goes to the configured host only", async () => {
    const first = await prism.tools.pollEvents({ since: 1_700_000_000 });
    const second = await prism.tools.pollEvents({ cursor: first.cursorString });
    // The example event is in the cursor's seen ids (or below its window): not delivered again.
    expect(second.events.map((e) => e.id)).not.toContain(first.events[0]?.id);
    const tokens = prism.proxy.requests.map((r) => r.query.get("page_token")).filter((t) => t !== null);
    expect(tokens.length).toBeGreaterThanOrEqual(1);
  });

  it("Prism does validate /events queries: a wrong sort_order is refused (so the passes above mean something)", async () => {
    const error = await prism.tools
      .rawApiRequest({ method: "get", path: "/events", query: { sort_order: "sideways", limit: 5 } })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toMatchObject({ _tag: "Validation", status: 422 });
  });
});
