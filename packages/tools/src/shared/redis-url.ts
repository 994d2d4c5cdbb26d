/**
 * Checking a Redis URL and printing it without its password.
 */

/** Why a Redis URL was refused, or the URL in a form safe to print (no user name or password). */
export type RedisUrlCheck = { readonly ok: true; readonly display: string } | { readonly ok: false; readonly problem: string };

/** Accepts `redis://` and `rediss://` (TLS) URLs with a host; says what is wrong otherwise (never echoing the URL). */
export const checkRedisUrl = (url: unknown): RedisUrlCheck => {
  if (typeof url !== "string" || url.trim() === "") return { ok: false, problem: "redisUrl must be a redis:// or rediss:// URL" };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, problem: "redisUrl is not a valid URL; expected redis://[:password@]host[:port][/db] or rediss://…" };
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    return { ok: false, problem: `redisUrl must start with redis:// or rediss:// (got ${parsed.protocol}//)` };
  }
  if (parsed.hostname === "") return { ok: false, problem: "redisUrl has no host; expected redis://host:port" };
  return { ok: true, display: displayRedisUrl(parsed) };
};

/** The URL as it may appear in a log line: scheme, host, port and database, never the user name or password. */
export const displayRedisUrl = (url: URL | string): string => {
  try {
    const parsed = typeof url === "string" ? new URL(url) : url;
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
  } catch {
    return "<invalid Redis URL>";
  }
};

/** Removes the URL's password (and user name) from a message, in case a client error repeats it. */
export const scrubRedisSecret = (url: string, text: string): string => {
  let out = text;
  try {
    const parsed = new URL(url);
    for (const secret of [parsed.password, decodeURIComponent(parsed.password)]) {
      if (secret.length >= 3) out = out.split(secret).join("<redacted>");
    }
  } catch {
    // Unparseable URLs are refused before a connection is made; nothing to scrub.
  }
  return out;
};
