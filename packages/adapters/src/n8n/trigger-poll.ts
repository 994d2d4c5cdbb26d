/**
 * Polling mode: n8n calls poll() on the user's schedule; the node reads Front's events feed
 * from the cursor it keeps in the node's static data and emits the new events. The first
 * activation only anchors the cursor ("from now"), so turning the workflow on does not replay
 * Front's history; "Fetch test event" shows the latest events without moving the cursor.
 */
import { FRONT_EVENT_TYPES } from "@frontkit/tools";
import type { IDataObject, INodeExecutionData, IPollFunctions } from "n8n-workflow";
import { NodeOperationError } from "n8n-workflow";
import { FRONT_CREDENTIAL_NAME } from "./credentials.js";
import { toNodeError } from "./errors.js";
import { type FrontNodeOptions, type FrontSession, openSession } from "./session.js";
import { rememberEvent } from "./trigger-dedupe.js";
import { TRIGGER_PARAM } from "./trigger-description.js";
import { type EventFilter, FilterValueError, parseEventTypes, parseInboxIds } from "./trigger-filter.js";
import { eventItem } from "./trigger-items.js";

/** Static data key of the events feed cursor (the tools' serialised cursor). */
export const CURSOR_KEY = "eventsCursor";

/** Events "Fetch test event" shows at most. */
export const TEST_EVENT_COUNT = 5;

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

/** The user's `Start From`, or undefined for "from now"; a value that is no time is refused. */
const startOf = (ctx: IPollFunctions): Date | undefined => {
  const raw = ctx.getNodeParameter(TRIGGER_PARAM.startAt, "");
  if (raw === "" || raw === null || raw === undefined) return undefined;
  const at = new Date(String(raw));
  if (Number.isNaN(at.getTime())) {
    throw new NodeOperationError(ctx.getNode(), `Start From: "${String(raw).slice(0, 60)}" is not a date and time.`, {
      description: "Pick a date and time, or leave it empty to start with the events after activation.",
    });
  }
  return at;
};

const itemsOf = (events: ReadonlyArray<IDataObject>): INodeExecutionData[] =>
  events.map((event) => eventItem(event as never, { kind: "poll", deliveryType: "full" }));

/** One poll (the node's `poll()`). */
export async function pollFrontEvents(this: IPollFunctions, options: FrontNodeOptions): Promise<INodeExecutionData[][] | null> {
  if (this.getNodeParameter(TRIGGER_PARAM.mode, "webhook") !== "polling") return null;
  const filter = filterOf(this);
  const query = {
    ...(filter.types.length > 0 ? { types: filter.types } : {}),
    ...(filter.inboxIds.length > 0 ? { inboxIds: filter.inboxIds } : {}),
  };
  const manual = this.getMode() === "manual";
  const start = startOf(this);
  const credentials = await this.getCredentials(FRONT_CREDENTIAL_NAME);
  let session: FrontSession | undefined;
  try {
    session = openSession(credentials, options);
    const { tools } = session;
    if (manual) {
      // The editor's "Fetch test event": what a run would get, without touching the cursor.
      const latest = await tools.pollEvents({ ...query, latest: TEST_EVENT_COUNT });
      return latest.events.length > 0 ? [itemsOf(latest.events as never)] : null;
    }
    const staticData = this.getWorkflowStaticData("node");
    const saved = typeof staticData[CURSOR_KEY] === "string" ? staticData[CURSOR_KEY] : undefined;
    const result = await tools.pollEvents({
      ...query,
      ...(saved !== undefined ? { cursor: saved } : start !== undefined ? { since: start } : { since: new Date() }),
    });
    staticData[CURSOR_KEY] = result.cursorString;
    const now = Date.now();
    const fresh = result.events.filter((event) => rememberEvent(staticData, event.id, now));
    return fresh.length > 0 ? [itemsOf(fresh as never)] : null;
  } catch (error) {
    throw toNodeError(this.getNode(), error, 0, session?.secrets ?? []);
  } finally {
    await session?.tools.dispose();
  }
}
