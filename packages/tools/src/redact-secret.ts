/**
 * Secrets as frontkit holds them: `Redacted`, from the entry point that receives them (the MCP handler, the
 * Spojit connection, the n8n credential, the `Front` layer) to the one line that builds the Authorization
 * header (`front-client.ts`). A `Redacted` prints as `<redacted>` in logs, errors and JSON, so nothing on the
 * way needs a scrubber; the redactor below applies the one rule (redact.ts) to text that came from elsewhere.
 */
import { Redacted } from "effect";
import { type Redactor, redactorOf } from "./redact.js";

/** A secret string (API token, webhook secret) that prints as `<redacted>`. */
export type Secret = Redacted.Redacted<string>;

/** Wraps a secret that arrived as a plain string; a `Redacted` is kept as it is. */
export const secretOf = (value: Secret | string): Secret => (Redacted.isRedacted(value) ? value : Redacted.make(value));

export type { Redactor } from "./redact.js";

/** A redactor for these secrets: the one place their values are read for anything but the header. */
export const makeRedactor = (secrets: ReadonlyArray<Secret>): Redactor => redactorOf(secrets.map((s) => Redacted.value(s)));
