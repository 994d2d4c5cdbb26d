/**
 * The resource type a request counts against for Front's burst limit.
 *
 * Front (help.front.com "Front's API rate limit"; dev.frontapp.com/docs/rate-limiting): besides the company's
 * per-minute limit, "some resource-intensive endpoints" have a burst limit of generally 5 requests per second
 * **per resource type** (exports: 1 per second), and a 429 from it carries `x-front-tier` while
 * `x-ratelimit-remaining` may still be above 0. Front does not publish how it names a resource type, so the
 * rule here is: **the first literal segment of the request's path template**, lowercased —
 * `/conversations/{conversation_id}/tags` → `conversations`, `/inboxes/{inbox_id}/conversations` → `inboxes`,
 * `/channels/{channel_id}/messages` → `channels`. It groups every route under one top-level collection, which
 * is at least as strict as any finer split Front might make (one bucket per collection never lets more
 * through than Front's per-type bucket would).
 *
 * The boundary names each request `"<METHOD> <path template>"` (e.g. `"GET /tags"`); a name not of that
 * form (a bare tool name) counts against the shared `"other"` resource.
 */

/** The resource of a request whose name carries no path template. */
export const OTHER_RESOURCE = "other";

// Names are a few dozen constants (one per operation): parsing each once keeps the hot path to a map lookup.
const known = new Map<string, string>();
const MAX_KNOWN = 1024;

const parse = (operation: string): string => {
  const space = operation.indexOf(" ");
  const path = space >= 0 ? operation.slice(space + 1).trimStart() : operation;
  if (!path.startsWith("/")) return OTHER_RESOURCE;
  const end = path.indexOf("/", 1);
  const segment = (end < 0 ? path.slice(1) : path.slice(1, end)).split("?")[0]!.toLowerCase();
  // A template's first segment is a literal; a parameter there (or nothing) names no collection.
  return segment === "" || segment.startsWith("{") ? OTHER_RESOURCE : segment;
};

/** The burst-limit resource type of a request named `"<METHOD> <path template>"`; `"other"` when the name has no path. */
export const resourceOf = (operation: string | undefined): string => {
  if (operation === undefined) return OTHER_RESOURCE;
  const hit = known.get(operation);
  if (hit !== undefined) return hit;
  const resource = parse(operation);
  if (known.size < MAX_KNOWN) known.set(operation, resource);
  return resource;
};
