import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from "node:http";
import type { Socket } from "node:net";
import { listenOnLoopback } from "./loopback-server.js";
import type { Fault } from "./faults.js";

/** One request as the proxy received it (authorization kept: tests use fake tokens). */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query string, e.g. `/conversations?limit=5`. */
  readonly url: string;
  /** Path without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** The body decoded as UTF-8. */
  readonly bodyText: string;
  /** Which fault the proxy applied to this request. */
  readonly fault: Fault["kind"];
  readonly receivedAt: number;
}

/** What a rule's `when` sees of a request. */
export interface FaultRequest {
  readonly method: string;
  /** Path and query string. */
  readonly url: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/**
 * Selects requests for a rule: method (case-insensitive); path equal to the path, or a RegExp tested on
 * path+query; `when`, a predicate over the request (headers included), checked after method and path.
 */
export interface FaultMatch {
  readonly method?: string;
  readonly path?: string | RegExp;
  readonly when?: (request: FaultRequest) => boolean;
}

/** A rule added with `on`; `remove()` deletes it, `hits` counts the requests it answered. */
export interface FaultRule {
  readonly hits: number;
  remove(): void;
}

/** A programmable proxy in front of a target server (usually Prism). */
export interface FaultProxy {
  readonly url: string;
  readonly port: number;
  /** Every request received, in order; cleared in place by `reset()`. */
  readonly requests: RecordedRequest[];
  /** Queues faults applied one per request, first in first out, to requests no rule matches. */
  enqueue(...faults: Fault[]): void;
  /** Applies `fault` to matching requests, `times` times (default: until removed). Rules win over the queue. */
  on(match: FaultMatch, fault: Fault, options?: { times?: number }): FaultRule;
  /** Clears queued faults, rules and recorded requests. */
  reset(): void;
  /** Closes the server and every open socket (including requests held by `timeout`). Idempotent. */
  stop(): Promise<void>;
}

interface MutableRule {
  readonly match: FaultMatch;
  readonly fault: Fault;
  remaining: number;
  hits: number;
}

const matches = (match: FaultMatch, request: FaultRequest): boolean => {
  const { method, path, url } = request;
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path !== undefined && !(typeof match.path === "string" ? match.path === path : match.path.test(url))) return false;
  return match.when === undefined || match.when(request);
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolveBody(Buffer.concat(chunks)));
    req.on("error", reject);
  });

const rateLimitedAnswer = (fault: Extract<Fault, { kind: "rateLimited" }>) => {
  const now = Math.floor(Date.now() / 1000);
  const retrySeconds = fault.retryAfter !== null && /^\d+$/.test(fault.retryAfter) ? Number(fault.retryAfter) : 1;
  const headers: OutgoingHttpHeaders = {
    "content-type": "application/json",
    "x-ratelimit-limit": String(fault.limit),
    "x-ratelimit-remaining": String(fault.remaining),
    "x-ratelimit-reset": String(fault.resetSeconds ?? now + retrySeconds),
  };
  if (fault.retryAfter !== null) headers["retry-after"] = fault.retryAfter;
  if (fault.tier !== undefined) headers["x-front-tier"] = fault.tier;
  const body = JSON.stringify({
    _error: {
      status: 429,
      title: "Too many requests",
      message: `Rate limit exceeded. Please retry in ${retrySeconds} seconds.`,
    },
  });
  return { headers, body };
};

const HTML_PAGE = (code: number): string =>
  `<!DOCTYPE html>\n<html><head><title>${code} Bad Gateway</title></head>` +
  `<body><center><h1>${code} Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n`;

// Waits for backpressure to clear, or for the client to go away.
const drained = (res: ServerResponse): Promise<void> =>
  new Promise((resolveDrain) => {
    const done = (): void => {
      res.removeListener("drain", done);
      res.removeListener("close", done);
      resolveDrain();
    };
    res.once("drain", done);
    res.once("close", done);
  });

const writeHugeBody = async (res: ServerResponse, bytes: number): Promise<void> => {
  // `{"_results":[],"padding":"xxx…"}` keeps the body valid JSON at exactly `bytes` bytes.
  const head = '{"_results":[],"padding":"';
  const tail = '"}';
  const padding = Math.max(0, bytes - head.length - tail.length);
  res.writeHead(200, { "content-type": "application/json", "content-length": String(head.length + padding + tail.length) });
  res.write(head);
  const chunk = "x".repeat(64 * 1024);
  let left = padding;
  while (left > 0 && !res.destroyed) {
    const piece = left >= chunk.length ? chunk : chunk.slice(0, left);
    left -= piece.length;
    if (!res.write(piece)) await drained(res);
  }
  res.end(tail);
};

/** Starts a fault-injecting HTTP proxy on 127.0.0.1 in front of `target`. */
export const startFaultProxy = async (options: {
  target: string;
  port?: number;
  /** Called with each request as it is recorded, before the fault is applied (e.g. to log it). */
  onRequest?: (request: RecordedRequest) => void;
}): Promise<FaultProxy> => {
  const target = new URL(options.target);
  const targetBasePath = target.pathname.replace(/\/$/, "");
  const requests: RecordedRequest[] = [];
  const queue: Fault[] = [];
  let rules: MutableRule[] = [];

  const pickFault = (request: FaultRequest): Fault => {
    const rule = rules.find((r) => r.remaining > 0 && matches(r.match, request));
    if (rule !== undefined) {
      rule.remaining -= 1;
      rule.hits += 1;
      return rule.fault;
    }
    return queue.shift() ?? { kind: "passThrough" };
  };

  const forward = (
    req: IncomingMessage,
    body: Buffer,
    res: ServerResponse,
    onResponse: (upstream: IncomingMessage) => void,
  ): void => {
    const headers: OutgoingHttpHeaders = { ...req.headers, host: target.host };
    headers["content-length"] = String(body.length);
    delete headers["transfer-encoding"];
    const upstreamReq = httpRequest(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: `${targetBasePath}${req.url ?? "/"}`,
        headers,
        agent: false,
      },
      onResponse,
    );
    upstreamReq.on("error", (error) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { "content-type": "text/plain", "x-fault-proxy-error": "upstream" });
      res.end(`fault proxy: could not reach ${target.origin}: ${error.message}`);
    });
    res.on("close", () => upstreamReq.destroy());
    upstreamReq.end(body);
  };

  const apply = async (fault: Fault, req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> => {
    switch (fault.kind) {
      case "passThrough":
        return forward(req, body, res, (upstream) => {
          res.writeHead(upstream.statusCode ?? 502, upstream.headers);
          upstream.pipe(res);
        });
      case "delay":
        await sleep(fault.ms);
        if (res.destroyed) return;
        return apply({ kind: "passThrough" }, req, body, res);
      case "status":
        res.writeHead(fault.code, fault.headers);
        return void res.end(fault.body);
      case "rateLimited": {
        const answer = rateLimitedAnswer(fault);
        res.writeHead(429, answer.headers);
        return void res.end(answer.body);
      }
      case "connectionReset": {
        const socket = req.socket as Socket & { resetAndDestroy?: () => void };
        if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
        else socket.destroy();
        return;
      }
      case "timeout":
        // Hold the request open; stop() destroys the socket.
        return;
      case "malformedJson":
        res.writeHead(fault.code, { "content-type": "application/json" });
        return void res.end('{"_results":[{"id":"cnv_1","subject":"trunc');
      case "html":
        res.writeHead(fault.code, { "content-type": "text/html; charset=utf-8" });
        return void res.end(HTML_PAGE(fault.code));
      case "emptyBody":
        res.writeHead(fault.code, { "content-type": "application/json", "content-length": "0" });
        return void res.end();
      case "slowBody":
        return forward(req, body, res, (upstream) => {
          void readBody(upstream).then(async (payload) => {
            const headers = { ...upstream.headers, "content-length": String(payload.length) };
            delete headers["transfer-encoding"];
            res.writeHead(upstream.statusCode ?? 502, headers);
            const pieces = Math.max(1, Math.min(10, payload.length));
            const size = Math.ceil(payload.length / pieces);
            for (let i = 0; i < pieces && !res.destroyed; i++) {
              res.write(payload.subarray(i * size, (i + 1) * size));
              await sleep(fault.ms / pieces);
            }
            res.end();
          });
        });
      case "hugeBody":
        return writeHugeBody(res, fault.bytes);
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = req.url ?? "/";
      const parsed = new URL(url, "http://proxy.invalid");
      const method = req.method ?? "GET";
      const fault = pickFault({ method, url, path: parsed.pathname, headers: req.headers });
      const recorded: RecordedRequest = {
        method,
        url,
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: req.headers,
        body,
        bodyText: body.toString("utf8"),
        fault: fault.kind,
        receivedAt: Date.now(),
      };
      requests.push(recorded);
      options.onRequest?.(recorded);
      await apply(fault, req, body, res);
    })().catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`fault proxy failure: ${error instanceof Error ? error.message : String(error)}`);
      } else res.destroy();
    });
  });
  const listener = await listenOnLoopback(server, options.port);
  const { port } = listener;
  return {
    url: listener.url,
    port,
    requests,
    enqueue: (...faults) => void queue.push(...faults),
    on: (match, fault, ruleOptions = {}) => {
      const rule: MutableRule = { match, fault, remaining: ruleOptions.times ?? Number.POSITIVE_INFINITY, hits: 0 };
      rules.push(rule);
      return {
        get hits() {
          return rule.hits;
        },
        remove: () => {
          rules = rules.filter((r) => r !== rule);
        },
      };
    },
    reset: () => {
      queue.length = 0;
      rules = [];
      requests.length = 0;
    },
    stop: listener.stop,
  };
};
