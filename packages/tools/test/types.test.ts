import { describe, expectTypeOf, it } from "vitest";
import type { FrontTools, Tag, ToolInput, ToolOutput } from "../src/index.js";
import { getContact, listTags } from "../src/index.js";

describe("types", () => {
  it("tool input/output types come from the schemas", () => {
    expectTypeOf<ToolOutput<typeof listTags>>().toEqualTypeOf<{ readonly tags: ReadonlyArray<Tag>; readonly count: number }>();
    expectTypeOf<ToolInput<typeof getContact>>().toHaveProperty("contact_id");
  });

  it("facade methods are typed by tool; wrong input does not compile", () => {
    const check = (ft: FrontTools) => {
      expectTypeOf(ft.listTags).returns.resolves.toEqualTypeOf<ToolOutput<typeof listTags>>();
      expectTypeOf(ft.getContact).parameter(0).toEqualTypeOf<ToolInput<typeof getContact> | undefined>();
      // @ts-expect-error refresh is a boolean
      void ft.listTags({ refresh: "yes" });
      // @ts-expect-error create-contact needs handles
      void ft.createContact({ name: "x" });
      // @ts-expect-error not a tool
      void ft.deleteEverything;
      expectTypeOf(ft.invoke).returns.resolves.toBeUnknown();
    };
    expectTypeOf(check).toBeFunction();
  });
});
