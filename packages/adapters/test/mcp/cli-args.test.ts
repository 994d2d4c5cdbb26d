import { describe, expect, it } from "vitest";
import { CliUsageError, DEFAULT_HTTP_HOST, DEFAULT_HTTP_PORT, helpText, parseCliArgs } from "../../src/bin/cli-args.js";

const env = { FRONT_API_TOKEN: "tok_0123456789abcdef" };

describe("parseCliArgs", () => {
  it("defaults to stdio with the token and base URL from the environment", () => {
    expect(parseCliArgs([], { ...env, FRONT_API_BASE_URL: " http://127.0.0.1:4010 " })).toEqual({
      kind: "stdio",
      token: "tok_0123456789abcdef",
      baseUrl: "http://127.0.0.1:4010",
      readOnly: false,
      tools: undefined,
      verbose: false,
      limiter: {},
    });
  });

  it("treats an empty FRONT_API_BASE_URL as unset", () => {
    expect(parseCliArgs([], { ...env, FRONT_API_BASE_URL: "" })).toMatchObject({ kind: "stdio", baseUrl: undefined });
  });

  it("refuses stdio without a token, explaining where to set it", () => {
    expect(() => parseCliArgs([], {})).toThrow(CliUsageError);
    expect(() => parseCliArgs([], { FRONT_API_TOKEN: "   " })).toThrow(/FRONT_API_TOKEN is not set[\s\S]*--http/);
  });

  it("parses --http with defaults: loopback, default port, no token needed", () => {
    expect(parseCliArgs(["--http"], {})).toEqual({
      kind: "http",
      host: DEFAULT_HTTP_HOST,
      port: DEFAULT_HTTP_PORT,
      baseUrl: undefined,
      readOnly: false,
      tools: undefined,
      maxAccounts: undefined,
      allowedOrigins: [],
      verbose: false,
      limiter: {},
    });
    expect(DEFAULT_HTTP_HOST).toBe("127.0.0.1");
  });

  it("parses --http options", () => {
    expect(
      parseCliArgs(
        ["--http", "--host", "0.0.0.0", "-p", "0", "--read-only", "--tools", " list-tags, ,get-contact,list-tags", "--max-accounts", "5", "--allow-origin", "https://a.example", "--allow-origin", "http://localhost:3000/"],
        {},
      ),
    ).toEqual({
      kind: "http",
      host: "0.0.0.0",
      port: 0,
      baseUrl: undefined,
      readOnly: true,
      tools: ["list-tags", "get-contact"],
      maxAccounts: 5,
      allowedOrigins: ["https://a.example", "http://localhost:3000"],
      verbose: false,
      limiter: {},
    });
  });

  it("--redis-url or FRONTKIT_REDIS_URL (the flag wins) shares state through Redis, in both modes", () => {
    expect(parseCliArgs(["--http", "--redis-url", "redis://:pw@10.0.0.5:6380/1"], {})).toMatchObject({ kind: "http", redisUrl: "redis://:pw@10.0.0.5:6380/1" });
    expect(parseCliArgs([], { ...env, FRONTKIT_REDIS_URL: " rediss://cache:6379 " })).toMatchObject({ kind: "stdio", redisUrl: "rediss://cache:6379" });
    expect(parseCliArgs(["--http", "--redis-url", "redis://a:1"], { FRONTKIT_REDIS_URL: "redis://b:2" })).toMatchObject({ redisUrl: "redis://a:1" });
    expect(parseCliArgs(["--http"], { FRONTKIT_REDIS_URL: "" })).toMatchObject({ redisUrl: undefined });
    expect(helpText("1.0.0")).toMatch(/--redis-url URL[\s\S]*FRONTKIT_REDIS_URL/);
  });

  it.each([
    [["--http", "--redis-url", "http://:s3cret-pass@h:1"], {}, /--redis-url must start with redis:\/\/ or rediss:\/\//],
    [["--http", "--redis-url", "not a url s3cret-pass"], {}, /--redis-url is not a valid URL/],
    [["--http", "--redis-url", ""], {}, /--redis-url needs a URL/],
    [["--http"], { FRONTKIT_REDIS_URL: "redis:// s3cret-pass" }, /FRONTKIT_REDIS_URL/],
  ] as const)("refuses a bad Redis URL %j without repeating it", (argv, extraEnv, message) => {
    let error: unknown;
    try {
      parseCliArgs([...argv], extraEnv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliUsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("s3cret-pass");
  });

  it("--verbose asks for request lines on stderr, over stdio and --http", () => {
    expect(parseCliArgs(["--verbose"], env)).toMatchObject({ kind: "stdio", verbose: true });
    expect(parseCliArgs(["--http", "--verbose"], {})).toMatchObject({ kind: "http", verbose: true });
    expect(helpText("1.0.0")).toMatch(/--verbose[\s\S]*never the token/i);
  });

  it.each([
    [["--http", "--port", "http"], /--port must be a whole number/],
    [["--http", "--port", "70000"], /--port must be between 0 and 65535/],
    [["--http", "--port", "-1"], /--port/],
    [["--http", "--max-accounts", "0"], /--max-accounts must be between 1/],
    [["--tools", ","], /--tools needs at least one tool name/],
    [["--port", "80"], /--port only applies to --http/],
    [["--allow-origin", "https://a.example"], /--allow-origin only applies to --http/],
    [["--http", "--allow-origin", "a.example"], /--allow-origin takes an origin/],
    [["--http", "--allow-origin", "https://a.example/app"], /without a path/],
    [["--bogus"], /Unknown option '--bogus'[\s\S]*--help/],
    [["extra"], /--help/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCliArgs(argv, env)).toThrow(message);
  });

  it("answers --help and --version before anything else is checked", () => {
    expect(parseCliArgs(["--help"], {})).toEqual({ kind: "help" });
    expect(parseCliArgs(["-h", "--http", "--port", "x"], {})).toEqual({ kind: "help" });
    expect(parseCliArgs(["--version"], {})).toEqual({ kind: "version" });
  });

  it("help text names every flag it parses", () => {
    const help = helpText("9.9.9");
    expect(help).toContain("frontkit-mcp 9.9.9");
    for (const flag of [
      "--http",
      "--host",
      "--port",
      "--max-accounts",
      "--allow-origin",
      "--read-only",
      "--tools",
      "--max-concurrency",
      "--burst-per-second",
      "--burst-pacing",
      "--max-retry-after",
      "--help",
      "--version",
    ]) {
      expect(help).toContain(flag);
    }
    for (const name of ["FRONTKIT_MAX_CONCURRENCY", "FRONTKIT_BURST_PER_SECOND", "FRONTKIT_BURST_PACING", "FRONTKIT_MAX_RETRY_AFTER"]) expect(help).toContain(name);
  });

  it("rate-limiter settings come from flags, else from FRONTKIT_* variables, in both modes", () => {
    const flags = ["--max-concurrency", "8", "--burst-per-second", "2.5", "--burst-pacing", "always", "--max-retry-after", "30"];
    const limiter = { maxConcurrency: 8, burstPerSecond: 2.5, burstPacing: "always", maxRetryAfter: 30_000 };
    expect(parseCliArgs(flags, env)).toMatchObject({ kind: "stdio", limiter });
    expect(parseCliArgs(["--http", ...flags], {})).toMatchObject({ kind: "http", limiter });
    const fromEnv = { FRONTKIT_MAX_CONCURRENCY: "3", FRONTKIT_BURST_PER_SECOND: "0", FRONTKIT_BURST_PACING: "learn", FRONTKIT_MAX_RETRY_AFTER: "0.5" };
    expect(parseCliArgs(["--http"], fromEnv)).toMatchObject({ limiter: { maxConcurrency: 3, burstPerSecond: 0, burstPacing: "learn", maxRetryAfter: 500 } });
    // The flag wins over the variable.
    expect(parseCliArgs(["--http", "--max-concurrency", "9"], fromEnv)).toMatchObject({ limiter: { maxConcurrency: 9 } });
  });

  it("bad rate-limiter values are usage errors naming the flag or variable and the allowed range", () => {
    const bad: Array<[string[], Record<string, string>, RegExp]> = [
      [["--max-concurrency", "0"], {}, /--max-concurrency must be between 1 and 1000, got 0/],
      [["--max-concurrency", "1001"], {}, /--max-concurrency must be between 1 and 1000/],
      [["--max-concurrency", "2.5"], {}, /--max-concurrency must be a whole number/],
      [["--burst-per-second=-1"], {}, /--burst-per-second must be a number like 5 or 2.5, got "-1"/],
      [["--burst-per-second", "1e3"], {}, /--burst-per-second must be a number/],
      [["--burst-pacing", "sometimes"], {}, /--burst-pacing must be "learn" or "always", got "sometimes"/],
      [["--max-retry-after", "3601"], {}, /--max-retry-after must be between 0 and 3600/],
      [[], { FRONTKIT_MAX_CONCURRENCY: "lots" }, /FRONTKIT_MAX_CONCURRENCY must be a whole number, got "lots"/],
      [[], { FRONTKIT_BURST_PACING: "never" }, /FRONTKIT_BURST_PACING must be "learn" or "always"/],
    ];
    for (const [argv, extra, message] of bad) {
      expect(() => parseCliArgs(["--http", ...argv], extra)).toThrow(CliUsageError);
      expect(() => parseCliArgs(["--http", ...argv], extra)).toThrow(message);
    }
  });
});
