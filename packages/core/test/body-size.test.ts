import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFrontClient, request, responseBodyBytes } from "../src/index.js";
import { fakeFetch, json, TOKEN } from "./helpers.js";

// A body with multi-byte characters: bytes, not string length, are counted.
const BODY = { _results: [{ id: "tag_1", name: "ünïcödé ✓".repeat(100) }], _pagination: { next: null } };
const BYTES = Buffer.byteLength(JSON.stringify(BODY), "utf8");

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(BODY));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("responseBodyBytes", () => {
  it("counts the body bytes read, on the node transport, through openapi-fetch and through request()", async () => {
    const client = createFrontClient({ token: TOKEN, baseUrl: base });
    const viaOpenapiFetch = await client.GET("/tags", {});
    expect(responseBodyBytes(viaOpenapiFetch.response)).toBe(BYTES);
    const viaRequest = await request(client, "get", "/tags", {});
    expect(responseBodyBytes(viaRequest.response)).toBe(BYTES);
  });

  it("counts the body bytes read through a caller's fetch", async () => {
    const { fetch } = fakeFetch(() => json(BODY));
    const client = createFrontClient({ token: TOKEN, baseUrl: base, fetch });
    expect(responseBodyBytes((await client.GET("/tags", {})).response)).toBe(BYTES);
    expect(responseBodyBytes((await request(client, "get", "/tags", {})).response)).toBe(BYTES);
  });

  it("knows nothing of a Response it did not read", () => {
    expect(responseBodyBytes(new Response("x"))).toBeUndefined();
  });
});
