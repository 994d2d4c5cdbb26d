/** Reading the per-request Front token of the HTTP transport. */

/** The token of an `Authorization: Bearer <token>` header, or undefined when absent or not a bearer. */
export const bearerToken = (header: string | ReadonlyArray<string> | undefined): string | undefined => {
  if (header === undefined || typeof header !== "string") return undefined; // several Authorization headers: refuse
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
};
