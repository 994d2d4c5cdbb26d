/** create-contact: a new contact with at least one handle, optionally in contact groups (lists). */
import { type components, request as coreRequest } from "@frontkit/core";
import { Effect, Schema } from "effect";
import { defineTool } from "../definition.js";
import { Front } from "../front.js";
import { decodeBody } from "../pagination.js";
import { NonEmptyTrimmed } from "../schemas/common.js";
import { Contact, ContactHandleSource } from "../schemas/contact.js";

/** One handle of a new contact. */
export const NewContactHandle = Schema.Struct({
  source: ContactHandleSource.annotate({ description: "Where the handle lives: email, phone, twitter, facebook, intercom, front_chat or custom." }),
  handle: NonEmptyTrimmed.annotate({ description: "The address on that source, e.g. jane@example.com or +15551234567." }),
});

/** Input of create-contact. */
export const CreateContactInput = Schema.Struct({
  handles: Schema.Array(NewContactHandle)
    .check(Schema.isMinLength(1))
    .annotate({ description: "At least one way to reach the contact: [{ source, handle }]." }),
  name: Schema.optionalKey(NonEmptyTrimmed).annotate({ description: "Display name." }),
  description: Schema.optionalKey(Schema.String).annotate({ description: "Free-text description." }),
  links: Schema.optionalKey(Schema.Array(NonEmptyTrimmed)).annotate({ description: "URLs related to the contact." }),
  group_names: Schema.optionalKey(Schema.Array(NonEmptyTrimmed)).annotate({
    description: "Contact groups (lists) to put the contact in; Front creates missing ones.",
  }),
  custom_fields: Schema.optionalKey(Schema.Record(Schema.String, Schema.Union([Schema.String, Schema.Finite, Schema.Boolean]))).annotate({
    description: "Custom field values by field name.",
  }),
});
/** Input of create-contact. */
export type CreateContactInput = typeof CreateContactInput.Type;

/** Output of create-contact. */
export const CreateContactOutput = Schema.Struct({ contact: Contact });

/** Front's request body for this input. */
export const createContactBody = (input: CreateContactInput): components["schemas"]["CreateContact"] => ({
  handles: input.handles.map((h) => ({ source: h.source, handle: h.handle })),
  ...(input.name === undefined ? {} : { name: input.name }),
  ...(input.description === undefined ? {} : { description: input.description }),
  ...(input.links === undefined ? {} : { links: [...input.links] }),
  // Front deprecated group_names in favour of list_names (same meaning); send the current field.
  ...(input.group_names === undefined ? {} : { list_names: [...input.group_names] }),
  // The spec types custom_fields as an empty record; Front takes name → value.
  ...(input.custom_fields === undefined ? {} : { custom_fields: input.custom_fields as unknown as Record<string, never> }),
});

/** create-contact tool definition. */
export const createContact = defineTool({
  name: "create-contact",
  title: "Create contact",
  description:
    "Use this to add a new contact to Front (the address book), e.g. a customer who wrote in from a new address. " +
    "Needs at least one handle ({ source, handle }: email, phone, twitter, facebook, intercom, front_chat or custom); optional name, description, links, group_names (lists, created if missing) and custom_fields. " +
    "Returns { contact } as created. Not idempotent: calling it twice tries to create the contact twice (Front refuses a handle that already belongs to a contact). " +
    "To find an existing contact use get-contact.",
  input: CreateContactInput,
  output: CreateContactOutput,
  annotations: { readOnly: false, destructive: false, idempotent: false, openWorld: true },
  menu: { resource: "contact", operation: "create", label: "Create" },
  examples: [
    {
      title: "Create a contact with an email address, in a group",
      input: {
        name: "Jane Doe",
        handles: [{ source: "email", handle: "jane@example.com" }],
        group_names: ["VIP customers"],
      },
    },
    {
      title: "Create a contact reachable by phone, with a custom field",
      input: {
        handles: [{ source: "phone", handle: "+15551234567" }],
        description: "Signed up at the spring event",
        custom_fields: { plan: "enterprise", seats: 40 },
      },
    },
  ],
  run: (input) =>
    Effect.gen(function* () {
      const front = yield* Front;
      const response = yield* front.request(
        "POST /contacts",
        (client, control) => coreRequest(client, "post", "/contacts", { body: createContactBody(input), ...control }),
        { idempotent: false },
      );
      const contact = yield* decodeBody(Contact, "POST /contacts", response.status)(response.data);
      return { contact };
    }),
});
