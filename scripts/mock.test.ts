import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createFrontTools } from "@frontkit/tools";
import { afterEach, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const TOKEN = "frontkit-mock-token";

interface RunningMock {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: RunningMock[] = [];

afterEach(() => {
  // A failed assertion must not leave a mock (or its Prism) running.
  for (const mock of started.splice(0)) if (mock.child.exitCode === null && mock.child.signalCode === null) mock.child.kill("SIGKILL");
});

/** Starts `scripts/mock.ts` the way `npm run mock` ends up running it and waits for its banner (bounded). */
const startMock = (args: string[]): Promise<RunningMock> =>
  new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/mock.ts", ...args], { cwd: root, env: process.env });
    let out = "";
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once("close", (code, signal) => r({ code, signal })));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the mock printed no banner within 90 s:\n${out}`));
    }, 90_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString("utf8");
      const url = /base URL\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url !== undefined && out.includes("Ctrl-C stops it.")) {
        clearTimeout(timer);
        const mock = { child, url, output: () => out, exited };
        started.push(mock);
        resolveStart(mock);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`the mock exited (${code}) before its banner:\n${out}`));
    });
  });

/** Process ids whose parent is `pid` (Prism runs as the mock's child). */
const childrenOf = (pid: number): number[] =>
  spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
    .stdout.split("\n")
    .map((l) => Number(l.trim()))
    .filter((n) => n > 0);

// A killed process can linger for a moment as a zombie until init reaps it: that counts as gone.
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = spawnSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" }).stdout.trim();
  return stat !== "" && !stat.startsWith("Z");
};

/** Waits (at most 5 s) for every pid to be gone; answers the ones still running. */
const stillRunning = async (pids: ReadonlyArray<number>): Promise<number[]> => {
  const deadline = Date.now() + 5_000;
  let left = pids.filter(alive);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    left = left.filter(alive);
  }
  return left;
};

const call = (url: string, path: string, token = TOKEN) =>
  fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });

const refused = async (url: string): Promise<boolean> => {
  try {
    await fetch(`${url}/me`, { headers: { authorization: `Bearer ${TOKEN}` }, signal: AbortSignal.timeout(5_000) });
    return false;
  } catch {
    return true;
  }
};

describe("npm run mock (the embedded Front mock on its own)", () => {
  it("serves Front's API on 127.0.0.1, prints its URL and a token hint, and stops on SIGTERM with Prism", async () => {
    const mock = await startMock(["--port", "0"]);
    expect(mock.output()).toMatch(/token\s+any bearer works, e\.g\. frontkit-mock-token/);
    expect(mock.output()).toContain(`FRONT_API_BASE_URL=${mock.url} FRONT_API_TOKEN=${TOKEN} npm start`);
    const me = await call(mock.url, "/me", "whatever-token");
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toMatch(/^cmp_/);
    // The printed token passes frontkit's own token check: the tools call the mock with it.
    const front = createFrontTools({ token: TOKEN, baseUrl: mock.url });
    try {
      const { tags } = await front.listTags({});
      expect(tags.length).toBeGreaterThan(0);
      expect(tags[0]?.id).toMatch(/^tag_/);
    } finally {
      await front.dispose();
    }
    const prism = childrenOf(mock.child.pid as number);
    expect(prism.length).toBeGreaterThan(0);

    mock.child.kill("SIGTERM");
    expect(await mock.exited).toEqual({ code: 0, signal: null });
    expect(mock.output()).toContain("mock: stopped.");
    expect(await refused(mock.url)).toBe(true);
    expect(await stillRunning(prism)).toEqual([]);
  }, 120_000);

  it("--faults: 401 for another token, 404 for a missing resource, a 429 with retry-after; Ctrl-C (SIGINT) stops it", async () => {
    const mock = await startMock(["--faults", "--port", "0"]);
    expect(mock.output()).toMatch(/token\s+frontkit-mock-token \(any other bearer gets Front's 401\)/);

    const unauthorized = await call(mock.url, "/me", "not-the-mock-token");
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toMatchObject({ _error: { status: 401, title: "Unauthorized" } });

    const missing = await call(mock.url, "/contacts/alt:email:missing@example.com");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ _error: { status: 404 } });

    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const response = await call(mock.url, "/tags");
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(retryAfter).toBe("1");

    // One log line per request; the caller's token never printed.
    expect(mock.output()).toMatch(/GET \/me\s+401 unauthorized \(fault\)/);
    expect(mock.output()).toMatch(/GET \/contacts\/alt:email:missing@example\.com\s+404 not found \(fault\)/);
    expect(mock.output()).toMatch(/GET \/tags\s+429 rate limited \(fault\)/);
    expect(mock.output()).not.toContain("not-the-mock-token");

    const prism = childrenOf(mock.child.pid as number);
    expect(prism.length).toBeGreaterThan(0);
    mock.child.kill("SIGINT");
    expect(await mock.exited).toEqual({ code: 0, signal: null });
    expect(await refused(mock.url)).toBe(true);
    expect(await stillRunning(prism)).toEqual([]);
  }, 120_000);

  it("refuses a bad argument with what was wrong and the usage, starting nothing", () => {
    for (const args of [["--port", "http"], ["--port", "70000"], ["--bogus"]]) {
      const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/mock.ts", ...args], { cwd: root, encoding: "utf8", timeout: 30_000 });
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/^mock: /);
      expect(run.stderr).toContain("Usage: npm run mock");
      expect(run.stdout).not.toContain("base URL");
    }
  }, 60_000);
});
