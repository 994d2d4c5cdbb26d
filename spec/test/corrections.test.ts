import SwaggerParser from "@apidevtools/swagger-parser";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { applyCorrections } from "../../scripts/spec/build.js";
import { SpecSourceError, readLock, resolvePinnedSpec, verify } from "../../scripts/spec/source.js";
import { ERROR_STATUSES } from "../corrections/error-responses.js";
import { PAGE_TOKEN_PATHS } from "../corrections/list-page-token.js";
import { MULTIPART_OPERATIONS } from "../corrections/multipart-messages.js";
import { QUERY_OBJECTS } from "../corrections/query-objects.js";
import { corrections, type Json } from "../corrections/index.js";
import { deref, operations } from "../corrections/types.js";

let upstream: Json;
let corrected: Json;

beforeAll(async () => {
  const { bytes } = await resolvePinnedSpec();
  upstream = JSON.parse(new TextDecoder().decode(bytes));
  corrected = applyCorrections(upstream);
});

describe("pinned source", () => {
  it("refuses a spec whose sha256 differs from the lock, saying what to do", async () => {
    const lock = await readLock();
    const tampered = new TextEncoder().encode(JSON.stringify({ ...upstream, info: { title: "tampered" } }));
    expect(() => verify(tampered, lock, "tampered.json")).toThrowError(SpecSourceError);
    expect(() => verify(tampered, lock, "tampered.json")).toThrowError(/does not match the pin.*spec:update/s);
  });

  it("resolves FRONT_OPENAPI_SPEC pointing at a modified copy as an error, and a missing path as an error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "frontkit-spec-"));
    const modified = join(dir, "modified.json");
    await writeFile(modified, JSON.stringify({ ...upstream, openapi: "3.0.1" }));
    await expect(resolvePinnedSpec({ FRONT_OPENAPI_SPEC: modified })).rejects.toThrowError(/does not match the pin/);
    await expect(resolvePinnedSpec({ FRONT_OPENAPI_SPEC: join(dir, "absent.json") })).rejects.toThrowError(
      /does not exist/,
    );
  });

  it("leaves the upstream document untouched", () => {
    expect(upstream.components.schemas.FrontError).toBeUndefined();
    expect(corrected.components.schemas.FrontError).toBeDefined();
  });
});

describe("corrected spec", () => {
  it("caps GET /events `limit` at 15 (events-limit), where upstream says so only in prose", () => {
    const limit = (ps: Json[]) => ps.find((p) => p.in === "query" && p.name === "limit");
    expect(limit(upstream.paths["/events"].get.parameters).schema.maximum).toBeUndefined();
    expect(limit(corrected.paths["/events"].get.parameters).schema).toMatchObject({ type: "integer", maximum: 15 });
  });

  it("is valid OpenAPI 3.0", async () => {
    const api = await SwaggerParser.validate(structuredClone(corrected) as never);
    expect(api.info.title).toBeTruthy();
  });

  it("lists every correction with its reason", () => {
    expect(corrected["x-frontkit-corrections"]).toEqual(corrections.map(({ id, reason }) => ({ id, reason })));
    for (const { reason } of corrections) expect(reason.length).toBeGreaterThan(80);
  });

  it("declares Front's error body for 400/401/403/404/409/422/429/5xx on every operation", () => {
    let count = 0;
    for (const { path, method, op } of operations(corrected)) {
      for (const status of Object.keys(ERROR_STATUSES)) {
        const response = deref(corrected, op.responses[status]);
        expect(response?.content?.["application/json"]?.schema, `${method} ${path} ${status}`).toEqual({
          $ref: "#/components/schemas/FrontError",
        });
      }
      count++;
    }
    expect(count).toBe(244);
    expect(corrected.components.schemas.FrontError.properties._error.required).toEqual(["status", "title", "message"]);
  });

  it("declares rate-limit headers on every response and retry-after on 429", () => {
    for (const { path, method, op } of operations(corrected)) {
      for (const [status, ref] of Object.entries<Json>(op.responses)) {
        const headers = deref(corrected, ref).headers ?? {};
        expect(Object.keys(headers), `${method} ${path} ${status}`).toEqual(
          expect.arrayContaining(["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"]),
        );
        if (status === "429") expect(headers["retry-after"]).toEqual({ $ref: "#/components/headers/RetryAfter" });
      }
    }
  });

  it("types q as a deep object with its documented properties", () => {
    for (const [name, properties] of Object.entries(QUERY_OBJECTS)) {
      const parameter = corrected.components.parameters[name];
      expect(parameter).toMatchObject({ name: "q", in: "query", style: "deepObject", explode: true });
      expect(Object.keys(parameter.schema.properties)).toEqual(Object.keys(properties));
    }
    const listConversations = corrected.paths["/conversations"].get.parameters;
    expect(listConversations).toContainEqual({ $ref: "#/components/parameters/conversationQuery" });
    expect(corrected.components.parameters.conversationQuery.schema.properties.statuses.items.enum).toEqual([
      "assigned",
      "unassigned",
      "archived",
      "trashed",
    ]);
  });

  it("accepts multipart/form-data with attachments on both message endpoints, keeping JSON", () => {
    for (const { path, method } of MULTIPART_OPERATIONS) {
      const content = corrected.paths[path][method].requestBody.content;
      expect(Object.keys(content).sort()).toEqual(["application/json", "multipart/form-data"]);
      const form = content["multipart/form-data"].schema;
      expect(form.properties.attachments).toEqual(
        expect.objectContaining({ type: "array", items: { type: "string", format: "binary" } }),
      );
      expect(form.properties.body).toBeDefined();
      expect(form.required).toEqual(["body"]);
    }
  });

  it("declares page_token on GET /inboxes and GET /teammates (list-page-token), which upstream lists without parameters", () => {
    for (const path of PAGE_TOKEN_PATHS) {
      expect(upstream.paths[path].get.parameters ?? []).not.toContainEqual({ $ref: "#/components/parameters/pageToken" });
      expect(corrected.paths[path].get.parameters).toContainEqual({ $ref: "#/components/parameters/pageToken" });
      expect(deref(corrected, { $ref: "#/components/parameters/pageToken" })).toMatchObject({ name: "page_token", in: "query" });
    }
  });

  it("names the merged conversation in a Location header on 301", () => {
    const redirect = corrected.paths["/conversations/{conversation_id}"].get.responses["301"];
    expect(redirect.headers.location).toEqual({ $ref: "#/components/headers/MergedConversationLocation" });
  });

  it("is what spec/dist holds (the file codegen and Prism read)", async () => {
    const onDisk = JSON.parse(await readFile(new URL("../dist/front-core-api.corrected.json", import.meta.url), "utf8"));
    expect(onDisk).toEqual(corrected);
  });
});
