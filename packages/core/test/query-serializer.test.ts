import { describe, expect, it } from "vitest";
import { frontQuerySerializer } from "../src/query-serializer.js";

describe("frontQuerySerializer", () => {
  it("writes arrays inside objects with empty brackets (Front's documented form) and repeats top-level arrays", () => {
    expect(
      frontQuerySerializer({
        q: { statuses: ["assigned", "archived"], updated_before: 1_700_000_100 },
        inbox_ids: ["inb_1", "inb_2"],
        limit: 50,
      }),
    ).toBe("q[statuses][]=assigned&q[statuses][]=archived&q[updated_before]=1700000100&inbox_ids=inb_1&inbox_ids=inb_2&limit=50");
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

  it("keeps a one-value list a list, and the order of values", () => {
    expect(frontQuerySerializer({ q: { statuses: ["trashed"] } })).toBe("q[statuses][]=trashed");
    expect(frontQuerySerializer({ q: { types: ["comment", "assign", "comment"] } })).toBe("q[types][]=comment&q[types][]=assign&q[types][]=comment");
  });

  it("reads back as the same lists through URLSearchParams (what a server sees)", () => {
    const params = new URLSearchParams(frontQuerySerializer({ q: { statuses: ["assigned", "a&b=c"], status_categories: ["open"], after: 1 } }));
    expect(params.getAll("q[statuses][]")).toEqual(["assigned", "a&b=c"]);
    expect(params.getAll("q[status_categories][]")).toEqual(["open"]);
    expect(params.get("q[after]")).toBe("1");
    expect([...params.keys()].some((k) => /\[\d+\]/.test(k))).toBe(false);
  });

  it("indexes a list of objects, the one shape `[]` cannot keep together", () => {
    expect(frontQuerySerializer({ q: { rules: [{ a: 1, b: "x" }, { a: 2 }] } })).toBe("q[rules][0][a]=1&q[rules][0][b]=x&q[rules][1][a]=2");
  });

  it("gives an empty string for no query", () => {
    expect(frontQuerySerializer(undefined)).toBe("");
    expect(frontQuerySerializer({})).toBe("");
  });
});
