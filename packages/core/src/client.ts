import type { Client, Middleware } from "openapi-fetch";
import { createClient } from "./openapi-fetch-interop.js";
import { notJsonError } from "./errors/front-response-error.js";
import type { paths } from "./generated/schema.js";
import { resolveOptions, type FrontClientOptions } from "./options.js";
import { frontPathSerializer } from "./path-serializer.js";
import { frontQuerySerializer } from "./query-serializer.js";
import { makeSender, type Sender } from "./send.js";
import { makeFrontFetch } from "./transport.js";

/** A typed Front Core API client: openapi-fetch's `Client<paths>` plus the base URL it talks to. */
export interface FrontClient extends Client<paths, "application/json"> {
  /** The configured base URL, without a trailing slash. Every request goes here and nowhere else. */
  readonly baseUrl: string;
  /** The default per-request timeout in milliseconds. */
  readonly timeoutMs: number;
}

// openapi-fetch only runs the path serializer when `params.path` exists; checking here as well means a
// call that forgot its path parameters fails before sending instead of hitting `/contacts/%7Bcontact_id%7D`.
const validatePathParams: Middleware = {
  onRequest({ schemaPath, params }) {
    frontPathSerializer(schemaPath, (params.path ?? {}) as Record<string, unknown>);
    return undefined;
  },
};

// openapi-fetch throws a bare SyntaxError on a 2xx body that is not JSON; say what came back instead.
const checkJsonBody: Middleware = {
  async onResponse({ response, options }) {
    if (!response.ok || options.parseAs !== "json") return undefined;
    const text = await response.clone().text();
    if (text === "") return undefined;
    try {
      JSON.parse(text);
      return undefined;
    } catch {
      throw notJsonError(response, text);
    }
  },
};

/**
 * Creates a typed client for the Front Core API. Throws {@link FrontInputError} on bad options
 * (the message never contains the token).
 */
export const createFrontClient = (options: FrontClientOptions): FrontClient => {
  const resolved = resolveOptions(options);
  const client = createClient<paths, "application/json">({
    baseUrl: resolved.baseUrl,
    fetch: makeFrontFetch(resolved, options.fetch !== undefined),
    querySerializer: (query) => frontQuerySerializer(query as Record<string, unknown>),
    pathSerializer: frontPathSerializer,
    redirect: "manual",
  });
  client.use(validatePathParams, checkJsonBody);
  const front = Object.assign(client, { baseUrl: resolved.baseUrl, timeoutMs: resolved.timeoutMs });
  senders.set(front, makeSender(resolved, options.fetch !== undefined));
  return front;
};

// The lean sender of each client, kept off the client object so nothing holding the token is enumerable on it.
const senders = new WeakMap<FrontClient, Sender>();

/** The lean sender of a client made by this copy of core (undefined for foreign clients: callers fall back to openapi-fetch). */
export const senderOf = (client: FrontClient): Sender | undefined => senders.get(client);
