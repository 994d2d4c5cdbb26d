/**
 * The built `Front API` credentials: shape n8n shows, the generic bearer authenticate
 * resolved by n8n's expression engine, and the GET /me test request against Prism.
 */
import { type FaultProxy, startFaultProxy } from "@frontkit/testkit";
import type { IHttpRequestOptions, INodeProperties } from "n8n-workflow";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { builtFrontCredentials } from "./engine/built-package.js";
import { credentialsHelperFor, frontOnlyWorkflow } from "./engine/run-workflow.js";

const CANARY = `canary-${Math.random().toString(36).slice(2)}-token`;

let proxy: FaultProxy;
beforeAll(async () => {
  proxy = await startFaultProxy({ target: inject("prismUrl") });
});
afterAll(async () => {
  await proxy?.stop();
});

const property = (name: string): INodeProperties => {
  const found = builtFrontCredentials().properties.find((p) => p.name === name);
  if (found === undefined) throw new Error(`no credential property ${name}`);
  return found;
};

describe("Front API credentials (built)", () => {
  it("is named frontApi / Front API with a password token and an optional base URL", () => {
    const type = builtFrontCredentials();
    expect(type.name).toBe("frontApi");
    expect(type.displayName).toBe("Front API");
    expect(property("token")).toMatchObject({ type: "string", required: true, typeOptions: { password: true } });
    expect(property("baseUrl")).toMatchObject({ type: "string", default: "" });
    expect(property("baseUrl").required).not.toBe(true);
    expect(type.authenticate).toMatchObject({ type: "generic" });
    expect(type.test?.request).toMatchObject({ method: "GET", url: "/me" });
  });

  it("authenticates with a bearer header resolved by n8n's expression engine", async () => {
    const { workflow, node } = frontOnlyWorkflow();
    const helper = credentialsHelperFor({ token: CANARY, baseUrl: "" });
    const options = await helper.authenticate({ token: CANARY, baseUrl: "" }, "frontApi", { url: "/me", method: "GET" }, workflow, node);
    expect(options.headers).toEqual({ Authorization: `Bearer ${CANARY}` });
  });

  it("resolves the test request's base URL: Front's by default, the credential's (trailing slash dropped) otherwise", () => {
    const { workflow, node } = frontOnlyWorkflow();
    const baseURL = builtFrontCredentials().test?.request.baseURL as string;
    const resolve = (baseUrl: string) =>
      workflow.expression.getParameterValue(baseURL, null, 0, 0, node.name, [], "internal", { $credentials: { token: CANARY, baseUrl } });
    expect(resolve("")).toBe("https://api2.frontapp.com");
    expect(resolve(`${proxy.url}/`)).toBe(proxy.url);
  });

  it("passes the connection test (GET /me) against Prism with the bearer token", async () => {
    const { workflow, node } = frontOnlyWorkflow();
    const data = { token: CANARY, baseUrl: proxy.url };
    const type = builtFrontCredentials();
    const helper = credentialsHelperFor(data);
    const request = type.test?.request as IHttpRequestOptions & { baseURL: string };
    const baseURL = workflow.expression.getParameterValue(request.baseURL, null, 0, 0, node.name, [], "internal", { $credentials: data }) as string;
    const authed = await helper.authenticate(data, type.name, { url: request.url, method: request.method ?? "GET" }, workflow, node);
    proxy.reset();
    const response = await fetch(`${baseURL}${authed.url}`, { method: authed.method ?? "GET", headers: authed.headers as Record<string, string> });
    expect(response.status).toBe(200);
    const me = (await response.json()) as Record<string, unknown>;
    expect(me).toHaveProperty("id"); // IdentityResponse: the company the token belongs to
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]?.path).toBe("/me");
    expect(proxy.requests[0]?.headers.authorization).toBe(`Bearer ${CANARY}`);
  });
});
