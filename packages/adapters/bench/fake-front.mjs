// A fast fake Front for the MCP benchmarks: 127.0.0.1 only, GET /tags and GET /teammates answer one page at once,
// with rate-limit headers that allow plenty (so pacing is Front's to decide, and Front says "go").
import { createServer } from "node:http";

const TAGS = {
  _pagination: { next: null },
  _links: { self: "http://127.0.0.1/tags" },
  _results: [
    { id: "tag_1", name: "urgent", description: null, highlight: "red", is_private: false, is_visible_in_conversation_lists: true, created_at: 1700000000, updated_at: 1700000000 },
    { id: "tag_2", name: "billing", description: "Money", highlight: null, is_private: false, is_visible_in_conversation_lists: true, created_at: 1700000000, updated_at: 1700000000 },
  ],
};
const TEAMMATES = {
  _pagination: { next: null },
  _links: { self: "http://127.0.0.1/teammates" },
  _results: [{ id: "tea_1", email: "a@b.co", username: "a", first_name: "A", last_name: "B", is_admin: false, is_available: true, is_blocked: false, type: "user" }],
};
const BODIES = { "/tags": JSON.stringify(TAGS), "/teammates": JSON.stringify(TEAMMATES) };
const NOT_FOUND = JSON.stringify({ _error: { status: 404, title: "Not found", message: "the fake Front answers GET /tags and GET /teammates only" } });

/** Starts the fake Front; `requests` counts what it answered. */
export const startFakeFront = async () => {
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    req.resume();
    const body = req.method === "GET" ? BODIES[(req.url ?? "").split("?")[0]] : undefined;
    res.writeHead(body === undefined ? 404 : 200, {
      "content-type": "application/json",
      "x-ratelimit-limit": "100000",
      "x-ratelimit-remaining": "99999",
      "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 60),
    });
    res.end(body ?? NOT_FOUND);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/** CPU time (ms, user + system, all threads) a running process has used so far, from /proc; undefined elsewhere. */
export const processCpuMs = async (pid) => {
  if (process.platform !== "linux" || pid === null || pid === undefined) return undefined;
  const { readdir, readFile } = await import("node:fs/promises");
  try {
    let ns = 0;
    for (const task of await readdir(`/proc/${pid}/task`)) {
      // schedstat: time spent on the CPU (ns), time waiting to run, timeslices. Exact, unlike the 10 ms ticks of stat.
      const text = await readFile(`/proc/${pid}/task/${task}/schedstat`, "utf8").catch(() => "0");
      ns += Number(text.split(" ")[0]);
    }
    return ns / 1e6;
  } catch {
    return undefined;
  }
};

/** Median of a list of numbers. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The p-th percentile (0–100), nearest rank. */
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
