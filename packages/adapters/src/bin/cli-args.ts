/**
 * Command-line parsing for `frontkit-mcp`: a pure function from argv and env to a
 * typed configuration or a usage error, so the bin stays a thin shell and every
 * rule here is unit-tested without spawning a process.
 */
import { parseArgs } from "node:util";
// The token rule alone (no Effect): the bin checks FRONT_API_TOKEN before it loads the tools.
import { checkFrontToken } from "@frontkit/tools/token";

/** Default port of `--http`. */
export const DEFAULT_HTTP_PORT = 8787;
/** Default interface of `--http`: loopback, so nothing is exposed unless asked. */
export const DEFAULT_HTTP_HOST = "127.0.0.1";

/**
 * The rate limiter's operator settings (FrontConfig's names): from `--max-concurrency`, `--burst-per-second`,
 * `--burst-pacing`, `--max-retry-after` or their `FRONTKIT_*` environment variables (a flag wins). Absent: the
 * limiter's defaults. Ranges match @frontkit/tools' limiter-options.ts (not imported: the bin must not load
 * the tools to parse its command line).
 */
export interface LimiterFlags {
  readonly maxConcurrency?: number;
  readonly burstPerSecond?: number;
  readonly burstPacing?: "learn" | "always";
  /** In milliseconds (FrontConfig's `maxRetryAfter` takes a Duration input; a number is milliseconds). */
  readonly maxRetryAfter?: number;
}

/** What the bin was asked to do. */
export type CliCommand =
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | {
      readonly kind: "stdio";
      readonly token: string;
      readonly baseUrl: string | undefined;
      readonly readOnly: boolean;
      readonly tools: ReadonlyArray<string> | undefined;
      readonly verbose: boolean;
      readonly redisUrl: string | undefined;
      readonly limiter: LimiterFlags;
    }
  | {
      readonly kind: "http";
      readonly host: string;
      readonly port: number;
      readonly baseUrl: string | undefined;
      readonly readOnly: boolean;
      readonly tools: ReadonlyArray<string> | undefined;
      readonly maxAccounts: number | undefined;
      readonly allowedOrigins: ReadonlyArray<string>;
      readonly verbose: boolean;
      readonly redisUrl: string | undefined;
      readonly limiter: LimiterFlags;
    };

/** A wrong command line or environment; `message` says what to change. Exit code 2. */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}

const options = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  http: { type: "boolean" },
  host: { type: "string" },
  port: { type: "string", short: "p" },
  "read-only": { type: "boolean" },
  verbose: { type: "boolean" },
  tools: { type: "string" },
  "max-accounts": { type: "string" },
  "allow-origin": { type: "string", multiple: true },
  "redis-url": { type: "string" },
  "max-concurrency": { type: "string" },
  "burst-per-second": { type: "string" },
  "burst-pacing": { type: "string" },
  "max-retry-after": { type: "string" },
} as const;

const parseIntIn = (flag: string, raw: string, min: number, max: number): number => {
  if (!/^\d+$/.test(raw)) throw new CliUsageError(`${flag} must be a whole number, got ${JSON.stringify(raw)}.`);
  const n = Number(raw);
  if (n < min || n > max) throw new CliUsageError(`${flag} must be between ${min} and ${max}, got ${n}.`);
  return n;
};

/**
 * `--redis-url` or `FRONTKIT_REDIS_URL` (the flag wins): a redis:// or rediss:// URL. Checked here so a typo is a
 * usage error at start; the message never repeats the URL, which may carry a password.
 */
const parseRedisUrl = (flag: string | undefined, env: string | undefined): string | undefined => {
  const fromFlag = flag !== undefined;
  const raw = (flag ?? env)?.trim();
  if (raw === undefined || raw === "") {
    if (fromFlag) throw new CliUsageError("--redis-url needs a URL, e.g. --redis-url redis://127.0.0.1:6379.");
    return undefined;
  }
  const source = fromFlag ? "--redis-url" : "FRONTKIT_REDIS_URL";
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new CliUsageError(`${source} is not a valid URL; expected redis://[:password@]host[:port][/db] or rediss://… for TLS.`);
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new CliUsageError(`${source} must start with redis:// or rediss:// (got ${parsed.protocol}//).`);
  }
  if (parsed.hostname === "") throw new CliUsageError(`${source} has no host; expected redis://host:port.`);
  return raw;
};

// Plain decimals only ("2.5", "0"): no exponents, signs or hex, so what an operator typed is what applies.
const DECIMAL = /^\d+(?:\.\d+)?$/;

const parseDecimalIn = (flag: string, raw: string, min: number, max: number): number => {
  if (!DECIMAL.test(raw)) throw new CliUsageError(`${flag} must be a number like 5 or 2.5, got ${JSON.stringify(raw)}.`);
  const n = Number(raw);
  if (n < min || n > max) throw new CliUsageError(`${flag} must be between ${min} and ${max}, got ${n}.`);
  return n;
};

/** Each limiter setting from its flag, else its environment variable; `where` names what to fix. */
const parseLimiterFlags = (v: Readonly<Record<string, unknown>>, env: Readonly<Record<string, string | undefined>>): LimiterFlags => {
  const pick = (flag: string, envName: string): { raw: string; where: string } | undefined => {
    const fromFlag = v[flag];
    if (typeof fromFlag === "string") return { raw: fromFlag.trim(), where: `--${flag}` };
    const fromEnv = env[envName]?.trim();
    return fromEnv === undefined || fromEnv === "" ? undefined : { raw: fromEnv, where: envName };
  };
  const limiter: { maxConcurrency?: number; burstPerSecond?: number; burstPacing?: "learn" | "always"; maxRetryAfter?: number } = {};
  const concurrency = pick("max-concurrency", "FRONTKIT_MAX_CONCURRENCY");
  if (concurrency !== undefined) limiter.maxConcurrency = parseIntIn(concurrency.where, concurrency.raw, 1, 1_000);
  const burst = pick("burst-per-second", "FRONTKIT_BURST_PER_SECOND");
  if (burst !== undefined) limiter.burstPerSecond = parseDecimalIn(burst.where, burst.raw, 0, 1_000_000);
  const pacing = pick("burst-pacing", "FRONTKIT_BURST_PACING");
  if (pacing !== undefined) {
    if (pacing.raw !== "learn" && pacing.raw !== "always") {
      throw new CliUsageError(`${pacing.where} must be "learn" or "always", got ${JSON.stringify(pacing.raw)}.`);
    }
    limiter.burstPacing = pacing.raw;
  }
  const retryAfter = pick("max-retry-after", "FRONTKIT_MAX_RETRY_AFTER");
  if (retryAfter !== undefined) limiter.maxRetryAfter = Math.round(parseDecimalIn(retryAfter.where, retryAfter.raw, 0, 3_600) * 1000);
  return limiter;
};

const parseToolList = (raw: string): ReadonlyArray<string> => {
  const names = raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (names.length === 0) throw new CliUsageError("--tools needs at least one tool name, e.g. --tools list-inboxes,list-conversations.");
  return [...new Set(names)];
};

/**
 * Parses the command line. Tool names in `--tools` are checked later against the registry
 * (the one place that knows them); everything else is checked here.
 */
export const parseCliArgs = (argv: ReadonlyArray<string>, env: Readonly<Record<string, string | undefined>>): CliCommand => {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  } catch (error) {
    // node's messages name the offending flag ("Unknown option '--prot'"); we add the way out.
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliUsageError(`${reason}. Run frontkit-mcp --help for the options.`);
  }
  const v = parsed.values;
  if (v.help === true) return { kind: "help" };
  if (v.version === true) return { kind: "version" };

  const readOnly = v["read-only"] === true;
  const verbose = v.verbose === true;
  const tools = v.tools === undefined ? undefined : parseToolList(v.tools);
  const limiter = parseLimiterFlags(v, env);
  const rawBase = env["FRONT_API_BASE_URL"]?.trim();
  const baseUrl = rawBase === undefined || rawBase === "" ? undefined : rawBase;
  const redisUrl = parseRedisUrl(v["redis-url"], env["FRONTKIT_REDIS_URL"]);

  if (v.http === true) {
    const host = v.host?.trim() || DEFAULT_HTTP_HOST;
    const port = v.port === undefined ? DEFAULT_HTTP_PORT : parseIntIn("--port", v.port, 0, 65_535);
    const maxAccounts = v["max-accounts"] === undefined ? undefined : parseIntIn("--max-accounts", v["max-accounts"], 1, 10_000);
    const allowedOrigins = (v["allow-origin"] ?? []).map((o) => {
      let parsed: URL;
      try {
        parsed = new URL(o);
      } catch {
        throw new CliUsageError(`--allow-origin takes an origin like https://app.example.com, got ${JSON.stringify(o)}.`);
      }
      if (parsed.origin !== o.replace(/\/$/, "")) throw new CliUsageError(`--allow-origin takes an origin (scheme, host, port) without a path, got ${JSON.stringify(o)}.`);
      return parsed.origin;
    });
    return { kind: "http", host, port, baseUrl, readOnly, tools, maxAccounts, allowedOrigins, verbose, limiter, redisUrl };
  }

  for (const flag of ["host", "port", "max-accounts", "allow-origin"] as const) {
    if (v[flag] !== undefined) throw new CliUsageError(`--${flag} only applies to --http; add --http or drop --${flag}.`);
  }
  const token = env["FRONT_API_TOKEN"]?.trim();
  if (token === undefined || token === "") {
    throw new CliUsageError(
      "FRONT_API_TOKEN is not set. Create a token in Front (Settings → Developers → API tokens) and pass it in the " +
        "environment, e.g. in your MCP client's config: \"env\": { \"FRONT_API_TOKEN\": \"…\" }. " +
        "For a shared server where each client sends its own token, use --http instead.",
    );
  }
  const checked = checkFrontToken(token);
  if (!checked.ok) throw new CliUsageError(`FRONT_API_TOKEN is not a usable Front API token: ${checked.problem}`);
  return { kind: "stdio", token: checked.token, baseUrl, readOnly, tools, verbose, limiter, redisUrl };
};

/** The `--help` text. */
export const helpText = (version: string): string => `frontkit-mcp ${version} — Front's connector tools as an MCP server

Usage:
  frontkit-mcp [--read-only] [--tools a,b,...] [--verbose]     serve over stdio (default)
  frontkit-mcp --http [--host H] [--port P] [--read-only] ...  serve Streamable HTTP

Modes:
  stdio (default)   For MCP clients that launch the server (Claude Desktop, Cursor, VS Code).
                    The Front API token comes from FRONT_API_TOKEN; startup fails without it.
  --http            Streamable HTTP at POST http://HOST:PORT/mcp (stateless). Every request
                    brings its own Front token as "Authorization: Bearer <token>": one server,
                    many Front accounts, nothing stored on disk. Requests without a token get
                    401. FRONT_API_TOKEN is ignored in this mode. GET /healthz answers 200.

Options:
  --host H          Interface to bind with --http (default ${DEFAULT_HTTP_HOST}; use 0.0.0.0
                    only behind TLS and a proxy you trust).
  -p, --port P      Port for --http (default ${DEFAULT_HTTP_PORT}; 0 picks a free one).
  --max-accounts N  With --http, how many Front accounts (distinct tokens) keep a warm client
                    with its own rate limiter and caches (default 64; least recently used go).
  --allow-origin O  With --http, a browser origin allowed to call the server (repeatable).
                    Requests with any other Origin header get 403 (DNS-rebinding guard);
                    server-to-server clients send none.
  --max-concurrency N
                    Requests in flight at once per Front account (1-1000, default 50).
  --burst-per-second R
                    Requests per second per burst-limited resource type (default 5, Front's
                    burst limit; 0, or above 1000, turns burst pacing off).
  --burst-pacing learn|always
                    learn (default): a resource type starts at that rate and speeds up while
                    Front accepts it; one Front refuses with a burst 429 stays paced. always:
                    pace every resource type from the start.
  --max-retry-after S
                    Longest pause in seconds a 429's retry-after can cause (0-3600, default 60).
  --verbose         One line on stderr per request to Front: method and path template,
                    status, time, attempt (and each retry wait). Never the token or a body.
  --redis-url URL   Share each Front account's rate-limit state and cached tag/inbox lists
                    with every other process given the same Redis (replicas behind a load
                    balancer): redis://[:password@]host[:port][/db], rediss:// for TLS.
                    If Redis is unreachable, calls go on with this process's own state
                    (one warning line) until it is back. The password is never printed.
  --read-only       Expose only tools that never change anything in Front.
  --tools a,b,...   Expose only these tools (names as listed by tools/list, e.g.
                    list-inboxes,list-conversations,get-conversation).
  -h, --help        Show this help.
  -v, --version     Print the version.

Environment:
  FRONT_API_TOKEN     Front API token (stdio mode). Never logged. Checked at startup: one word
                      of printable ASCII, 16 to 4096 characters (surrounding spaces trimmed).
  FRONT_API_BASE_URL  Core API base URL (default https://api2.frontapp.com); http:// only
                      for loopback (tests, local mocks). Applies to both modes; clients of
                      --http cannot change it.
  FRONTKIT_REDIS_URL  Same as --redis-url (the flag wins).
  FRONTKIT_MAX_CONCURRENCY, FRONTKIT_BURST_PER_SECOND, FRONTKIT_BURST_PACING,
  FRONTKIT_MAX_RETRY_AFTER
                      The rate-limiter settings above, when the flag is not given.

Exit codes: 0 ok, 1 runtime failure, 2 bad command line or environment.
`;
