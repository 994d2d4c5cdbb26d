/**
 * How the user of an MCP server changes its own settings: with the frontkit-mcp bin's flags, or with options in
 * code (the library). Library code states facts ("this server runs read-only"); the formatter and the few
 * refusals that give advice take their words from here, so a library user is never told about a CLI flag.
 */

/** Who configured the server: the frontkit-mcp command line, or code calling the library. */
export type SettingsAudience = "cli" | "code";

/** The server settings advice may name. */
export interface ServerSettingNames {
  /** Hides the tools that can change Front. */
  readonly readOnly: string;
  /** Names the exposed tools. */
  readonly tools: string;
  /** Browser origins allowed to call the HTTP server. */
  readonly allowedOrigins: string;
}

const NAMES: Readonly<Record<SettingsAudience, ServerSettingNames>> = {
  cli: { readOnly: "--read-only", tools: "--tools", allowedOrigins: "--allow-origin" },
  code: { readOnly: "the readOnly option", tools: "the tools option", allowedOrigins: "the allowedOrigins option" },
};

/** The names of the server settings for an audience (default: code, the library). */
export const serverSettingNames = (audience: SettingsAudience | undefined): ServerSettingNames => NAMES[audience ?? "code"];
