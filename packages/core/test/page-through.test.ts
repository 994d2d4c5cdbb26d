import { describe, expect, it } from "vitest";
import { pageThrough, pageWalk } from "../src/page-through.js";

describe("pageWalk: the one set of paging rules", () => {
  it("asks the start token first, then each new next token, and ends on a missing one", () => {
    const walk = pageWalk({ startToken: "a", maxPages: 10 });
    expect(walk.token).toBe("a");
    expect(walk.advance("b")).toBe(true);
    expect(walk.token).toBe("b");
    expect(walk.advance(undefined)).toBe(false);
    expect(walk.stop).toBe("end");
    expect(walk.pages).toBe(2);
  });

  it("an empty next ends the list; a token already followed (the start one included) is 'repeated'", () => {
    const empty = pageWalk({ maxPages: 5 });
    expect(empty.advance("")).toBe(false);
    expect(empty.stop).toBe("end");
    const repeated = pageWalk({ startToken: "a", maxPages: 5 });
    expect(repeated.advance("b")).toBe(true);
    expect(repeated.isFresh("a")).toBe(false);
    expect(repeated.advance("a")).toBe(false);
    expect(repeated.stop).toBe("repeated");
  });

  it("stops at maxPages as 'budget', the next token still fresh (the list goes on from it)", () => {
    const walk = pageWalk({ maxPages: 2 });
    expect(walk.advance("p2")).toBe(true);
    expect(walk.advance("p3")).toBe(false);
    expect(walk.stop).toBe("budget");
    expect(walk.isFresh("p3")).toBe(true);
    expect(walk.pages).toBe(2);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses maxPages %s", (maxPages) => {
    expect(() => pageWalk({ maxPages })).toThrowError(RangeError);
  });
});

describe("pageThrough: the generic Promise loop", () => {
  it("yields every page, asks each by its token, and returns the walk", async () => {
    const asked: Array<string | undefined> = [];
    const pages: Record<string, { items: number[]; next?: string }> = { first: { items: [1], next: "t2" }, t2: { items: [2], next: "t3" }, t3: { items: [3] } };
    const gen = pageThrough(async (token) => (asked.push(token), pages[token ?? "first"]!), (p) => p.next, { maxPages: 10 });
    const seen: number[] = [];
    let step = await gen.next();
    while (step.done !== true) {
      seen.push(...step.value.items);
      step = await gen.next();
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(asked).toEqual([undefined, "t2", "t3"]);
    expect(step.value.stop).toBe("end");
  });

  it("is bounded: endless fresh tokens stop at maxPages; an aborted signal stops before the next request", async () => {
    let n = 0;
    const endless = pageThrough(async () => ({ next: `t${++n}` }), (p) => p.next, { maxPages: 3 });
    let count = 0;
    for await (const _ of endless) count++;
    expect(count).toBe(3);
    const controller = new AbortController();
    const aborted = pageThrough(async () => ({ next: `x${++n}` }), (p) => p.next, { maxPages: 10, signal: controller.signal });
    await aborted.next();
    controller.abort(new Error("stop"));
    await expect(aborted.next()).rejects.toThrowError("stop");
  });
});
