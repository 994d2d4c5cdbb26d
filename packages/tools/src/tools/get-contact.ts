/**
 * get-contact: one contact by id, or by a handle through Front's resource
 * aliases (`alt:email:…`, `alt:phone:…`, `alt:<source>:…`), so callers need no
 * search first.
 */
import { request as coreRequest } from "@frontkit/core";
import { Effect, Schema } from "effect";
import { defineTool } from "../definition.js";
import { Front } from "../front.js";
import { decodeBody } from "../pagination.js";
import { EmailAddress, NonEmptyTrimmed, PhoneNumber, frontId } from "../schemas/common.js";
import { Contact, ContactHandleSource } from "../schemas/contact.js";

/** get-contact by contact id or alias. */
export interface GetContactById {
  readonly contact_id: string;
  readonly email?: never;
  readonly phone?: never;
  readonly handle?: never;
  readonly source?: never;
}
/** get-contact by email address. */
export interface GetContactByEmail {
  readonly email: string;
  readonly contact_id?: never;
  readonly phone?: never;
  readonly handle?: never;
  readonly source?: never;
}
/** get-contact by phone number. */
export interface GetContactByPhone {
  readonly phone: string;
  readonly contact_id?: never;
  readonly email?: never;
  readonly handle?: never;
  readonly source?: never;
}
/** get-contact by a handle of another source. */
export interface GetContactByHandle {
  readonly handle: string;
  readonly source: ContactHandleSource;
  readonly contact_id?: never;
  readonly email?: never;
  readonly phone?: never;
}
/** Input of get-contact: exactly one of contact_id, email, phone, or handle with its source. */
export type GetContactInput = GetContactById | GetContactByEmail | GetContactByPhone | GetContactByHandle;

const given = (input: { readonly contact_id?: string; readonly email?: string; readonly phone?: string; readonly handle?: string }): number =>
  [input.contact_id, input.email, input.phone, input.handle].filter((v) => v !== undefined).length;

/** Input of get-contact: exactly one of contact_id, email, phone, or handle (+ source). */
export const GetContactInput = Schema.Struct({
  contact_id: Schema.optionalKey(frontId("crd", "contact")).annotate({
    description: "Front contact id (crd_…), or a resource alias such as alt:email:jane@example.com.",
  }),
  email: Schema.optionalKey(EmailAddress).annotate({ description: "Find the contact by this email address." }),
  phone: Schema.optionalKey(PhoneNumber).annotate({ description: "Find the contact by this phone number (international format, e.g. +15551234567)." }),
  handle: Schema.optionalKey(NonEmptyTrimmed).annotate({
    description: "Find the contact by a handle of another source (set source too), e.g. a Twitter handle or a custom id.",
  }),
  source: Schema.optionalKey(ContactHandleSource).annotate({ description: "Source of `handle` (required with handle)." }),
}).pipe(
  // The filter says what is wrong, field by field; it aborts on failure, so the refinement below (which only
  // narrows the type to "exactly one way to find the contact") never adds a second, vaguer issue.
  Schema.check(
    Schema.makeFilter(
      (input) => {
        if (given(input) !== 1) return "give exactly one of contact_id, email, phone or handle (with source)";
        if (input.handle !== undefined && input.source === undefined) return { path: ["source"], issue: "source is required with handle" };
        if (input.handle === undefined && input.source !== undefined) return { path: ["handle"], issue: "handle is required with source" };
        return undefined;
      },
      undefined,
      true,
    ),
  ),
  // Without it the type would be "every field optional", so `front.getContact()` would compile and always fail.
  Schema.refine(
    (input): input is GetContactInput => given(input) === 1 && (input.handle === undefined) === (input.source === undefined),
    { message: "give exactly one of contact_id, email, phone or handle (with source)" },
  ),
);

/** Output of get-contact. */
export const GetContactOutput = Schema.Struct({ contact: Contact });

/** The id or alias Front's GET /contacts/{contact_id} accepts for this input. */
export const contactAlias = (input: GetContactInput): string => {
  if (input.contact_id !== undefined) return input.contact_id;
  if (input.email !== undefined) return `alt:email:${input.email}`;
  if (input.phone !== undefined) return `alt:phone:${input.phone}`;
  return `alt:${input.source}:${input.handle}`;
};

/** get-contact tool definition. */
export const getContact = defineTool({
  name: "get-contact",
  title: "Get contact",
  description:
    "Use this to look up one Front contact: by contact_id (crd_…), or directly by email, phone, or another handle with its source (twitter, facebook, intercom, front_chat, custom) — no search needed. " +
    "Give exactly one of contact_id, email, phone, handle+source. Returns { contact } with name, description, handles, groups/lists, links and custom fields. " +
    "An unknown contact is a NotFound error. Read-only.",
  input: GetContactInput,
  output: GetContactOutput,
  annotations: { readOnly: true, destructive: false, idempotent: true, openWorld: true },
  menu: { resource: "contact", operation: "get", label: "Get" },
  examples: [
    { title: "By contact id", input: { contact_id: "crd_55c8c149" } },
    { title: "By email address", input: { email: "jane@example.com" } },
    { title: "By phone number", input: { phone: "+15551234567" } },
  ],
  run: (input) =>
    Effect.gen(function* () {
      const front = yield* Front;
      const contactId = contactAlias(input);
      const response = yield* front.request(
        "GET /contacts/{contact_id}",
        (client, control) => coreRequest(client, "get", "/contacts/{contact_id}", { params: { path: { contact_id: contactId } }, ...control }),
        { idempotent: true },
      );
      const contact = yield* decodeBody(Contact, "GET /contacts/{contact_id}", response.status)(response.data);
      return { contact };
    }),
});
