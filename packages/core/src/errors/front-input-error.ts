import { FRONT_ERROR_KIND } from "./error-kind.js";

/** Client-side validation failed (bad option, path parameter, page token or attachment); no request was sent. */
export class FrontInputError extends Error {
  override readonly name = "FrontInputError";
  /** The brand other packages recognise it by (error-kind.ts). */
  readonly [FRONT_ERROR_KIND] = "FrontInputError" as const;
  /** The option or field that was wrong, e.g. `baseUrl`, `params.path.contact_id`, `attachments`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}
