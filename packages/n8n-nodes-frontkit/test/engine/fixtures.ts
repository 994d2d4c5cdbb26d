/** Shared pieces of the engine tests: a canary token and a fault proxy in front of Prism. */
import { type FaultProxy, startFaultProxy } from "@frontkit/testkit";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";

/** A token that must reach Front as the bearer and nowhere else (outputs, errors). */
export const CANARY_TOKEN = `canary-${Math.random().toString(36).slice(2)}-n8n-token`;

/** Starts a fault proxy in front of the run's Prism for the calling test file; reset before each test. */
export const useFrontProxy = (): { readonly proxy: FaultProxy; readonly credentials: { token: string; baseUrl: string } } => {
  const state = {} as { proxy: FaultProxy; credentials: { token: string; baseUrl: string } };
  beforeAll(async () => {
    state.proxy = await startFaultProxy({ target: inject("prismUrl") });
    state.credentials = { token: CANARY_TOKEN, baseUrl: state.proxy.url };
  });
  beforeEach(() => {
    state.proxy?.reset();
  });
  afterAll(async () => {
    await state.proxy?.stop();
  });
  return state;
};

/** Front's error body for a status. */
export const frontError = (status: number, title: string, message: string) => ({ _error: { status, title, message, details: [] } });

/** A well-formed Front contact with a chosen id (Prism always answers its one example). */
export const contactBody = (id: string) => ({
  _links: { self: `https://example.api.frontapp.com/contacts/${id}` },
  id,
  name: `Contact ${id}`,
  description: null,
  avatar_url: null,
  links: ["https://example.com"],
  handles: [{ handle: `${id}@example.com`, source: "email" }],
  groups: [],
  custom_fields: {},
  is_private: false,
});
