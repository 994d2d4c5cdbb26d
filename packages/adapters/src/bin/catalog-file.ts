/**
 * The tool catalog written beside the built bin at build time
 * (dist/frontkit-mcp.catalog.json, from `mcpToolCatalog` of the same build), so
 * the stdio server answers `tools/list` before loading Effect and the tools.
 */
import { readFile } from "node:fs/promises";
import type { ToolCatalogEntry } from "@frontkit/tools";

/** File name of the catalog, next to frontkit-mcp.js. */
export const CATALOG_FILE = "frontkit-mcp.catalog.json";

/** The build-time catalog, or the live `mcpToolCatalog` when the file is absent (running from source). */
export const loadCatalog = async (): Promise<{ readonly catalog: ReadonlyArray<ToolCatalogEntry>; readonly fromBuild: boolean }> => {
  try {
    const text = await readFile(new URL(`./${CATALOG_FILE}`, import.meta.url), "utf8");
    return { catalog: JSON.parse(text) as ReadonlyArray<ToolCatalogEntry>, fromBuild: true };
  } catch {
    const { mcpToolCatalog } = await import("@frontkit/tools");
    return { catalog: mcpToolCatalog, fromBuild: false };
  }
};
