/**
 * Message attachments as tools receive them — JSON-safe base64 for LLMs and
 * platforms, bytes for library users — checked against Front's 25 MB total
 * before anything is uploaded, and turned into core's multipart inputs.
 */
import { type AttachmentInput, MAX_ATTACHMENTS_BYTES } from "@frontkit/core";
import { Schema } from "effect";
import type { InputIssue } from "./errors.js";

// MIME type as Front stores it on the attachment (type/subtype, optional parameters).
const MIME_TYPE = /^[\w.+-]+\/[\w.+-]+(?:\s*;.*)?$/u;

/** A file to attach, base64-encoded (standard alphabet, padding optional, no line breaks). */
export const Base64Attachment = Schema.Struct({
  filename: Schema.String.check(
    Schema.isMinLength(1, { message: "must not be empty" }),
    Schema.isMaxLength(255, { message: "must be at most 255 characters" }),
    Schema.isPattern(/^[^\r\n\0]*$/u, { message: "must be one line (no line breaks)" }),
  ).annotate({ description: "File name recipients see, e.g. invoice.pdf." }),
  content_type: Schema.String.check(Schema.isPattern(MIME_TYPE, { message: "must be a MIME type such as application/pdf" })).annotate({
    description: "MIME type, e.g. application/pdf or image/png.",
  }),
  data_base64: Schema.String.check(
    Schema.isPattern(/^[A-Za-z0-9+/]*={0,2}$/u, { message: "must be standard base64 (A-Z a-z 0-9 + /, optional = padding, no line breaks)" }),
    Schema.makeFilter((s: string) => (s.length % 4 === 1 ? "is not valid base64 (truncated)" : undefined)),
  ).annotate({ description: "The file content, base64-encoded." }),
}).annotate({ title: "Attachment" });
/** A file to attach, base64-encoded. */
export type Base64Attachment = typeof Base64Attachment.Type;

/** A file to attach as bytes (library users). */
export interface BytesAttachment {
  readonly filename: string;
  readonly content_type: string;
  readonly data: Uint8Array | Blob;
}

/** Either form of attachment. */
export type MessageAttachment = Base64Attachment | BytesAttachment;

/** Bytes a base64 string decodes to, computed from its length (no decoding, so 25 MB checks stay cheap). */
export const base64DecodedSize = (data: string): number => {
  const padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
  return Math.floor(((data.length - padding) * 3) / 4);
};

const isBytes = (a: MessageAttachment): a is BytesAttachment => "data" in a;

/** Size in bytes of one attachment's content. */
export const attachmentSize = (a: MessageAttachment): number =>
  isBytes(a) ? (a.data instanceof Blob ? a.data.size : a.data.byteLength) : base64DecodedSize(a.data_base64);

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Problems with a list of attachments that the schema cannot see: bytes of the wrong kind, the 25 MB total. */
export const attachmentIssues = (attachments: ReadonlyArray<MessageAttachment>): ReadonlyArray<InputIssue> => {
  const issues: InputIssue[] = [];
  let total = 0;
  attachments.forEach((a, i) => {
    if (isBytes(a)) {
      if (!(a.data instanceof Uint8Array || a.data instanceof Blob)) issues.push({ path: `attachments[${i}].data`, message: "must be a Uint8Array or Blob" });
      if (typeof a.filename !== "string" || a.filename.length === 0 || /[\r\n\0]/u.test(a.filename)) {
        issues.push({ path: `attachments[${i}].filename`, message: "must be a non-empty file name on one line" });
      }
      if (typeof a.content_type !== "string" || !MIME_TYPE.test(a.content_type)) {
        issues.push({ path: `attachments[${i}].content_type`, message: "must be a MIME type such as application/pdf" });
      }
      if (!(a.data instanceof Uint8Array || a.data instanceof Blob)) return;
    }
    total += attachmentSize(a);
  });
  if (total > MAX_ATTACHMENTS_BYTES) {
    issues.push({
      path: "attachments",
      message: `attachments total ${megabytes(total)} (${total} bytes) but Front accepts at most 25 MB per message; send fewer or smaller files`,
    });
  }
  return issues;
};

/** Core's multipart input for an attachment (base64 decoded here, once, just before sending). */
export const toCoreAttachment = (a: MessageAttachment): AttachmentInput =>
  isBytes(a)
    ? { filename: a.filename, contentType: a.content_type, data: a.data }
    : { filename: a.filename, contentType: a.content_type, data: new Uint8Array(Buffer.from(a.data_base64, "base64")) };
