import type { Correction } from "./types.js";

/** The message endpoints that accept attachments, with the JSON body schema each already declares. */
export const MULTIPART_OPERATIONS = [
  { path: "/channels/{channel_id}/messages", method: "post", schema: "OutboundMessage" },
  { path: "/conversations/{conversation_id}/messages", method: "post", schema: "OutboundReplyMessage" },
] as const;

export const multipartMessages: Correction = {
  id: "multipart-messages",
  reason:
    "Front only accepts attachments as multipart/form-data with indexed field names (`to[0]`, `attachments[0]`, " +
    "max 25 MB in total); attachments sent in a JSON body are silently dropped with a 202 " +
    "(dev.frontapp.com/docs/attachments-1). The spec declares only application/json on the message endpoints.",
  apply(doc) {
    for (const { path, method, schema } of MULTIPART_OPERATIONS) {
      const op = doc.paths[path]?.[method];
      if (!op?.requestBody?.content) throw new Error(`multipart-messages: ${method} ${path} has no request body`);
      op.requestBody.required = true;
      const json = doc.components.schemas[schema];
      op.requestBody.content["multipart/form-data"] = {
        schema: {
          type: "object",
          description:
            `The ${schema} fields as a form. Lists use indexed names (\`to[0]\`, \`attachments[0]\`), which ` +
            "OpenAPI 3.0 cannot name, so only `body` is required here; an unindexed list field (`to=…`) is rejected " +
            "because it is not an array.",
          required: ["body"],
          properties: {
            ...structuredClone(json.properties),
            attachments: {
              type: "array",
              description: "Files to attach, sent as `attachments[0]`, `attachments[1]`, … (25 MB in total at most).",
              items: { type: "string", format: "binary" },
            },
          },
        },
      };
    }
  },
};
