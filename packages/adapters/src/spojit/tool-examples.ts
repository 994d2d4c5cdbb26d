import type { SpojitToolExample } from "./connector-types.js";

/**
 * Worked examples per tool, shown in the connector docs. They are usage documentation, not
 * schema: a test validates every one against the tool's input JSON Schema (and runs it against
 * the Prism mock of Front's API), so an example that no longer fits its tool fails the build
 * instead of misleading users. Ids are the ones in Front's API reference examples.
 */
export const frontToolExamples: Readonly<Record<string, ReadonlyArray<SpojitToolExample>>> = {
  "create-contact": [
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
  "get-contact": [
    { title: "By contact id", input: { contact_id: "crd_55c8c149" } },
    { title: "By email address", input: { email: "jane@example.com" } },
    { title: "By phone number", input: { phone: "+15551234567" } },
  ],
  "list-inboxes": [
    { title: "Inboxes (cached per connection)", input: {} },
    { title: "Right after an inbox was added", input: { refresh: true } },
  ],
  "list-tags": [
    { title: "Tags (cached per connection)", input: {} },
    { title: "Right after tags were created or renamed", input: { refresh: true } },
  ],
  "list-teammates": [{ title: "Every teammate", input: {} }],
};
