import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LOCK_PATH, resolvePinnedSpec, sha256 } from "./source.js";
import { updateSpec } from "./update.js";

let dir: string;
let modifiedPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "frontkit-drift-"));
  const spec = JSON.parse(new TextDecoder().decode((await resolvePinnedSpec()).bytes));
  delete spec.paths["/teammates"].get;
  spec.paths["/tags"].get.parameters.push({ in: "query", name: "workspace", required: true, schema: { type: "string" } });
  spec.paths["/tags"].get.parameters.push({ in: "query", name: "include_archived", schema: { type: "boolean" } });
  spec.components.schemas.CreateContact.required.push("name");
  spec.components.schemas.ContactHandle.properties.handle.type = "integer";
  spec.components.schemas.TagResponse.properties.color = { type: "string" };
  spec.paths["/widgets"] = { get: { operationId: "list-widgets", responses: { "200": { description: "ok" } } } };
  modifiedPath = join(dir, "candidate.json");
  await writeFile(modifiedPath, JSON.stringify(spec));
});

const run = async (...args: string[]) => {
  const lines: string[] = [];
  const code = await updateSpec(args, (line) => lines.push(line));
  return { code, output: lines.join("\n") };
};

describe("spec:update", () => {
  it("prints per operation and schema what changed, marking what breaks typed callers", async () => {
    const { code, output } = await run("--from", modifiedPath);
    expect(code).toBe(0);
    expect(output).toMatch(/GET \/teammates\n {2}BREAKING removed: operation/);
    expect(output).toMatch(/GET \/tags\n(.*\n)* {2}BREAKING added: query parameter workspace \(required\)/);
    expect(output).toMatch(/ {2}added: query parameter include_archived\n/);
    expect(output).toMatch(/GET \/widgets\n {2}added: operation/);
    expect(output).toMatch(/schema CreateContact\n {2}BREAKING changed: property name became required/);
    expect(output).toMatch(/schema ContactHandle\n {2}BREAKING changed: property handle: string → integer/);
    expect(output).toMatch(/schema TagResponse\n {2}added: property color: string\n/);
    expect(output).toContain("Dry run: the lock is unchanged");
  });

  it("reports no differences for the pinned spec itself", async () => {
    const pinned = join(dir, "pinned.json");
    await writeFile(pinned, (await resolvePinnedSpec()).bytes);
    const { output } = await run("--from", pinned);
    expect(output).toContain("No differences in operations or schemas.");
  });

  it("rewrites the lock only with --write", async () => {
    const lockPath = join(dir, "lock.json");
    await copyFile(LOCK_PATH, lockPath);
    const before = await readFile(lockPath, "utf8");
    await run("--from", modifiedPath, "--lock", lockPath);
    expect(await readFile(lockPath, "utf8")).toBe(before);
    const { output } = await run("--from", modifiedPath, "--lock", lockPath, "--write", "--commit", "abc123");
    const lock = JSON.parse(await readFile(lockPath, "utf8"));
    expect(lock.sha256).toBe(sha256(await readFile(modifiedPath)));
    expect(lock.commit).toBe("abc123");
    expect(output).toContain(`Wrote ${lockPath}`);
  });

  it("explains its usage without --from", async () => {
    const { code, output } = await run();
    expect(code).toBe(2);
    expect(output).toMatch(/Usage: npm run spec:update -- --from/);
  });
});
