import { describe, expectTypeOf, it } from "vitest";
import type { DetailedResult, FrontTools, Tag, ToolInput, ToolOutput } from "../src/index.js";
import { getContact, listTags } from "../src/index.js";

describe("types", () => {
  it("tool input/output types come from the schemas", () => {
    expectTypeOf<ToolOutput<typeof listTags>>().toEqualTypeOf<{ readonly tags: ReadonlyArray<Tag>; readonly count: number }>();
    expectTypeOf<ToolInput<typeof getContact>>().toHaveProperty("contact_id");
  });

  it("facade methods are typed by tool; wrong input does not compile", () => {
    const check = (ft: FrontTools) => {
      expectTypeOf(ft.listTags).returns.resolves.toEqualTypeOf<ToolOutput<typeof listTags>>();
      expectTypeOf(ft.getContact).parameter(0).toEqualTypeOf<ToolInput<typeof getContact>>();
      // @ts-expect-error refresh is a boolean
      void ft.listTags({ refresh: "yes" });
      // @ts-expect-error create-contact needs handles
      void ft.createContact({ name: "x" });
      // @ts-expect-error not a tool
      void ft.deleteEverything;
    };
    expectTypeOf(check).toBeFunction();
  });

  it("a tool whose input needs a field cannot be called without one (get-contact)", () => {
    const check = (ft: FrontTools) => {
      // @ts-expect-error get-contact needs a contact_id, email, phone or handle
      void ft.getContact();
      // @ts-expect-error an empty input names no contact
      void ft.getContact({});
      // @ts-expect-error a handle needs its source
      void ft.getContact({ handle: "@jane" });
      void ft.getContact({ contact_id: "crd_1" });
      void ft.getContact({ email: "jane@example.com" });
      void ft.getContact({ phone: "+15551234567" });
      void ft.getContact({ handle: "@jane", source: "twitter" });
      // Optional-input tools stay callable without one.
      void ft.listTags();
    };
    expectTypeOf(check).toBeFunction();
  });

  it("invoke and invokeDetailed are typed by a literal tool name (kebab or camel), unknown for a plain string", () => {
    const check = (ft: FrontTools, someName: string) => {
      expectTypeOf(ft.invoke("list-tags", {})).resolves.toEqualTypeOf<ToolOutput<typeof listTags>>();
      expectTypeOf(ft.invoke("listTags", { refresh: true })).resolves.toEqualTypeOf<ToolOutput<typeof listTags>>();
      expectTypeOf(ft.invokeDetailed("get-contact", { email: "jane@example.com" })).resolves.toEqualTypeOf<
        DetailedResult<ToolOutput<typeof getContact>>
      >();
      expectTypeOf(ft.invokeDetailed("getContact", { contact_id: "crd_1" })).resolves.toHaveProperty("meta");
      expectTypeOf(ft.invoke(someName, { anything: 1 })).resolves.toBeUnknown();
      expectTypeOf(ft.invokeDetailed(someName, {})).resolves.toEqualTypeOf<DetailedResult<unknown>>();
      // @ts-expect-error refresh is a boolean
      void ft.invoke("list-tags", { refresh: "yes" });
      // @ts-expect-error refresh is a boolean (camelCase name)
      void ft.invokeDetailed("listTags", { refresh: "yes" });
      // @ts-expect-error get-contact needs a contact to look up
      void ft.invoke("get-contact", {});
    };
    expectTypeOf(check).toBeFunction();
  });
});
