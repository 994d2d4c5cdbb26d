/**
 * Event ids the trigger has already started a workflow for, kept in the node's static data
 * so a repeated delivery (a retry, a rule firing twice, two polls overlapping on the cursor
 * boundary) starts at most one run. Bounded in time and size: static data is saved with the
 * workflow on every run, so it must stay small.
 */
import type { IDataObject } from "n8n-workflow";

/** Static data key of the remembered ids (id → unix ms first seen). */
export const SEEN_EVENTS_KEY = "seenEventIds";

/** How long an id is remembered. */
export const DEDUPE_WINDOW_MS = 60 * 60 * 1000;

/** Most ids remembered; the oldest are forgotten first. */
export const DEDUPE_MAX_IDS = 500;

const seenOf = (staticData: IDataObject): Array<[string, number]> => {
  const raw = staticData[SEEN_EVENTS_KEY];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return [];
  return Object.entries(raw).filter((entry): entry is [string, number] => typeof entry[1] === "number");
};

/**
 * Records `id` as seen at `now`. Returns true the first time within the window (start a run),
 * false for a repeat (drop it).
 */
export const rememberEvent = (staticData: IDataObject, id: string, now: number): boolean => {
  const fresh = seenOf(staticData).filter(([, at]) => now - at < DEDUPE_WINDOW_MS);
  if (fresh.some(([seen]) => seen === id)) {
    return false;
  }
  fresh.push([id, now]);
  const kept = fresh.sort((a, b) => a[1] - b[1]).slice(-DEDUPE_MAX_IDS);
  // A new object each time: n8n notices static data changes by assignment, and saves them with the run.
  staticData[SEEN_EVENTS_KEY] = Object.fromEntries(kept);
  return true;
};
