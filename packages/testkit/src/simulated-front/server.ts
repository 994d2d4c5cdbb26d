import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { CONVERSATION_STATUSES, DEFAULT_DATASET, Dataset, SIMULATED_COMPANY_HOST, indexFromId, type DatasetSize } from "./dataset.js";
import { type EmitEventInput, EventLog, EventsQueryError, type SimulatedEventRecord } from "./events.js";
import { SlidingWindowLimiter } from "./rate-limit.js";
import { type BumpSetting, type ConversationAction, ConversationOrder } from "./conversation-order.js";
import { listenOnLoopback } from "../loopback-server.js";

/** The resource type a path's burst budget belongs to: its first segment (`/conversations/cnv_1/tags` → `conversations`). */
const resourceType = (path: string): string => path.split("/")[1] ?? "";

/** Options of {@link startSimulatedFront}. */
export interface SimulatedFrontOptions {
  /** Company limit per sliding minute (Front: 50, 100 or 200 by plan). */
  readonly perMinute: number;
  /** Burst limit per second for one resource (Front: about 5). */
  readonly burstPerSecond: number;
  /**
   * Burst scope: per resource type — the first path segment, so `/conversations/cnv_1/tags` and
   * `/conversations` share one budget (Front's "5 requests per second, per resource type"; the default) —,
   * per exact path (`"path"`, a looser Front), or the whole company (`"company"`).
   */
  readonly burstScope?: "resource" | "path" | "company";
  /** Delay before every answer, in real ms (default 0). */
  readonly latencyMs?: number;
  /** Seed of the generated data (default 1). */
  readonly seed?: number;
  /** Dataset sizes; records are generated on demand, so large sizes are cheap. */
  readonly dataset?: Partial<DatasetSize>;
  /** Clock in unix ms for the rate limiter (default Date.now), so tests can move time themselves. */
  readonly now?: () => number;
  /** Port on 127.0.0.1 (default: a free one). */
  readonly port?: number;
  /** Seconds after its emitted_at before an event is listed by `GET /events` (default 0; Front indexes asynchronously). */
  readonly eventVisibilityDelaySeconds?: number;
  /** The company's bump setting, which orders `/conversations` (default "replies_and_comments"; see conversation-order.ts). */
  readonly bump?: BumpSetting;
}

/** Counters of what the simulated Front received. */
export interface SimulatedFrontStats {
  readonly requests: number;
  readonly rateLimited: number;
  /** Requests per `METHOD /path` (path without query). */
  readonly byPath: Readonly<Record<string, number>>;
  /** Highest number of requests being answered at the same time. */
  readonly maxInFlight: number;
}

/** A write the simulated Front accepted (tags added, messages sent). */
export interface SimulatedWrite {
  readonly method: string;
  readonly path: string;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

/** A running simulated Front. */
export interface SimulatedFront {
  readonly url: string;
  readonly port: number;
  /** The company host used in `_links` and `_pagination.next` (never this server). */
  readonly companyHost: string;
  readonly dataset: Dataset;
  readonly writes: SimulatedWrite[];
  /** Conversation times and list order; its `bump` setting may be changed between actions. */
  readonly conversationOrder: ConversationOrder;
  /** Tags conversation `id` at `at` (unix seconds, default now): new `updated_at`, same place in lists. */
  tagConversation(id: string, at?: number): void;
  /** Assigns conversation `id`: new `updated_at`, same place in lists. */
  assignConversation(id: string, at?: number): void;
  /** A teammate comments on conversation `id`: new `updated_at`; moves to the top if the bump setting says so. */
  commentConversation(id: string, at?: number): void;
  /** A teammate replies in conversation `id`: new `updated_at`; moves to the top if the bump setting says so. */
  replyConversation(id: string, at?: number): void;
  /** A customer writes in conversation `id`: new `updated_at`, moves to the top whatever the setting. */
  receiveMessage(id: string, at?: number): void;
  stats(): SimulatedFrontStats;
  /** Makes the next `times` requests (default 1) fail with `status` and Front's error body (429s are Front-shaped). */
  failNext(status: number, options?: { times?: number; retryAfterSeconds?: number }): void;
  /** Appends an event to the log `GET /events` lists (default time: the simulator's now). */
  emitEvent(input: EmitEventInput): SimulatedEventRecord;
  /** The event log, generated history and emitted events, in Front's ascending order (emitted_at, then id). */
  events(): ReadonlyArray<SimulatedEventRecord>;
  /** Clears counters, writes, pending failures, emitted events and the rate-limit windows (not conversation activity: `conversationOrder.clear()`). */
  reset(): void;
  stop(): Promise<void>;
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;

class HttpError {
  constructor(
    readonly status: number,
    readonly message: string,
  ) {}
}

const TITLES: Readonly<Record<number, string>> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  422: "Unprocessable entity",
  429: "Too many requests",
  500: "Internal server error",
  502: "Bad gateway",
  503: "Service unavailable",
};

const errorBody = (status: number, message: string) => ({
  _error: { status, title: TITLES[status] ?? "Error", message, details: [] as string[] },
});

const rateLimitBody = (retrySeconds: number) => ({
  _error: { status: 429, title: "Too many requests", message: `Rate limit exceeded. Please retry in ${retrySeconds} seconds.` },
});

const encodeToken = (index: number): string => Buffer.from(`sim:${index}`).toString("base64url");
const decodeToken = (token: string): number => {
  const match = /^sim:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (match === null) throw new HttpError(400, "The page_token is invalid.");
  return Number(match[1]);
};

const parseLimit = (query: URLSearchParams): number => {
  const raw = query.get("limit");
  if (raw === null) return DEFAULT_PAGE_SIZE;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new HttpError(400, `limit must be an integer between 1 and ${MAX_PAGE_SIZE}.`);
  }
  return limit;
};

// Front's `q` arrives in bracket form: q[statuses][]=assigned (frontkit's form), repeated q[statuses]=a, or indexed
// q[statuses][0]=a; q[updated_after]=1700000000.
const queryArray = (query: URLSearchParams, name: string): string[] => {
  const values: string[] = [];
  for (const [key, value] of query) {
    if (key === `q[${name}]` || key === `q[${name}][]` || new RegExp(`^q\\[${name}\\]\\[\\d+\\]$`).test(key)) values.push(value);
  }
  return values;
};

const queryNumber = (query: URLSearchParams, name: string): number | undefined => {
  const raw = query.get(`q[${name}]`);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new HttpError(400, `q[${name}] must be a unix timestamp in seconds.`);
  return value;
};

/** Starts an in-process Front look-alike with real pagination and Front's rate limiting. */
export const startSimulatedFront = async (options: SimulatedFrontOptions): Promise<SimulatedFront> => {
  if (!(options.perMinute > 0) || !(options.burstPerSecond > 0)) {
    throw new TypeError("startSimulatedFront: perMinute and burstPerSecond must be positive numbers.");
  }
  const dataset = new Dataset({ ...DEFAULT_DATASET, ...options.dataset }, options.seed ?? 1);
  const size = dataset.size;
  const now = options.now ?? Date.now;
  const order = new ConversationOrder(dataset, options.bump ?? "replies_and_comments");
  const limiter = new SlidingWindowLimiter(options.perMinute, options.burstPerSecond);
  const burstKey = (path: string): string =>
    options.burstScope === "company" ? "company" : options.burstScope === "path" ? path : resourceType(path);
  const latencyMs = options.latencyMs ?? 0;
  const eventLog = new EventLog(dataset, options.seed ?? 1, size.events, options.eventVisibilityDelaySeconds ?? 0, () => now() / 1000);
  const writes: SimulatedWrite[] = [];
  const failures: { status: number; retryAfterSeconds: number }[] = [];
  let requests = 0;
  let rateLimited = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let byPath: Record<string, number> = {};

  // Scans list positions from the page token on (`at` maps a position to a record index), keeping
  // those `keep` accepts, so filtered pages stay full and the next token points just after the last
  // record returned.
  const page = <T>(
    path: string,
    query: URLSearchParams,
    count: number,
    render: (i: number) => T,
    keep: (i: number) => boolean = () => true,
    at: (position: number) => number = (position) => position,
  ) => {
    const limit = parseLimit(query);
    const token = query.get("page_token");
    let i = token === null ? 0 : decodeToken(token);
    const results: T[] = [];
    while (i < count && results.length < limit) {
      if (keep(at(i))) results.push(render(at(i)));
      i++;
    }
    while (i < count && !keep(at(i))) i++;
    let next: string | null = null;
    if (i < count) {
      const nextQuery = new URLSearchParams(query);
      nextQuery.set("page_token", encodeToken(i));
      next = `${SIMULATED_COMPANY_HOST}${path}?${nextQuery.toString()}`;
    }
    const selfQuery = query.toString();
    return {
      _pagination: { next },
      _links: { self: `${SIMULATED_COMPANY_HOST}${path}${selfQuery === "" ? "" : `?${selfQuery}`}` },
      _results: results,
    };
  };

  const conversationFilter = (query: URLSearchParams, inbox: number | undefined) => {
    const statuses = queryArray(query, "statuses");
    for (const s of statuses) {
      if (!(CONVERSATION_STATUSES as readonly string[]).includes(s)) {
        throw new HttpError(400, `q[statuses] must be among ${CONVERSATION_STATUSES.join(", ")}; got "${s}".`);
      }
    }
    return (i: number): boolean =>
      (inbox === undefined || dataset.conversationInbox(i) === inbox) &&
      (statuses.length === 0 || statuses.includes(dataset.conversationStatus(i)));
  };

  const find = (id: string, prefix: string, count: number, what: string): number => {
    const index = indexFromId(decodeURIComponent(id), prefix, count);
    if (index === undefined) throw new HttpError(404, `${what} ${decodeURIComponent(id)} was not found.`);
    return index;
  };

  const route = (method: string, path: string, query: URLSearchParams, req: IncomingMessage, body: Buffer): { status: number; body?: unknown } => {
    const seg = path.split("/").slice(1);
    const write = (status: number, answer?: unknown) => {
      writes.push({ method, path, contentType: req.headers["content-type"], body });
      return answer === undefined ? { status } : { status, body: answer };
    };
    if (method === "GET") {
      if (path === "/me") return { status: 200, body: { _links: { self: `${SIMULATED_COMPANY_HOST}/me` }, id: "cmp_acme", name: "Acme (simulated)" } };
      if (path === "/inboxes") return { status: 200, body: page(path, query, size.inboxes, dataset.inbox) };
      if (path === "/events") return { status: 200, body: eventLog.list(query) };
      if (path === "/tags") return { status: 200, body: page(path, query, size.tags, dataset.tag) };
      if (path === "/teammates") return { status: 200, body: page(path, query, size.teammates, dataset.teammate) };
      if (path === "/contacts") {
        const after = queryNumber(query, "updated_after");
        const before = queryNumber(query, "updated_before");
        const keep = (i: number) => {
          const at = dataset.contactUpdatedAt(i);
          return (after === undefined || at > after) && (before === undefined || at < before);
        };
        return { status: 200, body: page(path, query, size.contacts, dataset.contact, keep) };
      }
      if (path === "/conversations") {
        return { status: 200, body: page(path, query, size.conversations, order.render, conversationFilter(query, undefined), order.companyAt) };
      }
      if (seg.length === 3 && seg[0] === "inboxes" && seg[2] === "conversations") {
        const inbox = find(seg[1]!, "inb", size.inboxes, "Inbox");
        return { status: 200, body: page(path, query, size.conversations, order.render, conversationFilter(query, inbox), order.inboxAt) };
      }
      if (seg.length === 2 && seg[0] === "conversations") {
        return { status: 200, body: order.render(find(seg[1]!, "cnv", size.conversations, "Conversation")) };
      }
      if (seg.length === 3 && seg[0] === "conversations" && seg[2] === "messages") {
        const c = find(seg[1]!, "cnv", size.conversations, "Conversation");
        return { status: 200, body: page(path, query, dataset.messageCount(c), (k) => dataset.message(c, k)) };
      }
    }
    if (method === "POST") {
      if (seg.length === 3 && seg[0] === "conversations" && seg[2] === "tags") {
        find(seg[1]!, "cnv", size.conversations, "Conversation");
        let parsed: unknown;
        try {
          parsed = JSON.parse(body.toString("utf8"));
        } catch {
          throw new HttpError(400, "The body must be JSON with tag_ids.");
        }
        const tagIds = (parsed as { tag_ids?: unknown }).tag_ids;
        if (!Array.isArray(tagIds) || tagIds.length === 0 || !tagIds.every((t) => typeof t === "string")) {
          throw new HttpError(400, "tag_ids must be a non-empty array of tag ids.");
        }
        for (const t of tagIds as string[]) find(t, "tag", size.tags, "Tag");
        return write(204);
      }
      if (seg.length === 3 && seg[2] === "messages" && (seg[0] === "channels" || seg[0] === "conversations")) {
        if (seg[0] === "channels" && !decodeURIComponent(seg[1]!).startsWith("cha_")) {
          throw new HttpError(404, `Channel ${decodeURIComponent(seg[1]!)} was not found.`);
        }
        if (seg[0] === "conversations") find(seg[1]!, "cnv", size.conversations, "Conversation");
        if (body.length === 0) throw new HttpError(400, "The message body is required.");
        return write(202, { _links: { self: `${SIMULATED_COMPANY_HOST}/messages/msg_queued` }, message_uid: `uid-${writes.length + 1}`, status: "accepted" });
      }
    }
    throw new HttpError(404, `No simulated route for ${method} ${path}.`);
  };

  const send = (res: ServerResponse, status: number, headers: Record<string, string>, body?: unknown): void => {
    const payload = body === undefined ? "" : JSON.stringify(body);
    res.writeHead(status, body === undefined ? headers : { ...headers, "content-type": "application/json" });
    res.end(payload);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", "http://simulated.invalid");
    const path = url.pathname;
    requests++;
    byPath[`${method} ${path}`] = (byPath[`${method} ${path}`] ?? 0) + 1;
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));

    if (!/^Bearer \S+/.test(req.headers.authorization ?? "")) {
      return send(res, 401, {}, errorBody(401, "The API token is missing, invalid or revoked."));
    }
    const failure = failures.shift();
    if (failure !== undefined) {
      // Programmed failures bypass the limiter so they never use up the company's budget.
      const budget = limiter.peek(now());
      const headers: Record<string, string> = {
        "x-ratelimit-limit": String(budget.limit),
        "x-ratelimit-remaining": String(failure.status === 429 ? 0 : budget.remaining),
        "x-ratelimit-reset": String(budget.resetSeconds),
      };
      if (failure.status !== 429) return send(res, failure.status, headers, errorBody(failure.status, "Simulated failure."));
      rateLimited++;
      headers["retry-after"] = String(failure.retryAfterSeconds);
      return send(res, 429, headers, rateLimitBody(failure.retryAfterSeconds));
    }
    const admission = limiter.admit(now(), burstKey(path));
    const rateHeaders: Record<string, string> = {
      "x-ratelimit-limit": String(admission.limit),
      "x-ratelimit-remaining": String(admission.remaining),
      "x-ratelimit-reset": String(admission.resetSeconds),
    };
    if (!admission.allowed) {
      rateLimited++;
      rateHeaders["retry-after"] = String(admission.retryAfterSeconds);
      if (admission.tier !== undefined) rateHeaders["x-front-tier"] = admission.tier;
      return send(res, 429, rateHeaders, rateLimitBody(admission.retryAfterSeconds));
    }
    try {
      const answer = route(method, path, url.searchParams, req, body);
      return send(res, answer.status, rateHeaders, answer.body);
    } catch (error) {
      if (error instanceof HttpError || error instanceof EventsQueryError) return send(res, error.status, rateHeaders, errorBody(error.status, error.message));
      throw error;
    }
  };

  const server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once("close", () => inFlight--);
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      send(res, 500, {}, errorBody(500, error instanceof Error ? error.message : "Simulator failure."));
    });
  });
  const listener = await listenOnLoopback(server, options.port);
  const { port } = listener;
  const act = (action: ConversationAction) => (id: string, at?: number) => {
    const index = indexFromId(id, "cnv", size.conversations);
    if (index === undefined) throw new RangeError(`No simulated conversation ${id}.`);
    order.record(index, action, at ?? Math.floor(now() / 1000));
  };

  return {
    url: listener.url,
    port,
    companyHost: SIMULATED_COMPANY_HOST,
    dataset,
    writes,
    conversationOrder: order,
    tagConversation: act("tag"),
    assignConversation: act("assign"),
    commentConversation: act("comment"),
    replyConversation: act("reply"),
    receiveMessage: act("inbound"),
    stats: () => ({ requests, rateLimited, byPath: { ...byPath }, maxInFlight }),
    emitEvent: eventLog.emit,
    events: eventLog.all,
    failNext: (status, failOptions = {}) => {
      for (let k = 0; k < (failOptions.times ?? 1); k++) failures.push({ status, retryAfterSeconds: failOptions.retryAfterSeconds ?? 1 });
    },
    reset: () => {
      requests = 0;
      rateLimited = 0;
      maxInFlight = inFlight;
      byPath = {};
      writes.length = 0;
      failures.length = 0;
      eventLog.reset();
      limiter.clear();
    },
    stop: listener.stop,
  };
};
