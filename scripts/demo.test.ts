import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("npm start (the demo on the embedded mock)", () => {
  it("starts Prism, makes typed calls, prints what came back and stops the mock", () => {
    const env = { ...process.env };
    delete env.FRONT_API_TOKEN;
    delete env.FRONT_API_BASE_URL;
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/demo.ts"], {
      cwd: root,
      env,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.stderr).not.toMatch(/demo failed/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/mock listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(run.stdout).toMatch(/GET \/me\n\s+status\s+200/);
    for (const tool of ["list-inboxes", "list-tags", "list-conversations"]) {
      expect(run.stdout).toMatch(new RegExp(`${tool}\\s+\\["\\w+_\\w+`));
    }
    expect(run.stdout).toMatch(/list-teammates\s+\["[^"]+@[^"]+"/);
    expect(run.stdout).toMatch(/add-tag \(bad input\)\s+InvalidInput: .*tag_ids\[0\]/);
    expect(run.stdout).toContain("Done.");
  }, 150_000);
});
