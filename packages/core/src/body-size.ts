/**
 * How many bytes of body each answer carried, remembered beside the Response rather than in a header: the
 * transport knows it (it read the body), and a caller bounding its memory across many answers (a tool paging
 * through a list) needs it without reading the body again.
 */
const sizes = new WeakMap<Response, number>();

/** Records the body size of a Response the transport built (internal). */
export const recordBodySize = (response: Response, bytes: number): Response => {
  sizes.set(response, bytes);
  return response;
};

/** The bytes of body (after decompression) frontkit read for this answer; undefined for a Response it did not read. */
export const responseBodyBytes = (response: Response): number | undefined => sizes.get(response);
