import type { IDataObject } from "n8n-workflow";
import { describe, expect, it } from "vitest";
import { DEDUPE_MAX_IDS, DEDUPE_WINDOW_MS, rememberEvent, SEEN_EVENTS_KEY } from "../../src/n8n/trigger-dedupe.js";

describe("rememberEvent", () => {
  it("is true the first time an id is seen and false for a repeat within the window", () => {
    const data: IDataObject = {};
    expect(rememberEvent(data, "evt_1", 1_000)).toBe(true);
    expect(rememberEvent(data, "evt_1", 2_000)).toBe(false);
    expect(rememberEvent(data, "evt_2", 2_000)).toBe(true);
  });

  it("forgets an id once the window has passed", () => {
    const data: IDataObject = {};
    rememberEvent(data, "evt_1", 0);
    expect(rememberEvent(data, "evt_1", DEDUPE_WINDOW_MS - 1)).toBe(false);
    expect(rememberEvent(data, "evt_1", DEDUPE_WINDOW_MS + 1)).toBe(true);
  });

  it("keeps at most DEDUPE_MAX_IDS ids, dropping the oldest", () => {
    const data: IDataObject = {};
    for (let i = 0; i <= DEDUPE_MAX_IDS; i++) rememberEvent(data, `evt_${i}`, i);
    expect(Object.keys(data[SEEN_EVENTS_KEY] as object)).toHaveLength(DEDUPE_MAX_IDS);
    // evt_0 was the oldest: forgotten, so it counts as new again; the newest is still remembered.
    expect(rememberEvent(data, `evt_${DEDUPE_MAX_IDS}`, DEDUPE_MAX_IDS + 1)).toBe(false);
    expect(rememberEvent(data, "evt_0", DEDUPE_MAX_IDS + 1)).toBe(true);
  });

  it("survives a JSON round trip (n8n saves static data as JSON) and ignores garbage in it", () => {
    const data: IDataObject = {};
    rememberEvent(data, "evt_1", 10);
    const restored = JSON.parse(JSON.stringify(data)) as IDataObject;
    expect(rememberEvent(restored, "evt_1", 20)).toBe(false);
    const garbage: IDataObject = { [SEEN_EVENTS_KEY]: ["not", "a", "map"] };
    expect(rememberEvent(garbage, "evt_1", 20)).toBe(true);
    expect(garbage[SEEN_EVENTS_KEY]).toEqual({ evt_1: 20 });
  });

  it("assigns a new object so n8n notices the change", () => {
    const data: IDataObject = {};
    rememberEvent(data, "evt_1", 1);
    const before = data[SEEN_EVENTS_KEY];
    rememberEvent(data, "evt_2", 2);
    expect(data[SEEN_EVENTS_KEY]).not.toBe(before);
  });
});
