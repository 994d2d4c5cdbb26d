/**
 * The items of `GET /events`, decoded leniently: Front adds event types and fields over time and Prism's
 * examples break the spec's own schemas, so only what the feed relies on is checked (`id`, `type`,
 * `emitted_at`) and everything else is kept as Front sent it. An unknown `type` is just a string.
 */
import type { FrontEvent } from "@frontkit/core";
import { Schema, SchemaTransformation } from "effect";

export type { FrontEvent };

type JsonObject = { readonly [field: string]: unknown };

const isObject = (u: unknown): u is JsonObject => typeof u === "object" && u !== null && !Array.isArray(u);

const isParty = (u: unknown): boolean => isObject(u) && isObject(u["_meta"]) && typeof u["_meta"]["type"] === "string";

/**
 * Front leaves out or nulls `source` / `target` for events that have none (an archive has no target); those,
 * and any of the four nested fields not of the shape {@link FrontEvent} promises, are left out rather than
 * failing the page: one odd event must not stop the feed.
 */
const normalise = (event: JsonObject): FrontEvent => {
  const out: Record<string, unknown> = { ...event };
  if (!isParty(out["source"])) delete out["source"];
  if (!isParty(out["target"])) delete out["target"];
  if (!(isObject(out["conversation"]) && typeof out["conversation"]["id"] === "string")) delete out["conversation"];
  if (!isObject(out["_links"])) delete out["_links"];
  return out as unknown as FrontEvent;
};

const EventFields = Schema.StructWithRest(
  Schema.Struct({
    id: Schema.String.check(Schema.isMinLength(1, { message: "an event id must not be empty" })),
    type: Schema.String,
    emitted_at: Schema.Finite,
  }),
  [Schema.Record(Schema.String, Schema.Unknown)],
);

const FrontEventValue = Schema.declare((u: unknown): u is FrontEvent => isObject(u) && typeof u["id"] === "string");

/** Lenient schema of one `GET /events` item: checks id, type and emitted_at, keeps every other field. */
export const FrontEventSchema: Schema.Codec<FrontEvent, unknown, never, never> = EventFields.pipe(
  Schema.decodeTo(
    FrontEventValue,
    SchemaTransformation.transform({ decode: (e) => normalise(e), encode: (e) => e as typeof EventFields.Type }),
  ),
) as unknown as Schema.Codec<FrontEvent, unknown, never, never>;

/** Front's order of events (`sort_by=created_at`): emitted_at, then id. */
export const compareEvents = (a: FrontEvent, b: FrontEvent): number =>
  a.emitted_at - b.emitted_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
