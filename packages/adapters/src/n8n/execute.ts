/** The node's execute(): one tool call per input item, in n8n's real execution context. */
import { type FrontTools, pageThrough } from "@frontkit/tools";
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from "n8n-workflow";
import { NodeOperationError } from "n8n-workflow";
import { FRONT_CREDENTIAL_NAME } from "./credentials.js";
import { PARAM } from "./description.js";
import { summarizeFailure, toNodeError } from "./errors.js";
import { decodeObject, FieldValueError } from "./input.js";
import { toolNameFor } from "./operations.js";
import type { OperationPlan } from "./plan.js";
import { ADDITIONAL_FIELDS } from "./properties.js";
import { API_OPERATION_PARAM, applyPickedOperation, pickedOperationId, RAW_TOOL_NAME } from "./raw-operation.js";
import { type FrontNodeOptions, openSession } from "./session.js";

/** Most tool calls one item's Return All makes (each call brings a page, or up to the tool's max_results). */
export const MAX_CALLS_PER_ITEM = 1_000;

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u);

const readAttachments = async (ctx: IExecuteFunctions, plan: OperationPlan, itemIndex: number): Promise<unknown[] | undefined> => {
  const spec = plan.attachments;
  if (spec === undefined) return undefined;
  const names = String(ctx.getNodeParameter(PARAM.binaryProperties, itemIndex, ""))
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
  if (names.length === 0) return undefined;
  const out: unknown[] = [];
  for (const name of names) {
    const binary = ctx.helpers.assertBinaryData(itemIndex, name);
    const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, name);
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    out.push({
      [spec.filenameKey]: binary.fileName ?? name,
      ...(spec.contentTypeKey !== undefined ? { [spec.contentTypeKey]: binary.mimeType || "application/octet-stream" } : {}),
      [spec.dataKey]: spec.dataEncoding === "base64" ? Buffer.from(bytes).toString("base64") : bytes,
    });
  }
  return out;
};

/** The tool input for one item, from the node parameters (and binary data for attachments). */
export const readInput = async (ctx: IExecuteFunctions, plan: OperationPlan, itemIndex: number): Promise<unknown> => {
  const whole = plan.fields.find((f) => f.key === "");
  if (whole !== undefined) {
    return decodeObject([whole], { [whole.param]: ctx.getNodeParameter(whole.param, itemIndex) })[""] ?? {};
  }
  const values: Record<string, unknown> = {};
  for (const field of plan.fields.filter((f) => f.required)) {
    values[field.param] = ctx.getNodeParameter(field.param, itemIndex, undefined);
  }
  if (plan.fields.some((f) => !f.required)) {
    const extra = ctx.getNodeParameter(ADDITIONAL_FIELDS, itemIndex, {});
    if (isRecord(extra)) Object.assign(values, extra);
  }
  let input = decodeObject(plan.fields, values);
  // The picker is not a tool input: it only sets method and path, which the tool then checks as usual.
  if (plan.tool.name === RAW_TOOL_NAME) {
    input = applyPickedOperation(input, pickedOperationId(ctx.getNodeParameter(API_OPERATION_PARAM, itemIndex, "", { extractValue: true })));
  }
  const attachments = await readAttachments(ctx, plan, itemIndex);
  if (attachments !== undefined && plan.attachments !== undefined) input[plan.attachments.key] = attachments;
  return input;
};

const asItems = (value: unknown): IDataObject[] =>
  Array.isArray(value) ? value.map((v) => (isRecord(v) ? (v as IDataObject) : { value: v as never })) : [];

// A single-property answer ({ contact }) becomes that object, as n8n users expect from a "Get".
const asSingleItem = (output: unknown): IDataObject => {
  if (!isRecord(output)) return { value: output as never };
  const keys = Object.keys(output);
  const only = keys.length === 1 ? output[keys[0] as string] : undefined;
  return isRecord(only) ? (only as IDataObject) : (output as IDataObject);
};

/** Runs one tool call (or, for Return All, as many pages as needed) and returns the result items. */
export const runOperation = async (
  ctx: IExecuteFunctions,
  tools: FrontTools,
  plan: OperationPlan,
  input: unknown,
  itemIndex: number,
  signal: AbortSignal | undefined,
): Promise<IDataObject[]> => {
  const name = plan.tool.name;
  const options = signal !== undefined ? { signal } : undefined;
  if (plan.paging === undefined || plan.listKey === undefined) return [asSingleItem(await tools.invoke(name, input, options))];
  const returnAll = ctx.getNodeParameter(PARAM.returnAll, itemIndex, false) === true;
  const limit = returnAll ? Number.POSITIVE_INFINITY : Math.max(1, Number(ctx.getNodeParameter(PARAM.limit, itemIndex, 50)));
  const listKey = plan.listKey;
  if (plan.paging.mode === "all") {
    const output = await tools.invoke(name, input, options);
    const all = asItems(isRecord(output) ? output[listKey] : undefined);
    return returnAll ? all : all.slice(0, limit);
  }
  const { limitKey, tokenKey, nextKey, maxPageSize, auto } = plan.paging;
  const collected: IDataObject[] = [];
  const pageInput = (pageToken: string | undefined) => {
    const remaining = limit - collected.length;
    // With the tool's own auto-paging one call brings up to max_results (its pages stay on
    // the configured base URL); the node continues from its next token beyond that.
    return {
      ...(isRecord(input) ? input : {}),
      [limitKey]: Math.min(maxPageSize, remaining),
      ...(auto !== undefined ? { [auto.flagKey]: true, [auto.maxKey]: Math.min(auto.maxResults, remaining) } : {}),
      ...(pageToken !== undefined ? { [tokenKey]: pageToken } : {}),
    };
  };
  // Only the tool's next token says whether a list goes on; the one page-through (pageThrough) ends it on a
  // missing or repeated token (Front and its mock can hand one back) and bounds the calls.
  const calls = pageThrough(
    (pageToken) => tools.invoke(name, pageInput(pageToken), options),
    (output) => {
      if (collected.length >= limit) return undefined;
      const next = isRecord(output) ? output[nextKey] : undefined;
      return typeof next === "string" ? next : undefined;
    },
    { maxPages: MAX_CALLS_PER_ITEM },
  );
  for (let call = await calls.next(); ; call = await calls.next()) {
    if (call.done === true) {
      if (call.value.stop === "budget") {
        throw new NodeOperationError(
          ctx.getNode(),
          `Return All stopped after ${MAX_CALLS_PER_ITEM} calls of ${name} (${collected.length} items) and the list goes on; set a Limit, or narrow the filters.`,
          { itemIndex },
        );
      }
      break;
    }
    collected.push(...asItems(isRecord(call.value) ? call.value[listKey] : undefined));
  }
  return Number.isFinite(limit) ? collected.slice(0, limit) : collected;
};

/** execute() of the Front node. `plans` are the operations; `options` reach createFrontTools. */
export async function executeFront(
  this: IExecuteFunctions,
  plans: ReadonlyArray<OperationPlan>,
  options: FrontNodeOptions = {},
): Promise<INodeExecutionData[][]> {
  const items = this.getInputData();
  const node = this.getNode();
  const credentials = await this.getCredentials(FRONT_CREDENTIAL_NAME);
  const toolNames = plans.map((p) => p.tool.name);
  const signal = this.getExecutionCancelSignal?.();
  const results: INodeExecutionData[] = [];
  let session: ReturnType<typeof openSession> | undefined;
  let sessionError: unknown;
  try {
    // One FrontTools for all items: they share its rate limiter, retries and caches.
    session = openSession(credentials, options);
  } catch (error) {
    sessionError = error;
  }
  const secrets = session?.redact ?? (typeof credentials["token"] === "string" ? [credentials["token"]] : []);
  try {
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      try {
        if (session === undefined) throw sessionError;
        const resource = String(this.getNodeParameter(PARAM.resource, itemIndex));
        const operation = String(this.getNodeParameter(PARAM.operation, itemIndex));
        const toolName = toolNameFor(toolNames, resource, operation);
        const plan = plans.find((p) => p.tool.name === toolName);
        if (plan === undefined) {
          throw new NodeOperationError(node, `The operation "${operation}" of resource "${resource}" is not supported.`, { itemIndex });
        }
        const input = await readInput(this, plan, itemIndex);
        const out = await runOperation(this, session.tools, plan, input, itemIndex, signal);
        for (const json of out) results.push({ json, pairedItem: { item: itemIndex } });
      } catch (error) {
        const nodeError = error instanceof FieldValueError
          ? new NodeOperationError(node, error.message, { itemIndex })
          : toNodeError(node, error, itemIndex, secrets);
        if (!this.continueOnFail()) throw nodeError;
        const summary = summarizeFailure(error, secrets);
        results.push({
          json: {
            error: summary.message,
            code: summary.code,
            ...(summary.status !== undefined ? { status: summary.status } : {}),
            ...(summary.description !== undefined ? { description: summary.description } : {}),
          },
          pairedItem: { item: itemIndex },
        });
      }
    }
  } finally {
    session?.release();
  }
  return [results];
}
