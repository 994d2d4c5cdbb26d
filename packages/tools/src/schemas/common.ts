/**
 * Small input schemas shared by tools. Checks are built-in ones (patterns,
 * lengths) so they also appear in the derived JSON Schema, with messages that
 * say what to send.
 */
import { Schema } from "effect";

/** A non-empty string without surrounding whitespace (ids, names, handles). */
export const NonEmptyTrimmed = Schema.String.check(
  Schema.isMinLength(1, { message: "must not be empty" }),
  Schema.isTrimmed({ message: "must not start or end with whitespace" }),
);

/** A resource id with its Front prefix (e.g. `cnv_`, `crd_`), or a Front resource alias (`alt:email:…`). */
export const frontId = (prefix: string, what: string) =>
  Schema.String.check(
    Schema.isPattern(new RegExp(`^(?:${prefix}_[A-Za-z0-9]+|alt:[a-z_]+:\\S.*)$`, "u"), {
      message: `must be a ${what} id like ${prefix}_123 (or a resource alias like alt:email:someone@example.com)`,
    }),
  );

/** An email address (loosely: something@something, no spaces). */
export const EmailAddress = Schema.String.check(
  Schema.isPattern(/^[^\s@]+@[^\s@]+$/u, { message: "must be an email address like jane@example.com" }),
);

/** A phone number, international format preferred. */
export const PhoneNumber = Schema.String.check(
  Schema.isPattern(/^\+?[0-9][0-9 ().-]{2,}$/u, { message: "must be a phone number like +15551234567" }),
);

/**
 * Input of a tool that takes none: an empty object. (An empty `Schema.Struct({})` would accept any
 * non-null value, strings included, and its JSON Schema is not an object schema.)
 */
export const NoInput = Schema.Record(
  Schema.String,
  // Any key is an unknown field: said the way every other tool's decoder says it, not "Expected never".
  Schema.Never.annotate({ message: "Expected no excess property" }),
).annotate({ description: "No input: pass {}." });
