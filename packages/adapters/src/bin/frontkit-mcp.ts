/**
 * `frontkit-mcp`: Front's tools as an MCP server. stdio by default (token from
 * FRONT_API_TOKEN); `--http` for Streamable HTTP with a per-request token.
 * Only the MCP protocol goes to stdout; everything else goes to stderr, and
 * never the token.
 */
import { enableCompileCache } from "node:module";
import type { FrontTools, RequestEvent } from "@frontkit/tools";
import { redactText } from "@frontkit/tools/redact";
import { formatRequestEvent } from "../mcp/request-log.js";
import { ADAPTERS_VERSION } from "../mcp/version.js";
import { loadCatalog } from "./catalog-file.js";
import { CliUsageError, helpText, parseCliArgs } from "./cli-args.js";

// Node keeps the bytecode of what this process compiles (the SDK, the tools) in its compile cache (NODE_COMPILE_CACHE,
// or a folder in the OS temp dir), so later starts skip most of the parsing; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
// Before any dynamic import below, so everything they load is cached (Node ≥ 22.1; the package needs ≥ 22.19).
enableCompileCache();

/** `--verbose`: one stderr line per request to Front (stdout carries only the MCP protocol). */
const verboseLine = (event: RequestEvent): void => {
  process.stderr.write(`frontkit-mcp: ${formatRequestEvent(event)}\n`);
};

const fail = (message: string, code: number): never => {
  process.stderr.write(`frontkit-mcp: ${message}\n`);
  process.exit(code);
};

const main = async (): Promise<void> => {
  let command;
  try {
    command = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof CliUsageError) return fail(error.message, 2);
    throw error;
  }

  switch (command.kind) {
    case "help":
      process.stdout.write(helpText(ADAPTERS_VERSION));
      return;
    case "version":
      process.stdout.write(`${ADAPTERS_VERSION}\n`);
      return;
    case "stdio": {
      // Loaded here, not at the top: --help and --http must not pay for what they do not use.
      // Effect and the tools load after the first tools/list (or a second after start), so a
      // client's handshake is answered at the speed of a bare MCP server.
      const [{ createCatalogServer }, { StdioServerTransport }, { catalog }] = await Promise.all([
        import("../mcp/catalog-server.js"),
        import("@modelcontextprotocol/sdk/server/stdio.js"),
        loadCatalog(),
      ]);
      const { token, baseUrl } = command;
      let loading: Promise<FrontTools> | undefined;
      const getTools = (): Promise<FrontTools> =>
        // The built bin carries its own copy of the tools (tsup.config.ts), the very build the catalog was written from.
        (loading ??= import("@frontkit/tools").then((m) =>
          m.createFrontTools({
            token,
            ...command.limiter,
            ...(baseUrl === undefined ? {} : { baseUrl }),
            ...(command.verbose ? { onRequest: verboseLine } : {}),
            ...(command.redisUrl === undefined ? {} : { redisUrl: command.redisUrl }),
          }),
        ));
      // A bad base URL or token format is a startup error, reported as soon as the tools load.
      const warmUp = (): void => {
        getTools().catch((error: unknown) => fail(configurationMessage(error, token), 2));
      };
      let server;
      try {
        server = createCatalogServer({ catalog, getTools, readOnly: command.readOnly, tools: command.tools, audience: "cli", secrets: [token], onToolsListed: warmUp });
      } catch (error) {
        return fail(configurationMessage(error, token), 2);
      }
      setTimeout(warmUp, 1_000).unref();
      const transport = new StdioServerTransport();
      // The client closing stdin is the normal way a stdio server is told to stop; a supervisor sends SIGTERM.
      // Either way calls still running are interrupted (dispose), within a bounded time.
      const stop = (): void => {
        exitWithin(SHUTDOWN_GRACE_MS);
        void (loading ?? Promise.resolve(undefined))
          .then((tools) => tools?.dispose())
          .catch(() => undefined)
          .finally(() => process.exit(0));
      };
      transport.onclose = stop;
      process.stdin.on("end", stop);
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      await server.connect(transport);
      return;
    }
    case "http": {
      const { startFrontMcpHttpServer } = await import("../mcp/http.js");
      let running;
      try {
        running = await startFrontMcpHttpServer({
          host: command.host,
          port: command.port,
          baseUrl: command.baseUrl,
          readOnly: command.readOnly,
          tools: command.tools,
          audience: "cli",
          maxAccounts: command.maxAccounts,
          allowedOrigins: command.allowedOrigins,
          toolsOptions: {
            ...command.limiter,
            ...(command.verbose ? { onRequest: verboseLine } : {}),
            ...(command.redisUrl === undefined ? {} : { redisUrl: command.redisUrl }),
          },
          log: (line) => process.stderr.write(`frontkit-mcp: ${line}\n`),
        });
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === "EADDRINUSE" || code === "EACCES") return fail(`cannot listen on ${command.host}:${command.port} (${String(code)}); pick another --port or --host.`, 1);
        return fail(configurationMessage(error, undefined), 2);
      }
      process.stderr.write(`frontkit-mcp: listening on ${running.url} (Streamable HTTP, stateless; send Authorization: Bearer <Front API token>)\n`);
      if (command.redisUrl !== undefined) process.stderr.write(`frontkit-mcp: sharing rate-limit state and cached lists through Redis ${redisDisplay(command.redisUrl)}\n`);
      const stop = (): void => {
        exitWithin(SHUTDOWN_GRACE_MS);
        void running.close().finally(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      return;
    }
  }
};

// Shutdown interrupts every call (their waits included), so it is quick; this bounds it even if something hangs.
const SHUTDOWN_GRACE_MS = 1_500;

const exitWithin = (ms: number): void => {
  setTimeout(() => process.exit(0), ms).unref();
};

/** The Redis URL as it may be printed: scheme, host, port and database, never a user name or password. */
const redisDisplay = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
};

const configurationMessage = (error: unknown, token: string | undefined): string => {
  const message = error instanceof Error ? error.message : String(error);
  // The token never reaches stderr, even when an error message quoted it.
  return redactText(message, [token]);
};

main().catch((error: unknown) => {
  const token = process.env["FRONT_API_TOKEN"];
  fail(`unexpected failure: ${configurationMessage(error, token)}`, 1);
});
