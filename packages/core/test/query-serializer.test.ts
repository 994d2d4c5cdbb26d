import { describe, expect, it } from "vitest";
import { frontQuerySerializer } from "../src/index.js";

describe("frontQuerySerializer", () => {
  it("indexes arrays inside objects and repeats top-level arrays", () => {
    expect(
      frontQuerySerializer({
        q: { statuses: ["assigned", "archived"], updated_before: 1_700_000_100 },
        inbox_ids: ["inb_1", "inb_2"],
        limit: 50,
      }),
    ).toBe("q[statuses][0]=assigned&q[statuses][1]=archived&q[updated_before]=1700000100&inbox_ids=inb_1&inbox_ids=inb_2&limit=50");
  });

  it("skips undefined and null, encodes values and keys, keeps booleans and Dates readable", () => {
    expect(
      frontQuerySerializer({
        a: undefined,
        b: null,
        "we ird": "x&y=z #",
        flag: false,
        q: { after: new Date(Date.UTC(2023, 10, 14, 22, 13, 20)), tags: [] },
      }),
    ).toBe("we%20ird=x%26y%3Dz%20%23&flag=false&q[after]=1700000000");
  });

  it("gives an empty string for no query", () => {
    expect(frontQuerySerializer(undefined)).toBe("");
    expect(frontQuerySerializer({})).toBe("");
  });
});
