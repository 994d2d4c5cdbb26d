/**
 * @frontkit/adapters/mcp — Front's connector tools as an MCP server, over stdio
 * or Streamable HTTP with a per-request Front token.
 */
export { createFrontMcpServer, type FrontMcpServerOptions } from "./server.js";
export { createCatalogServer, type CatalogServerOptions } from "./catalog-server.js";
export {
  createFrontMcpHttpHandler,
  startFrontMcpHttpServer,
  type FrontMcpHttpHandler,
  type FrontMcpHttpOptions,
  type FrontMcpHttpServer,
} from "./http.js";
export { formatToolError, type FormatErrorContext } from "./format-error.js";
export { selectTools, ToolSelectionError, type ToolSelection } from "./tool-selection.js";
export { toMcpTool } from "./tool-listing.js";
export { FRONT_RESOURCES } from "./resources.js";
export { ADAPTERS_VERSION } from "./version.js";
