// Runs last (files run one at a time, in name order): the process-wide checks and the summary of the figures.
import { describe, expect, it } from "vitest";
import { CANARY, figures, probeGroups, produced, unhandled } from "./support.js";

describe("reliability summary", () => {
  it("no unhandled rejection happened anywhere in the suite", () => {
    figures["unhandled rejections"] = unhandled.length;
    expect(unhandled).toEqual([]);
  });

  it("the canary token appears in no output, error, log or result", () => {
    const hits = produced.filter((text) => text.includes(CANARY)).length;
    figures["items checked for the canary"] = produced.length;
    figures["canary occurrences"] = hits;
    expect(produced.length).toBeGreaterThan(0);
    expect(hits).toBe(0);
  });

  it("every probe of every group was tried and held", () => {
    let tried = 0;
    let held = 0;
    for (const [group, counts] of probeGroups) {
      figures[`${group} probes tried / held`] = `${counts.tried} / ${counts.held}`;
      tried += counts.tried;
      held += counts.held;
    }
    figures["probes tried / held (all groups)"] = `${tried} / ${held}`;
    expect(tried).toBeGreaterThan(0);
    expect(held).toBe(tried);
  });

  it("prints the figures", () => {
    const lines = Object.entries(figures).map(([k, v]) => `  ${k.padEnd(44)} ${v}`);
    console.log(`\nReliability suite figures:\n${lines.join("\n")}\n`);
    expect(Object.keys(figures).length).toBeGreaterThan(3);
  });
});
