/**
 * Per-test-file setup for n8n's engine: n8n-core's DI needs reflect-metadata before it is
 * imported, and its InstanceSettings read (and write a config file into) N8N_USER_FOLDER,
 * which must never be the real ~/.n8n.
 */
import "reflect-metadata";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

const userFolder = mkdtempSync(join(tmpdir(), "frontkit-n8n-"));
process.env.N8N_USER_FOLDER = userFolder;
// Keeps n8n from phoning home or looking for a task runner during tests.
process.env.N8N_DIAGNOSTICS_ENABLED = "false";

afterAll(() => {
  rmSync(userFolder, { recursive: true, force: true });
});
