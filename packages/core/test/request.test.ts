import { describe, expect, it } from "vitest";
import { createFrontClient, FrontInputError, matchPathTemplate, PATH_TEMPLATES, request } from "../src/index.js";
import { fakeFetch, json, TOKEN } from "./helpers.js";

describe("PATH_TEMPLATES", () => {
  it("lists the spec's paths and methods", () => {
    expect(Object.keys(PATH_TEMPLATES)).toHaveLength(147);
    expect(PATH_TEMPLATES["/conversations/{conversation_id}/tags"]).toEqual(["post", "delete"]);
    expect(PATH_TEMPLATES["/tags"]).toEqual(["get", "post"]);
  });
});

describe("matchPathTemplate", () => {
  it("matches concrete paths and decodes params", () => {
    expect(matchPathTemplate("/contacts/alt%3Aemail%3Aa%40b.c")).toEqual({
      template: "/contacts/{contact_id}",
      params: { contact_id: "alt:email:a@b.c" },
      methods: PATH_TEMPLATES["/contacts/{contact_id}"],
    });
    expect(matchPathTemplate("/conversations/cnv_1/tags")?.template).toBe("/conversations/{conversation_id}/tags");
  });

  it("prefers literal segments over parameters", () => {
    expect(matchPathTemplate("/contacts/merge")?.template).toBe("/contacts/merge");
  });

  it.each([
    "https://evil.example.com/contacts",
    "//evil.example.com/contacts",
    "contacts",
    "/contacts/../teammates",
    "/contacts/.",
    "/contacts//",
    "/contacts/crd_1?x=1",
    "/contacts/%E0%A4%A",
    "/nope",
    "/contacts/a/b/c/d/e",
    "/contacts\\crd_1",
  ])("never matches %s", (path) => {
    expect(matchPathTemplate(path)).toBeUndefined();
  });
});

describe("request", () => {
  it("calls the operation with typed params and body", async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 204 }));
    const client = createFrontClient({ token: TOKEN, fetch });
    const { response } = await request(client, "post", "/conversations/{conversation_id}/tags", {
      params: { path: { conversation_id: "cnv_1" } },
      body: { tag_ids: ["tag_1"] },
    });
    expect(response.status).toBe(204);
    expect(calls[0]!.method).toBe("POST");
    expect(calls[0]!.url).toBe("https://api2.frontapp.com/conversations/cnv_1/tags");
    expect(JSON.parse(calls[0]!.body)).toEqual({ tag_ids: ["tag_1"] });
  });

  it("passes query through Front's serializer", async () => {
    const { fetch, calls } = fakeFetch(() => json({ _results: [], _pagination: { next: null } }));
    const client = createFrontClient({ token: TOKEN, fetch });
    await request(client, "get", "/conversations", { params: { query: { q: { statuses: ["archived"] } } } });
    expect(new URL(calls[0]!.url).search).toBe("?q[statuses][]=archived");
  });

  it("refuses unknown paths and methods at runtime before sending", async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    const client = createFrontClient({ token: TOKEN, fetch });
    const untyped = request as unknown as (c: typeof client, m: string, p: string, i?: object) => Promise<unknown>;
    await expect(untyped(client, "get", "https://evil.example.com/x")).rejects.toBeInstanceOf(FrontInputError);
    await expect(untyped(client, "get", "/contacts/crd_1")).rejects.toThrow(/not a path template/);
    await expect(untyped(client, "delete", "/tags")).rejects.toThrow(/DELETE is not defined for \/tags; it allows GET, POST/);
    await expect(untyped(client, "connect", "/tags")).rejects.toThrow(/Unknown HTTP method/);
    expect(calls).toHaveLength(0);
  });
});
