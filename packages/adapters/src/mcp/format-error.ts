/**
 * The one place a failed tool call becomes an MCP result. Errors never cross
 * the MCP boundary as exceptions: every failure is `isError: true` content an
 * agent can act on — what was wrong, what to do next, and (second block) the
 * error's fields as JSON for programs. The token is masked on the way out.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ConfigSetting, FrontToolError } from "@frontkit/tools";
import { type Redactor, redactorOf } from "@frontkit/tools/redact";
import { type SettingsAudience, serverSettingNames } from "./setting-names.js";

/** Context for formatting one failure. */
export interface FormatErrorContext {
  /** The tool that failed. */
  readonly tool: string;
  /** Strings that must never appear in the result (the Front token). */
  readonly secrets?: ReadonlyArray<string>;
  /** Masks the secrets instead of `secrets` (a client cache lease's redactor). */
  readonly redact?: Redactor;
  /** Clock for "retry at" times (tests). */
  readonly now?: () => number;
  /** Who configured the server (default code): advice names the bin's flags for `cli`, the options for `code`. */
  readonly audience?: SettingsAudience | undefined;
}

// The typed errors' shape (a string `_tag` and `message`), checked here rather than with the tools'
// `isFrontToolError` so this module loads nothing from @frontkit/tools at runtime (see catalog-server.ts).
const isToolError = (u: unknown): u is FrontToolError =>
  typeof u === "object" &&
  u !== null &&
  typeof (u as { _tag?: unknown })._tag === "string" &&
  typeof (u as { message?: unknown }).message === "string";

const seconds = (ms: number): string => {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return `${s} second${s === 1 ? "" : "s"}`;
};

// What the agent should do next, per error kind. The error's own `message` says what happened.
const nextStep = (error: FrontToolError, tool: string, now: number, audience: SettingsAudience | undefined): string | undefined => {
  switch (error._tag) {
    case "InvalidInput": {
      // A tool this server does not offer (catalog-server.ts): how to get it, in the words of whoever configured it.
      const hiddenBy = (error as { hiddenBy?: unknown }).hiddenBy;
      const names = serverSettingNames(audience);
      if (hiddenBy === "readOnly") return `Nothing was sent to Front. Restart the server without ${names.readOnly} to use ${tool}, or ask whoever configured it.`;
      if (hiddenBy === "tools") return `Nothing was sent to Front. Restart the server with ${tool} added to ${names.tools} to use it.`;
    }
      // Without issues the message itself says what to change (e.g. a tool this server does not offer).
      return !Array.isArray(error.issues) || error.issues.length === 0 ? "Nothing was sent to Front." : "Nothing was sent to Front. Fix the fields listed above and call the tool again.";
    case "Unauthorized":
      return "The Front API token is missing, invalid or revoked. Ask the user to check the token configured for this server; retrying will not help.";
    case "Forbidden":
      return "The token is valid but may not access this resource. Use a token with the needed namespace (e.g. shared or private resources) or ask a Front admin; retrying will not help.";
    case "NotFound": {
      const hint = error.suggestions !== undefined && error.suggestions.length > 0 ? ` Did you mean: ${error.suggestions.join(", ")}?` : "";
      return `Check the id or alias (e.g. alt:email:someone@example.com); the list-* tools return valid ids.${hint}`;
    }
    case "Conflict":
      return "The resource changed or is in a state that forbids this. Fetch it again and decide with its current state.";
    case "Validation":
      return "Front rejected the request's content; correct it using the details and call again.";
    case "RateLimited": {
      const wait = error.retryAfterMs ?? (error.resetAt !== undefined ? Math.max(0, error.resetAt - now) : undefined);
      const when = wait === undefined ? "in a minute" : `in ${seconds(wait)} (after ${new Date(now + wait).toISOString()})`;
      const burst = error.tier !== undefined ? ` This was Front's per-resource burst limit (tier ${error.tier}); spread calls out.` : "";
      return `Front's rate limit for this account is exhausted; the server already retried. Call ${tool} again ${when}, and make fewer calls meanwhile.${burst}`;
    }
    case "ServerError":
      return error.retryable
        ? "Front had a server error. Retry in a little while; if it persists, check https://status.frontapp.com."
        : `Front had a server error and ${tool} may or may not have taken effect. Check in Front before calling it again, so nothing is done twice.`;
    case "Transport":
      switch (error.reason) {
        case "aborted":
          return "The call was cancelled; call it again if the result is still needed.";
        case "timeout":
          return "Front did not answer in time. Retry later, or ask for less (a smaller limit or fewer pages).";
        case "dns":
          return "Front's host could not be resolved; check the network.";
        default:
          return error.retryable
            ? "The connection to Front failed. Retry in a little while."
            : `The connection to Front failed and ${tool} may or may not have taken effect. Check in Front before calling it again.`;
      }
    case "UnexpectedResponse":
      return error.setting === "maxCallBytes"
        ? "Ask for fewer results (a smaller limit, max_results or max_pages) and call again."
        : "Front answered with something this tool cannot read. Retry later; if it persists, report it with the request id.";
    case "Disposed":
      return "Nothing was sent to Front: this server's Front client was already shut down (the server is stopping or restarting). Reconnect, or restart the MCP server, then call the tool again.";
  }
};

/** Where the setting a failure points at is configured for this MCP server (the tools' errors only name the setting). */
const SETTING_PLACE: Record<ConfigSetting, string> = {
  token: "The token is FRONT_API_TOKEN for the stdio server, or the Bearer token of the HTTP connection.",
  baseUrl: "Check that the server's base URL (FRONT_API_BASE_URL) points at Front's Core API.",
  timeoutMs: "The server's timeoutMs bounds how long one request may take.",
  maxCallBytes: "The server's maxCallBytes bounds how much one call may read.",
  maxListPages: "The server's maxListPages bounds how many pages one whole-list read may request.",
};

const settingPlace = (error: FrontToolError): string | undefined => {
  const setting = (error as { setting?: unknown }).setting;
  return typeof setting === "string" && Object.hasOwn(SETTING_PLACE, setting) ? SETTING_PLACE[setting as ConfigSetting] : undefined;
};

const fieldsOf = (error: FrontToolError): Record<string, unknown> => {
  // Own enumerable fields only (the tagged classes keep their fields there); never a stack.
  const out: Record<string, unknown> = { _tag: error._tag };
  for (const [k, v] of Object.entries(error)) if (k !== "stack" && v !== undefined) out[k] = v;
  out["message"] = error.message;
  return out;
};

const describe = (error: FrontToolError, tool: string, now: number, audience: SettingsAudience | undefined): string => {
  const lines: string[] = [];
  const status = error.status === undefined ? "" : ` (HTTP ${error.status})`;
  if (error._tag === "InvalidInput" && Array.isArray(error.issues) && error.issues.length > 0) {
    // The issues, one per line with their paths, say it all; the message would repeat them.
    lines.push(`${tool} failed — InvalidInput: the arguments do not match the tool's input schema:`);
    for (const issue of error.issues) lines.push(`- ${issue.path === "" ? "(input)" : issue.path}: ${issue.message}`);
  } else {
    lines.push(`${tool} failed — ${error._tag}${status}: ${error.message}`);
  }
  if (error.details !== undefined) for (const d of error.details) lines.push(`- ${d}`);
  // An error kind newer than this adapter still gets its own message; only the advice is generic.
  lines.push(nextStep(error, tool, now, audience) ?? (error.retryable ? "It may succeed if retried later." : "Retrying the same call will not help."));
  const place = settingPlace(error);
  if (place !== undefined) lines.push(place);
  if (error.requestId !== undefined) lines.push(`Front request id: ${error.requestId}`);
  return lines.join("\n");
};

/** Turns anything a tool call rejected with into an `isError` result; never throws. */
export const formatToolError = (error: unknown, context: FormatErrorContext): CallToolResult => {
  const redact = context.redact ?? redactorOf(context.secrets ?? []);
  const now = (context.now ?? Date.now)();
  if (isToolError(error)) {
    return {
      isError: true,
      content: [
        { type: "text", text: redact.text(describe(error, context.tool, now, context.audience)) },
        { type: "text", text: JSON.stringify({ error: redact.json(fieldsOf(error)) }) },
      ],
    };
  }
  // Not one of the typed errors: a bug in frontkit. Say so plainly, without a stack.
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  return {
    isError: true,
    content: [
      {
        type: "text",
        text: redact.text(
          `${context.tool} failed with an internal error (${name}: ${message}). This is a bug in frontkit, not in the input; retrying may not help. Please report it.`,
        ),
      },
      { type: "text", text: JSON.stringify({ error: { _tag: "InternalError", message: redact.text(message) } }) },
    ],
  };
};
