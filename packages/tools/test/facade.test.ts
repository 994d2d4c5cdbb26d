import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { Schema } from "effect";
import { createFrontTools, Disposed, FrontToolErrorSchema, isFrontToolError } from "../src/index.js";
import { fakeFetch, frontError, json } from "./support/fake-fetch.js";

const TOKEN = "tok_FACADE_SECRET_42";
const BASE = "http://127.0.0.1:9";
const page = (results: unknown[], next: string | null) => json(200, { _results: results, _pagination: { next } });

const rejection = async (p: Promise<unknown>): Promise<Record<string, unknown> & Error> => {
  try {
    await p;
  } catch (e) {
    return e as Record<string, unknown> & Error;
  }
  throw new Error("expected a rejection");
};

/** A fetch that never answers and records whether its request was aborted. */
const hangingFetch = () => {
  let aborted = false;
  const { fetch } = fakeFetch([
    (req) =>
      new Promise<Response>((_, reject) =>
        req.signal.addEventListener("abort", () => {
          aborted = true;
          reject(req.signal.reason);
        }),
      ),
  ]);
  return { fetch, aborted: () => aborted };
};

describe("createFrontTools (Promise facade)", () => {
  it("exposes the tools as camelCase methods and invoke by kebab or camel name", async () => {
    const { fetch, requests } = fakeFetch([page([{ id: "tag_1", name: "A" }], null)]);
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch });
    try {
      expect(typeof ft.listTags).toBe("function");
      expect(typeof ft.createContact).toBe("function");
      expect(await ft.listTags()).toEqual({ tags: [{ id: "tag_1", name: "A" }], count: 1 });
      expect(await ft.invoke("list-tags", {})).toEqual({ tags: [{ id: "tag_1", name: "A" }], count: 1 });
      expect(await ft.invoke("listTags", { refresh: true })).toMatchObject({ count: 1 });
      expect(requests.length).toBe(2);
      expect(requests[0]!.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    } finally {
      await ft.dispose();
    }
  });

  it("rejects with Error instances carrying _tag, message, fields and toJSON — never the token", async () => {
    const { fetch } = fakeFetch([frontError(401, `token ${TOKEN} is revoked`, { "x-request-id": "req_9" })]);
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch });
    try {
      const e = await rejection(ft.listTeammates({}));
      expect(e).toBeInstanceOf(Error);
      expect(isFrontToolError(e)).toBe(true);
      expect(e._tag).toBe("Unauthorized");
      expect(e.status).toBe(401);
      expect(e.requestId).toBe("req_9");
      expect(e.retryable).toBe(false);
      const plain = JSON.parse(JSON.stringify(e));
      expect(plain).toMatchObject({ _tag: "Unauthorized", status: 401, retryable: false });
      expect(plain.message).toBe(e.message);
      expect(`${JSON.stringify(e)} ${e.message} ${String(e)} ${e.stack}`).not.toContain(TOKEN);
    } finally {
      await ft.dispose();
    }
  });

  it("invalid input rejects with InvalidInput listing every issue; nothing is sent", async () => {
    const { fetch, requests } = fakeFetch([json(201, {})]);
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch });
    try {
      // A name only known at run time takes any input (a literal name would type-check it).
      const name: string = "create-contact";
      const e = await rejection(ft.invoke(name, { handles: [{ source: "email", handle: "" }], tag_ids: [1] }));
      expect(e._tag).toBe("InvalidInput");
      expect((e.issues as Array<{ path: string }>).map((i) => i.path).sort()).toEqual(["handles[0].handle", "tag_ids"]);
      expect(requests.length).toBe(0);
    } finally {
      await ft.dispose();
    }
  });

  it("an unknown tool name rejects with InvalidInput naming the valid tools", async () => {
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch: fakeFetch([json(200, {})]).fetch });
    try {
      const e = await rejection(ft.invoke("delete-everything", {}));
      expect(e._tag).toBe("InvalidInput");
      expect(e.message).toContain("list-tags");
      expect(e.message).toContain("get-contact");
    } finally {
      await ft.dispose();
    }
  });

  it("a bad configuration throws InvalidInput at once, without the token", () => {
    let thrown: unknown;
    try {
      createFrontTools({ token: TOKEN, baseUrl: "http://example.com" });
    } catch (e) {
      thrown = e;
    }
    expect(isFrontToolError(thrown)).toBe(true);
    expect((thrown as { _tag: string })._tag).toBe("InvalidInput");
    expect(JSON.stringify(thrown)).not.toContain(TOKEN);
    expect(() => createFrontTools({ token: "" })).toThrow(/token/i);
  });

  it("an aborted signal interrupts the call, aborts its fetch and rejects with Transport(aborted)", async () => {
    const { fetch, aborted: fetchAborted } = hangingFetch();
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch });
    try {
      const controller = new AbortController();
      const pending = ft.getContact({ contact_id: "crd_1" }, { signal: controller.signal });
      await new Promise((r) => setTimeout(r, 20));
      controller.abort();
      const e = await rejection(pending);
      expect(e._tag).toBe("Transport");
      expect(e.reason).toBe("aborted");
      expect(fetchAborted()).toBe(true);
    } finally {
      await ft.dispose();
    }
  });

  it("dispose interrupts calls still running: their fetch is aborted and they reject with Transport(aborted)", async () => {
    const { fetch, aborted: fetchAborted } = hangingFetch();
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch });
    const pending = ft.getContact({ contact_id: "crd_1" });
    await new Promise((r) => setTimeout(r, 20));
    await ft.dispose();
    const e = await rejection(pending);
    expect(e._tag).toBe("Transport");
    expect(e.reason).toBe("aborted");
    expect(fetchAborted()).toBe(true);
    await expect(ft.getContact({ contact_id: "crd_1" })).rejects.toThrow(/disposed/);
  });

  it("onProgress receives one update per page; invokeDetailed reports attempts and rate-limit headers", async () => {
    const headers = { "x-ratelimit-limit": "100", "x-ratelimit-remaining": "97", "x-ratelimit-reset": "1900000000" };
    const { fetch } = fakeFetch([
      json(200, { _results: [{ id: "tea_1" }], _pagination: { next: `${BASE}/teammates?page_token=2` } }, headers),
      json(200, { _results: [{ id: "tea_2" }], _pagination: { next: null } }, headers),
    ]);
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch });
    try {
      const progress: number[] = [];
      const result = await ft.invokeDetailed("list-teammates", {}, { onProgress: (p) => progress.push(p.progress) });
      expect(result.data).toMatchObject({ count: 2 });
      expect(result.meta.attempts).toBe(2);
      expect(result.meta.rateLimit).toMatchObject({ limit: 100, remaining: 97, resetAt: 1_900_000_000_000 });
      expect(progress).toEqual([1, 2]);
    } finally {
      await ft.dispose();
    }
  });

  it("the README describes invokeDetailed's result with the keys it really has", async () => {
    const { fetch } = fakeFetch([page([{ id: "tag_1", name: "A" }], null)]);
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch });
    try {
      const result = await ft.invokeDetailed("list-tags", {});
      expect(Object.keys(result).sort()).toEqual(["data", "meta"]);
      expect(Object.keys(result.meta).sort()).toEqual(["attempts", "rateLimit"]);
      const readme = (await readFile(new URL("../README.md", import.meta.url), "utf8")).replace(/\s+/g, " ");
      expect(readme).toContain("`invokeDetailed` resolves to `{ data, meta: { attempts, rateLimit } }`");
      expect(readme).toContain("`meta.attempts`");
      expect(readme).not.toMatch(/invokeDetailed` adds `\{ attempts/);
    } finally {
      await ft.dispose();
    }
  });

  it("each instance has its own cache; dispose makes later calls reject", async () => {
    const a = fakeFetch([page([{ id: "inb_1" }], null)]);
    const b = fakeFetch([page([{ id: "inb_2" }], null)]);
    const ftA = createFrontTools({ token: "tok_a_0123456789", baseUrl: BASE, fetch: a.fetch });
    const ftB = createFrontTools({ token: "tok_b_0123456789", baseUrl: BASE, fetch: b.fetch });
    expect(await ftA.listInboxes()).toMatchObject({ inboxes: [{ id: "inb_1" }] });
    expect(await ftB.listInboxes()).toMatchObject({ inboxes: [{ id: "inb_2" }] });
    await ftA.listInboxes();
    expect(a.requests.length).toBe(1);
    await ftA.dispose();
    await ftB.dispose();
    await expect(ftA.listInboxes()).rejects.toThrow(/disposed/);
  });

  it("a call after dispose rejects with a typed Disposed error (tagged, serialisable, isFrontToolError); nothing is sent", async () => {
    const { fetch, requests } = fakeFetch([page([{ id: "tag_1", name: "A" }], null)]);
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch });
    await ft.dispose();
    for (const call of [() => ft.listTags(), () => ft.invoke("get-contact", { contact_id: "crd_1" }), () => ft.invokeDetailed("listTags", {})]) {
      const e = await rejection(call());
      expect(e).toBeInstanceOf(Disposed);
      expect(isFrontToolError(e)).toBe(true);
      expect(e._tag).toBe("Disposed");
      expect(e.retryable).toBe(false);
      expect(e.message).toMatch(/disposed.*createFrontTools/);
      expect(JSON.parse(JSON.stringify(e))).toMatchObject({ _tag: "Disposed", retryable: false, message: e.message });
      // It crosses a process boundary like every other tool error.
      expect(Schema.decodeUnknownSync(FrontToolErrorSchema)(JSON.parse(JSON.stringify(e)))).toBeInstanceOf(Disposed);
      expect(JSON.stringify(e)).not.toContain(TOKEN);
    }
    expect(requests.length).toBe(0);
  });
});

describe("cache and cancellation", () => {
  it("a list-tags call cancelled mid-load does not poison the cache", async () => {
    let calls = 0;
    const { fetch } = fakeFetch([
      (req) => {
        calls++;
        if (calls === 1) {
          return new Promise<Response>((_, reject) => req.signal.addEventListener("abort", () => reject(req.signal.reason)));
        }
        return page([{ id: "tag_1", name: "A" }], null);
      },
    ]);
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch });
    try {
      const controller = new AbortController();
      const first = ft.listTags({}, { signal: controller.signal });
      await new Promise((r) => setTimeout(r, 20));
      controller.abort();
      expect((await rejection(first))._tag).toBe("Transport");
      expect(await ft.listTags()).toMatchObject({ count: 1 });
      expect(calls).toBe(2);
    } finally {
      await ft.dispose();
    }
  });
});

describe("cache sharing", () => {
  it("cancelling one caller does not fail another caller waiting on the same load", async () => {
    let release: (() => void) | undefined;
    const { fetch, requests } = fakeFetch([
      () => new Promise<Response>((resolve) => (release = () => resolve(page([{ id: "tag_1", name: "A" }], null)))),
    ]);
    const ft = createFrontTools({ token: TOKEN, baseUrl: BASE, fetch });
    try {
      const controller = new AbortController();
      const first = ft.listTags({}, { signal: controller.signal });
      await new Promise((r) => setTimeout(r, 20));
      const second = ft.listTags({});
      await new Promise((r) => setTimeout(r, 20));
      controller.abort();
      expect((await rejection(first))._tag).toBe("Transport");
      await new Promise((r) => setTimeout(r, 20));
      release?.();
      expect(await second).toMatchObject({ count: 1 });
      expect(requests.length).toBeGreaterThanOrEqual(1);
    } finally {
      await ft.dispose();
    }
  });
});
