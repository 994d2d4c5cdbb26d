/**
 * The tools' request events (each HTTP attempt and retry wait) in words, for the bin's `--verbose` lines
 * on stderr and for MCP log messages. An event carries the method and Front path template, status,
 * timings and the attempt number — never the token, a body, a query or a concrete path — so a line can be
 * shown as is. Imports only types, so the bin can use it before loading the tools.
 */
import type { RequestEvent } from "@frontkit/tools";

/** MCP's log levels (RFC 5424's), least severe first. */
export const LOG_LEVELS = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"] as const;
/** One MCP log level. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Level an MCP client gets without asking: what needs attention (failures, waits), not every request. */
export const DEFAULT_LOG_LEVEL: LogLevel = "info";

/** Waiting this long for the rate limiter makes an otherwise routine attempt worth an info line. */
const NOTABLE_QUEUE_MS = 1_000;

/** True when `level` is at least as severe as `minimum`. */
export const atLeast = (level: LogLevel, minimum: LogLevel): boolean => LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(minimum);

/** How much an event matters: a retry wait is a warning, a failed or long-queued attempt info, the rest debug. */
export const levelOf = (event: RequestEvent): LogLevel => {
  if (event.type === "retry") return "warning";
  return event.error !== undefined || event.queuedMs >= NOTABLE_QUEUE_MS ? "info" : "debug";
};

const REASONS: Readonly<Record<string, string>> = {
  RateLimited: "rate limited",
  ServerError: "server error",
  Transport: "no response",
};

/** One line: `GET /tags → 200 in 84 ms (attempt 1)`, or `GET /tags: rate limited (HTTP 429); retrying in 1050 ms (attempt 2)`. */
export const formatRequestEvent = (event: RequestEvent): string => {
  if (event.type === "retry") {
    const status = event.status === undefined ? "" : ` (HTTP ${event.status})`;
    return `${event.operation}: ${REASONS[event.reason] ?? event.reason}${status}; retrying in ${event.delayMs} ms (attempt ${event.attempt})`;
  }
  const outcome = [event.status === undefined ? "no response" : String(event.status), event.error].filter((p) => p !== undefined).join(" ");
  const queued = event.queuedMs >= 1 ? `, queued ${event.queuedMs} ms for the rate limiter` : "";
  return `${event.operation} → ${outcome} in ${event.durationMs} ms (attempt ${event.attempt}${queued})`;
};
