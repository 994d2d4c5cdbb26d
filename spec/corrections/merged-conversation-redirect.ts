import { operations, type Correction } from "./types.js";

export const mergedConversationRedirect: Correction = {
  id: "merged-conversation-redirect",
  reason:
    "When conversations are merged, Front answers 301 with a `Location` header naming the conversation that now " +
    "holds them (dev.frontapp.com/reference/get-conversation). The spec describes the 301 without the header, " +
    "so clients cannot read the new id in a typed way and the mock omits it.",
  apply(doc) {
    doc.components.headers ??= {};
    doc.components.headers.MergedConversationLocation = {
      description: "URL of the conversation this one was merged into; its last path segment is the new id.",
      required: true,
      schema: { type: "string", example: "https://yourCompany.api.frontapp.com/conversations/cnv_merged" },
    };
    for (const { op } of operations(doc)) {
      const redirect = op.responses?.["301"];
      if (redirect && !redirect.$ref) {
        redirect.headers = { ...redirect.headers, location: { $ref: "#/components/headers/MergedConversationLocation" } };
      }
    }
  },
};
