import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The bundles users receive: both formats must resolve openapi-fetch's createClient (its CJS default
// export lacks __esModule, which once broke the CommonJS build) and behave the same.
const packageDir = fileURLToPath(new URL("..", import.meta.url));
let outDir: string;

beforeAll(() => {
  // Under the package (in git-ignored node_modules) so `openapi-fetch` resolves like in a real install.
  mkdirSync(join(packageDir, "node_modules"), { recursive: true });
  outDir = mkdtempSync(join(packageDir, "node_modules", ".bundle-test-"));
  execFileSync(process.execPath, [join(packageDir, "../../node_modules/tsup/dist/cli-default.js"), "--no-dts", "--no-sourcemap", "-d", outDir], {
    cwd: packageDir,
    stdio: "pipe",
  });
}, 60_000);
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const exercise = async (core: typeof import("../src/index.js")) => {
  const urls: string[] = [];
  const client = core.createFrontClient({
    token: "bundle-token",
    fetch: async (request) => {
      urls.push(request.url);
      return new Response(JSON.stringify({ _results: [], _pagination: { next: null } }), {
        headers: { "content-type": "application/json" },
      });
    },
  });
  await client.GET("/conversations", { params: { query: { q: { statuses: ["assigned"] } } } });
  return urls;
};

describe("built bundles", () => {
  it("work as CommonJS", async () => {
    const core = createRequire(import.meta.url)(join(outDir, "index.cjs")) as typeof import("../src/index.js");
    expect(await exercise(core)).toEqual(["https://api2.frontapp.com/conversations?q[statuses][]=assigned"]);
    expect(Object.keys(core.PATH_TEMPLATES).length).toBeGreaterThan(100);
  });

  it("work as ESM", async () => {
    const core = (await import(pathToFileURL(join(outDir, "index.js")).href)) as typeof import("../src/index.js");
    expect(await exercise(core)).toEqual(["https://api2.frontapp.com/conversations?q[statuses][]=assigned"]);
  });
});
