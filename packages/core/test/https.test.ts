// The default transport over TLS, as against real Front: an https server on 127.0.0.1 with a certificate made
// for the test. Trusted (its certificate added to the global https agent's CAs for this test file), calls go
// through; a server whose certificate nobody vouches for is refused, so verification is really on.
import { type Agent, createServer, globalAgent, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { generate } from "selfsigned";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFrontClient, request } from "../src/index.js";
import { TOKEN } from "./helpers.js";

const servers: Server[] = [];
let trustedUrl: string;
let untrustedUrl: string;
const agentOptions = (globalAgent as Agent & { options: { ca?: unknown } }).options;
const previousCa = agentOptions.ca;

const listen = async (handler: Parameters<typeof createServer>[1]): Promise<{ url: string; cert: string }> => {
  const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    keySize: 2048,
    algorithm: "sha256",
    extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
  });
  const server = createServer({ key: pems.private, cert: pems.cert }, handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, cert: pems.cert };
};

beforeAll(async () => {
  const trusted = await listen((req, res) => {
    if (req.url === "/tags") {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(gzipSync(JSON.stringify({ _results: [{ id: "tag_1", auth: req.headers.authorization === `Bearer ${TOKEN}` }] })));
      return;
    }
    res.writeHead(301, { location: "https://example.com/elsewhere" });
    res.end();
  });
  const untrusted = await listen((_req, res) => res.end("{}"));
  trustedUrl = trusted.url;
  untrustedUrl = untrusted.url;
  agentOptions.ca = [trusted.cert];
}, 60_000);

afterAll(async () => {
  agentOptions.ca = previousCa;
  globalAgent.destroy();
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe("the node transport over https", () => {
  it("calls a trusted https server: token sent, gzip decoded", async () => {
    const { data, response } = await request(createFrontClient({ token: TOKEN, baseUrl: trustedUrl }), "get", "/tags");
    expect(response.status).toBe(200);
    expect(data).toEqual({ _results: [{ id: "tag_1", auth: true }] });
  });

  it("serves openapi-fetch's client methods the same way, and follows no redirect", async () => {
    const client = createFrontClient({ token: TOKEN, baseUrl: trustedUrl });
    const tags = await client.GET("/tags");
    expect(tags.data).toEqual({ _results: [{ id: "tag_1", auth: true }] });
    const moved = await client.GET("/conversations/{conversation_id}", { params: { path: { conversation_id: "cnv_1" } } });
    expect(moved.response.status).toBe(301);
    expect(moved.response.headers.get("location")).toBe("https://example.com/elsewhere");
  });

  it("refuses a server whose certificate is not trusted (TLS verification is on)", async () => {
    const error = await request(createFrontClient({ token: TOKEN, baseUrl: untrustedUrl }), "get", "/me").catch((e: unknown) => e);
    expect((error as { code?: string }).code).toMatch(/CERT|SELF_SIGNED/);
    expect(String(error)).not.toContain(TOKEN);
  });
});
