/**
 * Which tools a server exposes: all of them, only the read-only ones, or a named
 * subset. Everything comes from the catalog (`toolCatalog`); this file only filters it.
 */
import type { ToolCatalogEntry } from "@frontkit/tools";
import { type SettingsAudience, serverSettingNames } from "./setting-names.js";

/** How to pick the exposed tools. */
export interface ToolSelection {
  /** Only tools whose annotations say they never change Front. */
  readonly readOnly?: boolean | undefined;
  /** Only these tool names (as registered, e.g. `list-inboxes`). */
  readonly tools?: ReadonlyArray<string> | undefined;
  /** Who set these (default code): advice names the bin's flags for `cli`, the options for `code`. */
  readonly audience?: SettingsAudience | undefined;
}

/** What is wrong with a selection: names no tool has, write tools asked for read-only, or nothing left. */
export type ToolSelectionProblem =
  | { readonly kind: "unknown"; readonly names: ReadonlyArray<string>; readonly valid: ReadonlyArray<string> }
  | { readonly kind: "read-only-conflict"; readonly writers: ReadonlyArray<string> }
  | { readonly kind: "empty" };

/** A selection that names unknown tools or leaves nothing to expose; `problem` says which, for a formatter. */
export class ToolSelectionError extends Error {
  override readonly name = "ToolSelectionError";
  constructor(
    message: string,
    readonly problem: ToolSelectionProblem,
  ) {
    super(message);
  }
}

/** The selection problem in words for an audience (its flags or its options). */
export const describeSelectionProblem = (problem: ToolSelectionProblem, audience: SettingsAudience | undefined): string => {
  const names = serverSettingNames(audience);
  switch (problem.kind) {
    case "unknown":
      return `Unknown tool name${problem.names.length > 1 ? "s" : ""} ${problem.names.map((n) => JSON.stringify(n)).join(", ")} in ${names.tools}; valid names: ${problem.valid.join(", ")}.`;
    case "read-only-conflict":
      return `${names.readOnly} excludes ${problem.writers.join(", ")}, which can change Front; drop them from ${names.tools} or drop ${names.readOnly}.`;
    case "empty":
      return "The selection leaves no tool to expose.";
  }
};

/** The catalog entries a selection exposes, in registry order; throws ToolSelectionError on a bad selection. */
export const selectTools = (selection: ToolSelection, catalog: ReadonlyArray<ToolCatalogEntry>): ReadonlyArray<ToolCatalogEntry> => {
  const fail = (problem: ToolSelectionProblem): never => {
    throw new ToolSelectionError(describeSelectionProblem(problem, selection.audience), problem);
  };
  let selected = catalog;
  if (selection.tools !== undefined) {
    const known = new Set(catalog.map((t) => t.name));
    const unknown = selection.tools.filter((n) => !known.has(n));
    if (unknown.length > 0) fail({ kind: "unknown", names: unknown, valid: [...known] });
    const wanted = new Set(selection.tools);
    selected = selected.filter((t) => wanted.has(t.name));
  }
  if (selection.readOnly === true) {
    const writers = selection.tools === undefined ? [] : selected.filter((t) => !t.annotations.readOnlyHint).map((t) => t.name);
    if (writers.length > 0) fail({ kind: "read-only-conflict", writers });
    selected = selected.filter((t) => t.annotations.readOnlyHint);
  }
  if (selected.length === 0) fail({ kind: "empty" });
  return selected;
};
