/**
 * `npm run mock`: the embedded Front mock on its own, for trying the SDK, the tools or an MCP client against it.
 * Prism serves Front's corrected spec on 127.0.0.1; `--faults` puts the testkit's fault proxy in front of it so
 * 401, 404 and 429 answers (Front-shaped) can be seen and handled. Ctrl-C (SIGINT) or SIGTERM stops what it
 * started — Prism and the proxy — and nothing else.
 */
import { parseArgs } from "node:util";
import { startFaultProxy, startPrism, status, rateLimited, type FaultProxy, type PrismServer, type RecordedRequest } from "@frontkit/testkit";

/** The token the fault proxy accepts; any other bearer gets Front's 401. Prism alone accepts any bearer. */
const MOCK_TOKEN = "frontkit-mock-token";
const DEFAULT_PORT = 4010;
/** Every RATE_LIMIT_EVERY-th request the other faults leave alone answers 429 with `retry-after: 1`. */
const RATE_LIMIT_EVERY = 5;

const USAGE = `Usage: npm run mock [-- --faults] [-- --port <n>]

Serves Front's Core API (the corrected spec, answered by Prism) on 127.0.0.1.
  --faults      put a fault proxy in front: 401 for a token other than "${MOCK_TOKEN}", 404 for any path
                containing "missing", 429 (retry-after: 1) for every ${RATE_LIMIT_EVERY}th other request
  --port <n>    port to listen on (default ${DEFAULT_PORT}; a free one when that is taken, 0 for any free one)
  --help        this text`;

const fail = (message: string): never => {
  console.error(`mock: ${message}\n\n${USAGE}`);
  process.exit(2);
};

const parse = (): { faults: boolean; port: number | undefined; help: boolean } => {
  let values: { faults?: boolean; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { faults: { type: "boolean" }, port: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  let port: number | undefined = DEFAULT_PORT;
  if (values.port !== undefined) {
    port = /^\d+$/.test(values.port) ? Number(values.port) : Number.NaN;
    if (!Number.isInteger(port) || port > 65_535) return fail(`--port must be a whole number from 0 to 65535, got "${values.port}".`);
    if (port === 0) port = undefined;
  }
  return { faults: values.faults === true, port, help: values.help === true };
};

const frontError = (code: number, title: string, message: string) => ({
  headers: { "content-type": "application/json" },
  body: { _error: { status: code, title, message } },
});

const bearer = (request: { headers: Record<string, string | string[] | undefined> }): string | undefined => {
  const value = request.headers["authorization"];
  return typeof value === "string" ? value : undefined;
};

// One line per request through the fault proxy; never its headers (they carry the caller's token).
const describeRequest = (request: RecordedRequest): string => {
  const answer =
    request.fault === "rateLimited"
      ? "429 rate limited (fault)"
      : request.fault === "status"
        ? bearer(request) === `Bearer ${MOCK_TOKEN}`
          ? "404 not found (fault)"
          : "401 unauthorized (fault)"
        : "→ Prism";
  return `  ${request.method} ${request.url}  ${answer}`;
};

const inUse = (error: unknown): boolean => error instanceof Error && /EADDRINUSE/.test(error.message);

/** Runs `start` on `port`; when the default port is taken, on a free one instead (an explicit --port never moves). */
const onPort = async <A>(port: number | undefined, movable: boolean, start: (port: number | undefined) => Promise<A>): Promise<A> => {
  try {
    return await start(port);
  } catch (error) {
    if (port === undefined || !movable || !inUse(error)) throw error;
    console.log(`  port ${port} is taken; using a free one`);
    return start(undefined);
  }
};

/** The fault proxy in front of Prism, with the three rules (the first rule that matches answers). */
const startFaults = async (prism: PrismServer, port: number | undefined): Promise<FaultProxy> => {
  const proxy = await startFaultProxy({ target: prism.url, ...(port === undefined ? {} : { port }), onRequest: (r) => console.log(describeRequest(r)) });
  proxy.on({ when: (r) => bearer(r) !== `Bearer ${MOCK_TOKEN}` }, status(401, frontError(401, "Unauthorized", "The API token is invalid or revoked.")));
  proxy.on({ path: /missing/i }, status(404, frontError(404, "Not found", "The resource does not exist.")));
  let others = 0;
  proxy.on({ when: () => ++others % RATE_LIMIT_EVERY === 0 }, rateLimited({ retryAfter: "1" }));
  return proxy;
};

async function main(): Promise<void> {
  const args = parse();
  if (args.help) {
    console.log(USAGE);
    return;
  }
  // Only the default port may move to a free one; an explicit --port is what the user asked for.
  const movable = !process.argv.some((a) => a === "--port" || a.startsWith("--port="));
  let prism: PrismServer | undefined;
  let proxy: FaultProxy | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (reason: string): Promise<void> =>
    (stopping ??= (async () => {
      console.log(`\nmock: ${reason}, stopping…`);
      await proxy?.stop();
      await prism?.stop();
      console.log("mock: stopped.");
    })());
  // The testkit's child reaper listens too and kills Prism at once; this closes the proxy and exits 0.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void stop(signal).finally(() => process.exit(0)));
  }

  console.log("frontkit mock: Front's Core API from the corrected spec (Prism), on 127.0.0.1 only…");
  let url: string;
  if (args.faults) {
    // Users call the proxy (on the requested port); Prism sits behind it on a free one.
    prism = await startPrism();
    const behind = prism;
    proxy = await onPort(args.port, movable, (port) => startFaults(behind, port));
    url = proxy.url;
  } else {
    prism = await onPort(args.port, movable, (port) => startPrism(port === undefined ? {} : { port }));
    url = prism.url;
  }

  console.log(`  base URL   ${url}`);
  if (args.faults) {
    console.log(`  token      ${MOCK_TOKEN} (any other bearer gets Front's 401)`);
    console.log(`  faults     401 for another token · 404 for any path containing "missing" · 429 (retry-after: 1) every ${RATE_LIMIT_EVERY}th other request`);
  } else {
    console.log(`  token      any bearer works, e.g. ${MOCK_TOKEN}`);
  }
  console.log(`  try        curl -s -H 'authorization: Bearer ${MOCK_TOKEN}' ${url}/me`);
  console.log(`             FRONT_API_BASE_URL=${url} FRONT_API_TOKEN=${MOCK_TOKEN} npm start`);
  console.log("Ctrl-C stops it.");
  if (args.faults) console.log("Requests:");
  // The testkit unrefs Prism's process and pipes (a test must never wait on them), so nothing else keeps this
  // process alive without the proxy; it runs until SIGINT/SIGTERM, whose handler stops everything and exits.
  setInterval(() => undefined, 2 ** 31 - 1);
}

main().catch((error: unknown) => {
  console.error(`mock failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
