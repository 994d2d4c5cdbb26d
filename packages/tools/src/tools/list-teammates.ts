/** list-teammates: every teammate of the company (all pages). */
import { Effect, Schema } from "effect";
import { defineTool } from "../definition.js";
import { NoInput } from "../schemas/common.js";
import { Teammate } from "../schemas/teammate.js";
import { allTeammates } from "../teammates.js";

/** Input of list-teammates. */
export const ListTeammatesInput = NoInput;

/** Output of list-teammates. */
export const ListTeammatesOutput = Schema.Struct({
  teammates: Schema.Array(Teammate),
  count: Schema.Int,
});

/** list-teammates tool definition. */
export const listTeammates = defineTool({
  name: "list-teammates",
  title: "List teammates",
  description:
    "Use this to find teammates (tea_…) by name or email, e.g. to assign a conversation or to know who is available. " +
    "Returns every teammate of the company (all pages) as { teammates, count } with id, email, username, names, admin/available/blocked flags and type. " +
    "Takes no input. Read-only.",
  input: ListTeammatesInput,
  output: ListTeammatesOutput,
  annotations: { readOnly: true, destructive: false, idempotent: true, openWorld: true },
  menu: { resource: "teammate", operation: "getAll", label: "Get Many" },
  paging: { mode: "all", items: "teammates" },
  examples: [{ title: "Every teammate", input: {} }],
  run: () => Effect.map(allTeammates(), (teammates) => ({ teammates: [...teammates], count: teammates.length })),
});
