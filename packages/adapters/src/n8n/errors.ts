/** Tool failures → n8n's node errors, with the item index and Front's message, never a secret. */
import type { ConfigSetting } from "@frontkit/tools";
import { type Redactor, redactorOf } from "@frontkit/tools/redact";
import { type INode, type JsonObject, NodeApiError, NodeOperationError } from "n8n-workflow";
import { FieldValueError } from "./input.js";

interface ToolFailure {
  readonly _tag?: unknown;
  readonly setting?: unknown;
  readonly message?: unknown;
  readonly status?: unknown;
  readonly title?: unknown;
  readonly details?: unknown;
  readonly issues?: unknown;
  readonly requestId?: unknown;
  readonly retryable?: unknown;
  readonly retryAfterMs?: unknown;
  readonly suggestions?: unknown;
}

/** What to mask: the secrets themselves (the credential's token), or a client lease's redactor. */
export type Secrets = ReadonlyArray<string> | Redactor;

const redactorFor = (secrets: Secrets): Redactor => ("text" in secrets ? secrets : redactorOf(secrets));

/**
 * What an n8n user does about the setting a tool error points at (the tools' errors state the fact and name the
 * setting; in n8n the token and base URL are fields of the Front API credential).
 */
const SETTING_ADVICE: Record<ConfigSetting, string> = {
  token: "Check the Token of the Front API credential, or create a new one in Front (Settings → Developers → API tokens).",
  baseUrl: "Check the Base URL of the Front API credential: Front's API is https://api2.frontapp.com.",
  timeoutMs: "Run the node again later, or ask for less (a smaller limit or fewer pages).",
  maxCallBytes: "Ask for fewer results (a smaller limit, Max Results or Max Pages).",
  maxListPages: "The list is longer than the node reads at once.",
};

const adviceFor = (setting: unknown): string | undefined =>
  typeof setting === "string" && Object.hasOwn(SETTING_ADVICE, setting) ? SETTING_ADVICE[setting as ConfigSetting] : undefined;

const strings = (u: unknown): string[] => (Array.isArray(u) ? u.filter((x): x is string => typeof x === "string") : []);

const issueLines = (u: unknown): string[] =>
  Array.isArray(u)
    ? u.flatMap((issue) => {
        if (typeof issue !== "object" || issue === null) return [];
        const { path, message } = issue as { path?: unknown; message?: unknown };
        return typeof message === "string" ? [typeof path === "string" && path !== "" ? `${path}: ${message}` : message] : [];
      })
    : [];

/** What a failed item carries in n8n's output when the node continues on fail. */
export interface FailureSummary {
  readonly message: string;
  readonly code: string;
  readonly description?: string;
  readonly status?: number;
  readonly retryable?: boolean;
  readonly requestId?: string;
}

/** A plain, secret-free summary of any failure. */
export const summarizeFailure = (error: unknown, secrets: Secrets): FailureSummary => {
  const redact = redactorFor(secrets);
  if (error instanceof FieldValueError) return { message: redact.text(error.message), code: "InvalidInput" };
  const e = (typeof error === "object" && error !== null ? error : { message: String(error) }) as ToolFailure;
  const message = typeof e.message === "string" && e.message !== "" ? e.message : "The Front call failed.";
  const lines = [...issueLines(e.issues), ...strings(e.details)];
  const suggestions = strings(e.suggestions);
  if (suggestions.length > 0) lines.push(`Did you mean: ${suggestions.join(", ")}?`);
  const advice = adviceFor(e.setting);
  if (advice !== undefined) lines.push(advice);
  const description = lines.length > 0 ? redact.text(lines.join("\n")) : undefined;
  return {
    message: redact.text(message),
    code: typeof e._tag === "string" ? e._tag : "Error",
    ...(description !== undefined ? { description } : {}),
    ...(typeof e.status === "number" ? { status: e.status } : {}),
    ...(typeof e.retryable === "boolean" ? { retryable: e.retryable } : {}),
    ...(typeof e.requestId === "string" ? { requestId: e.requestId } : {}),
  };
};

/**
 * NodeApiError when Front answered (it carries the HTTP code n8n shows), NodeOperationError
 * otherwise (bad input, no response). Errors n8n already raised pass through.
 */
export const toNodeError = (
  node: INode,
  error: unknown,
  itemIndex: number,
  secrets: Secrets,
): NodeApiError | NodeOperationError => {
  if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
  const summary = summarizeFailure(error, secrets);
  if (summary.status !== undefined) {
    // Only the secret-free summary reaches n8n: it stores and shows the error response object.
    const response: JsonObject = { ...summary };
    return new NodeApiError(node, response, {
      message: summary.message,
      ...(summary.description !== undefined ? { description: summary.description } : {}),
      httpCode: String(summary.status),
      itemIndex,
    });
  }
  return new NodeOperationError(node, summary.message, {
    itemIndex,
    ...(summary.description !== undefined ? { description: summary.description } : {}),
  });
};
