/**
 * Which tools a server exposes: all of them, only the read-only ones, or a named
 * subset. Everything comes from the catalog (`toolCatalog`); this file only filters it.
 */
import type { ToolCatalogEntry } from "@frontkit/tools";

/** How to pick the exposed tools. */
export interface ToolSelection {
  /** Only tools whose annotations say they never change Front. */
  readonly readOnly?: boolean | undefined;
  /** Only these tool names (as registered, e.g. `list-inboxes`). */
  readonly tools?: ReadonlyArray<string> | undefined;
}

/** A selection that names unknown tools or leaves nothing to expose. */
export class ToolSelectionError extends Error {
  override readonly name = "ToolSelectionError";
}

/** The catalog entries a selection exposes, in registry order; throws ToolSelectionError on a bad selection. */
export const selectTools = (selection: ToolSelection, catalog: ReadonlyArray<ToolCatalogEntry>): ReadonlyArray<ToolCatalogEntry> => {
  let selected = catalog;
  if (selection.tools !== undefined) {
    const known = new Set(catalog.map((t) => t.name));
    const unknown = selection.tools.filter((n) => !known.has(n));
    if (unknown.length > 0) {
      throw new ToolSelectionError(
        `Unknown tool name${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => JSON.stringify(n)).join(", ")}; valid names: ${[...known].join(", ")}.`,
      );
    }
    const wanted = new Set(selection.tools);
    selected = selected.filter((t) => wanted.has(t.name));
  }
  if (selection.readOnly === true) {
    const writers = selection.tools === undefined ? [] : selected.filter((t) => !t.annotations.readOnlyHint).map((t) => t.name);
    if (writers.length > 0) {
      throw new ToolSelectionError(`--read-only excludes ${writers.join(", ")}, which can change Front; drop them from --tools or drop --read-only.`);
    }
    selected = selected.filter((t) => t.annotations.readOnlyHint);
  }
  if (selected.length === 0) throw new ToolSelectionError("The selection leaves no tool to expose.");
  return selected;
};
