/**
 * Secrets as frontkit holds them: `Redacted`, from the entry point that receives them (the MCP handler, the
 * Spojit connection, the n8n credential, the `Front` layer) to the one line that builds the Authorization
 * header (`front-client.ts`). A `Redacted` prints as `<redacted>` in logs, errors and JSON, so nothing on the
 * way needs a scrubber; the redactor below applies the one rule (redact.ts) to text that came from elsewhere.
 */
import { Redacted } from "effect";
import { redactJson, redactText } from "./redact.js";

/** A secret string (API token, webhook secret) that prints as `<redacted>`. */
export type Secret = Redacted.Redacted<string>;

/** Wraps a secret that arrived as a plain string; a `Redacted` is kept as it is. */
export const secretOf = (value: Secret | string): Secret => (Redacted.isRedacted(value) ? value : Redacted.make(value));

/** Masks the secrets it was made with in text and JSON values that may quote them. */
export interface Redactor {
  /** The text with every secret replaced by `<redacted>`. */
  readonly text: (text: string) => string;
  /** A deep copy of a JSON value with every secret masked (keys included); see `redactJson`. */
  readonly json: <A>(value: A) => A;
}

/** A redactor for these secrets: the one place their values are read for anything but the header. */
export const makeRedactor = (secrets: ReadonlyArray<Secret>): Redactor => {
  const values = secrets.map((s) => Redacted.value(s));
  return {
    text: (text) => redactText(text, values),
    json: (value) => redactJson(value, values),
  };
};
