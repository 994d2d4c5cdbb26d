import { FrontInputError } from "./errors/front-input-error.js";

/** A file to attach to a message. */
export interface AttachmentInput {
  /** File name shown to recipients, e.g. `invoice.pdf`. */
  readonly filename: string;
  /** MIME type, e.g. `application/pdf`. */
  readonly contentType: string;
  /** File content. */
  readonly data: Uint8Array | ArrayBuffer | Blob;
}

/** Front refuses messages whose attachments exceed 25 MB in total; frontkit checks before uploading. */
export const MAX_ATTACHMENTS_BYTES = 25 * 1024 * 1024;

const MIME_TYPE = /^[\w.+-]+\/[\w.+-]+(?:\s*;.*)?$/;

const sizeOf = (data: AttachmentInput["data"]): number => (data instanceof Blob ? data.size : data.byteLength);

const formatMb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Checks attachments (names, types, data, the 25 MB total) and throws {@link FrontInputError} when one is wrong. */
export const validateAttachments = (attachments: ReadonlyArray<AttachmentInput>): void => {
  if (!Array.isArray(attachments)) throw new FrontInputError("attachments", "attachments must be an array");
  let total = 0;
  attachments.forEach((a, i) => {
    const field = `attachments[${i}]`;
    if (typeof a !== "object" || a === null) throw new FrontInputError(field, `${field} must be an object with filename, contentType and data`);
    if (typeof a.filename !== "string" || a.filename.trim() === "" || /[\r\n]/.test(a.filename)) {
      throw new FrontInputError(`${field}.filename`, `${field}.filename must be a non-empty file name on one line`);
    }
    if (typeof a.contentType !== "string" || !MIME_TYPE.test(a.contentType)) {
      throw new FrontInputError(`${field}.contentType`, `${field}.contentType must be a MIME type such as application/pdf`);
    }
    if (!(a.data instanceof Uint8Array || a.data instanceof ArrayBuffer || a.data instanceof Blob)) {
      throw new FrontInputError(`${field}.data`, `${field}.data must be a Uint8Array, ArrayBuffer or Blob`);
    }
    total += sizeOf(a.data);
  });
  if (total > MAX_ATTACHMENTS_BYTES) {
    throw new FrontInputError(
      "attachments",
      `Attachments total ${formatMb(total)} (${total} bytes); Front accepts at most 25 MB per message, so send fewer or smaller files`,
    );
  }
};

const appendFields = (form: FormData, prefix: string, value: unknown): void => {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => appendFields(form, `${prefix}[${i}]`, item));
    return;
  }
  if (typeof value === "object") {
    for (const [k, v] of Object.entries(value)) appendFields(form, `${prefix}[${k}]`, v);
    return;
  }
  form.append(prefix, typeof value === "boolean" ? (value ? "true" : "false") : String(value));
};

/**
 * Builds the multipart body Front needs for messages with attachments: indexed field names
 * (`to[0]`, `cc[1]`, `options[tag_ids][0]`, `options[archive]`) and `attachments[i]` files. Sent as JSON,
 * Front would accept the message and silently drop the attachments.
 */
export const toMessageFormData = (body: object, attachments: ReadonlyArray<AttachmentInput>): FormData => {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new FrontInputError("body", "The message body must be an object such as { body: '...', to: ['a@b.c'] }");
  }
  validateAttachments(attachments);
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    // Attachments come only from the typed list below; a stray `attachments` field would clash with them.
    if (key === "attachments") continue;
    appendFields(form, key, value);
  }
  attachments.forEach((a, i) => {
    // Blob wants ArrayBuffer-backed views; copying also detaches the upload from later edits to the caller's buffer.
    const part: BlobPart = a.data instanceof Blob ? a.data : a.data instanceof ArrayBuffer ? a.data.slice(0) : new Uint8Array(a.data);
    const blob = new Blob([part], { type: a.contentType });
    form.append(`attachments[${i}]`, blob, a.filename);
  });
  return form;
};
