// Signature vectors for the tests, computed here with node:crypto from Front's documented schemes (not with the
// code under test).
import { createHmac } from "node:crypto";

export const APP_SECRET = "app-signing-s3cr3t-NEVER-in-output";
export const RULE_SECRET = "api-s3cr3t-NEVER-in-output";
export const NOW = 1_760_000_000_000;

export const appSignature = (secret: string, timestamp: string | number, body: string | Uint8Array): string =>
  createHmac("sha256", secret).update(`${timestamp}:`).update(body).digest("base64");

export const ruleSignature = (secret: string, body: string | Uint8Array): string => createHmac("sha1", secret).update(body).digest("base64");

/** Headers of a correctly signed application webhook sent at `timestamp`. */
export const appHeaders = (body: string | Uint8Array, timestamp: number = NOW, secret = APP_SECRET): Record<string, string> => ({
  "content-type": "application/json",
  "x-front-request-timestamp": String(timestamp),
  "x-front-signature": appSignature(secret, timestamp, body),
});

export const ruleHeaders = (body: string | Uint8Array, secret = RULE_SECRET): Record<string, string> => ({
  "content-type": "application/json",
  "x-front-signature": ruleSignature(secret, body),
});
