/**
 * Polling mode: n8n calls poll() on the user's schedule; the node reads Front's events feed
 * from the cursor it keeps in the node's static data and emits the new events. The first
 * activation only anchors the cursor ("from now"), so turning the workflow on does not replay
 * Front's history; "Fetch test event" shows the latest events without moving the cursor.
 */
import { decodeEventCursorResult, FRONT_EVENT_TYPES, type FrontTools } from "@frontkit/tools";
import type { IDataObject, INodeExecutionData, IPollFunctions } from "n8n-workflow";
import { NodeOperationError } from "n8n-workflow";
import { FRONT_CREDENTIAL_NAME } from "./credentials.js";
import { toNodeError } from "./errors.js";
import { type FrontNodeOptions, type FrontSession, openSession } from "./session.js";
import { TRIGGER_PARAM } from "./trigger-description.js";
import { type EventFilter, FilterValueError, parseEventTypes, parseInboxIds } from "./trigger-filter.js";
import { eventItem } from "./trigger-items.js";

/** Static data key of the events feed cursor (the tools' compact `cursorString`). */
export const CURSOR_KEY = "eventsCursor";

/** Events "Fetch test event" shows at most (one request: Front lists newest first). */
export const TEST_EVENT_COUNT = 5;

/**
 * Most events one poll emits (at most 20 requests of 15). A backlog beyond it (a Start From far
 * back, a long outage) comes over the next polls instead of one poll outliving n8n's budget.
 */
export const POLL_EVENT_LIMIT = 300;

const filterOf = (ctx: IPollFunctions): EventFilter => {
  try {
    return {
      types: parseEventTypes(ctx.getNodeParameter(TRIGGER_PARAM.events, []), FRONT_EVENT_TYPES),
      inboxIds: parseInboxIds(ctx.getNodeParameter(TRIGGER_PARAM.inboxIds, "")),
    };
  } catch (error) {
    if (error instanceof FilterValueError) throw new NodeOperationError(ctx.getNode(), error.message);
    throw error;
  }
};

/** The user's `Start From` as ISO 8601, or undefined for "from now"; a value that is no time is refused. */
const startOf = (ctx: IPollFunctions): string | undefined => {
  const raw = ctx.getNodeParameter(TRIGGER_PARAM.startAt, "");
  if (raw === "" || raw === null || raw === undefined) return undefined;
  const at = new Date(String(raw));
  if (Number.isNaN(at.getTime())) {
    throw new NodeOperationError(ctx.getNode(), `Start From: "${String(raw).slice(0, 60)}" is not a date and time.`, {
      description: "Pick a date and time, or leave it empty to start with the events after activation.",
    });
  }
  return at.toISOString();
};

/** The saved cursor, if it is one the feed accepts. */
const savedCursor = (ctx: IPollFunctions, staticData: IDataObject): string | undefined => {
  const saved = staticData[CURSOR_KEY];
  if (saved === undefined) return undefined;
  if (typeof saved === "string" && decodeEventCursorResult(saved)._tag === "Success") return saved;
  // Failing every poll on a damaged position would stop the trigger for good; starting over from now is the lesser loss.
  ctx.logger.warn("Front Trigger: the saved events position is damaged; continuing from now", { node: ctx.getNode().name });
  return undefined;
};

const items = (events: ReadonlyArray<object>): INodeExecutionData[] =>
  events.map((event) => eventItem(event as never, { kind: "poll", deliveryType: "full" }));

const isEvent = (u: unknown): u is IDataObject =>
  typeof u === "object" && u !== null && !Array.isArray(u) && typeof (u as IDataObject)["id"] === "string";

/** The latest `count` events matching the filter, newest first: one `GET /events` through the raw request tool. */
const latestEvents = async (tools: FrontTools, filter: EventFilter, count: number): Promise<IDataObject[]> => {
  const q = {
    ...(filter.types.length > 0 ? { types: [...filter.types] } : {}),
    ...(filter.inboxIds.length > 0 ? { inboxes: [...filter.inboxIds] } : {}),
  };
  const output = await tools.invoke("raw-api-request", {
    method: "GET",
    path: "/events",
    query: { limit: count, ...(Object.keys(q).length > 0 ? { q } : {}) },
  });
  const body = typeof output === "object" && output !== null ? (output as IDataObject)["body"] : undefined;
  const results = typeof body === "object" && body !== null ? (body as IDataObject)["_results"] : undefined;
  return Array.isArray(results) ? results.filter(isEvent).slice(0, count) : [];
};

/** One poll (the node's `poll()`). */
export async function pollFrontEvents(this: IPollFunctions, options: FrontNodeOptions): Promise<INodeExecutionData[][] | null> {
  if (this.getNodeParameter(TRIGGER_PARAM.mode, "webhook") !== "polling") return null;
  const filter = filterOf(this);
  const start = startOf(this);
  const manual = this.getMode() === "manual";
  const credentials = await this.getCredentials(FRONT_CREDENTIAL_NAME);
  let session: FrontSession | undefined;
  try {
    session = openSession(credentials, options);
    if (manual) {
      // The editor's "Fetch test event": what Front has lately, without reading or moving the saved position.
      const latest = await latestEvents(session.tools, filter, TEST_EVENT_COUNT);
      return latest.length > 0 ? [items(latest)] : null;
    }
    const staticData = this.getWorkflowStaticData("node");
    const cursor = savedCursor(this, staticData);
    if (cursor === undefined && start === undefined) {
      // First activation from now: the feed would send nothing yet, so one small read proves the token may list
      // events (events:read) and activation fails now, in front of the user, rather than at the first poll.
      await latestEvents(session.tools, filter, 1);
    }
    // Without a cursor or Start From the feed starts at now, so no history floods the workflow.
    const result = await session.tools.pollEvents({
      ...(filter.types.length > 0 ? { types: filter.types } : {}),
      ...(filter.inboxIds.length > 0 ? { inboxIds: filter.inboxIds } : {}),
      ...(cursor !== undefined ? { cursor } : start !== undefined ? { since: start } : {}),
      maxEventsPerPoll: POLL_EVENT_LIMIT,
    });
    // Assigned only when it moved: n8n saves static data that changed, so a quiet poll writes nothing.
    if (staticData[CURSOR_KEY] !== result.cursorString) staticData[CURSOR_KEY] = result.cursorString;
    return result.events.length > 0 ? [items(result.events)] : null;
  } catch (error) {
    throw toNodeError(this.getNode(), error, 0, session?.redact ?? []);
  } finally {
    session?.release();
  }
}
