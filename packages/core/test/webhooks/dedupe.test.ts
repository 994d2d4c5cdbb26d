import { describe, expect, it } from "vitest";
import { FrontInputError, createMemoryDedupeStore } from "../../src/index.js";

describe("createMemoryDedupeStore", () => {
  it("answers true once per key within the TTL, and again after it", () => {
    let now = 1_000;
    const store = createMemoryDedupeStore({ now: () => now });
    expect(store.firstSeen("a", 100)).toBe(true);
    expect(store.firstSeen("a", 100)).toBe(false);
    expect(store.firstSeen("b", 100)).toBe(true);
    now += 99;
    expect(store.firstSeen("a", 100)).toBe(false);
    now += 1;
    expect(store.firstSeen("a", 100)).toBe(true);
  });

  it("keeps at most maxEntries keys, forgetting the oldest first", () => {
    const store = createMemoryDedupeStore({ maxEntries: 3, now: () => 0 });
    for (const key of ["k1", "k2", "k3", "k4"]) expect(store.firstSeen(key, 60_000)).toBe(true);
    // k1 was evicted to make room for k4; the others are still remembered.
    expect(store.firstSeen("k4", 60_000)).toBe(false);
    expect(store.firstSeen("k3", 60_000)).toBe(false);
    expect(store.firstSeen("k1", 60_000)).toBe(true);
  });

  it("stays bounded under many distinct keys", () => {
    let now = 0;
    const store = createMemoryDedupeStore({ maxEntries: 100, now: () => now });
    for (let i = 0; i < 10_000; i++) {
      now += 1;
      store.firstSeen(`evt_${i}`, 1_000_000);
    }
    // The last 100 are remembered, the first ones were evicted.
    expect(store.firstSeen("evt_9999", 1_000_000)).toBe(false);
    expect(store.firstSeen("evt_9900", 1_000_000)).toBe(false);
    expect(store.firstSeen("evt_0", 1_000_000)).toBe(true);
  });

  it("remembers nothing for a window of 0", () => {
    const store = createMemoryDedupeStore();
    expect(store.firstSeen("a", 0)).toBe(true);
    expect(store.firstSeen("a", 0)).toBe(true);
  });

  it("refuses a nonsense size", () => {
    expect(() => createMemoryDedupeStore({ maxEntries: 0 })).toThrow(FrontInputError);
    expect(() => createMemoryDedupeStore({ maxEntries: 1.5 })).toThrow(/whole number/);
  });
});
