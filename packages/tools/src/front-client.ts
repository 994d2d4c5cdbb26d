/**
 * The core client of one service, built from the checked token: the one place a Front token leaves its
 * `Redacted` wrapper, to become core's Authorization header.
 */
import { createFrontClient, type FrontClient } from "@frontkit/core";
import { Effect, Redacted } from "effect";
import { type ConfigSetting, invalidInput, type InvalidInput } from "./errors.js";
import { type Secret, secretOf } from "./redact-secret.js";
import { checkFrontToken } from "./token.js";

const INVALID_CONFIG = "Invalid Front configuration";
const SETTINGS: ReadonlyArray<ConfigSetting> = ["token", "baseUrl", "timeoutMs"];

/** What core needs besides the token. */
export interface FrontClientConfig {
  readonly baseUrl?: string | undefined;
  readonly fetch?: ((input: Request) => Promise<Response>) | undefined;
  readonly timeoutMs?: number | undefined;
  readonly userAgent?: string | undefined;
  readonly maxResponseBytes?: number | undefined;
}

const configError = (cause: unknown): InvalidInput => {
  const field = typeof cause === "object" && cause !== null && typeof (cause as { field?: unknown }).field === "string"
    ? (cause as { field: string }).field
    : "config";
  const message = cause instanceof Error ? cause.message : "invalid Front configuration";
  const setting = SETTINGS.find((s) => s === field);
  return invalidInput([{ path: field, message }], { summary: INVALID_CONFIG, ...(setting === undefined ? {} : { setting }) });
};

/**
 * The token checked by the one token rule (token.ts), trimmed and still `Redacted`: the same tokens are refused
 * here as in every adapter.
 */
export const checkedToken = (token: Secret | string): Effect.Effect<Secret, InvalidInput> => {
  const raw = secretOf(token);
  const checked = checkFrontToken(Redacted.value(raw));
  return checked.ok
    ? Effect.succeed(checked.token === Redacted.value(raw) ? raw : Redacted.make(checked.token))
    : Effect.fail(invalidInput([{ path: "token", message: checked.problem }], { summary: INVALID_CONFIG, setting: "token" }));
};

/** Core's client for the token; a bad base URL or option is InvalidInput naming the field. */
export const openFrontClient = (token: Secret, config: FrontClientConfig): Effect.Effect<FrontClient, InvalidInput> =>
  Effect.try({
    try: () =>
      createFrontClient({
        token: Redacted.value(token),
        baseUrl: config.baseUrl,
        fetch: config.fetch,
        timeoutMs: config.timeoutMs,
        userAgent: config.userAgent,
        maxResponseBytes: config.maxResponseBytes,
      }),
    catch: configError,
  });
