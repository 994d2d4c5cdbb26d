// The API reports (packages/<pkg>/api/*.api.md) record every published entry point's public types. These tests fail
// when the built declarations say something the committed reports do not, naming the command that updates them.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildReports, type EntryReport, staleReports, UPDATE_COMMAND } from "./api-report.js";

const root = fileURLToPath(new URL("..", import.meta.url));
// One TypeScript program over every entry's declarations (seconds on a loaded machine).
const SLOW = 180_000;
let reports: EntryReport[] | undefined;
const current = (): EntryReport[] => (reports ??= buildReports());

describe("API reports", () => {
  it(
    "every published entry point's public types are recorded in its committed report",
    () => {
      const built = current();
      expect(built.map((r) => r.specifier)).toEqual(
        expect.arrayContaining(["@frontkit/core", "@frontkit/tools", "@frontkit/tools/promise", "@frontkit/adapters/mcp", "@frontkit/adapters/n8n", "@frontkit/adapters/spojit"]),
      );
      const stale = staleReports(built).map((r) => r.file);
      expect(stale, `the public types changed and these reports do not record it: review the change, then run \`${UPDATE_COMMAND}\``).toEqual([]);
    },
    SLOW,
  );

  it(
    "reports hold nothing machine-specific, and name re-exports by package",
    () => {
      for (const report of current()) {
        expect(report.text).not.toContain(root);
        expect(report.text).not.toMatch(/[A-Za-z]:\\\\|\/(?:home|Users|work|tmp)\//);
        // tsup names shared chunks by content hash; no report may depend on such a file name.
        expect(report.text).not.toMatch(/chunk-[A-Z0-9]{6,}/);
      }
      // The Promise entry's declarations import nothing (not Effect, not core's spec types): issue 7's typecheck cost.
      const promise = current().find((r) => r.specifier === "@frontkit/tools/promise");
      expect(promise?.text, "@frontkit/tools/promise's declarations must import nothing").not.toContain("// Imports");
      const tools = current().find((r) => r.specifier === "@frontkit/tools");
      expect(tools?.text).toMatch(/export \{[^}]*\bverifyFrontWebhook\b[^}]*\} from "@frontkit\/core";/);
    },
    SLOW,
  );

  it(
    "a change to the public types that is not recorded is caught",
    () => {
      const tokenTypes = fileURLToPath(new URL("../packages/tools/dist/token.d.ts", import.meta.url));
      const original = readFileSync(tokenTypes, "utf8");
      const changed = `${original}\ndeclare const addedForTheTest: (n: number) => string;\nexport { addedForTheTest };\n`;
      const withChange = buildReports(["packages/tools"], new Map([[tokenTypes, changed]]));
      const token = withChange.find((r) => r.specifier === "@frontkit/tools/token");
      expect(token?.text).toContain("declare const addedForTheTest: (n: number) => string;");
      expect(staleReports(withChange).map((r) => r.file)).toEqual(["packages/tools/api/token.api.md"]);
    },
    SLOW,
  );
});
