#!/usr/bin/env node
// Cold start of the built frontkit-mcp (stdio) to its first tools/list answer, against the
// floor: a bare MCP SDK server with one trivial tool started the same way. Runs alternate
// (floor, frontkit, floor, …) so machine noise hits both alike; reports medians and the ratio.
//
//   node bench/mcp-cold-start.mjs [runs=15]       (build first: npm run build -w @frontkit/adapters)
//   BENCH_CHECK=1 … exits 1 when the ratio is above the 1.5× target.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, "..", "dist", "frontkit-mcp.js");
const FLOOR = join(here, "mcp-floor-server.mjs");
const TARGET = 1.5;
const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 15);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${process.argv[2]}`);
if (!existsSync(BIN)) {
  console.error("dist/frontkit-mcp.js is missing: run `npm run build -w @frontkit/adapters` first.");
  process.exit(2);
}

// A fake token: tools/list never calls Front, and nothing here may hold a real one.
const env = { PATH: process.env.PATH ?? "", FRONT_API_TOKEN: "bench-not-a-real-token" };

/**
 * ms from spawning `node file` to the answer of the first tools/list (`ms`), and on to the
 * answer of a first tools/call right after it (`callMs`). The call is one that needs no
 * network: the floor's echo; for frontkit-mcp an invalid list-tags input, which still
 * needs Effect and the tools loaded to be refused.
 */
const coldStart = async (file, call) => {
  const client = new Client({ name: "cold-start-bench", version: "1.0.0" });
  const transport = new StdioClientTransport({ command: process.execPath, args: [file], env, stderr: "ignore" });
  const t0 = performance.now();
  await client.connect(transport); // spawns, then initialize
  const { tools } = await client.listTools();
  const ms = performance.now() - t0;
  const result = await client.callTool(call);
  const callMs = performance.now() - t0;
  await client.close();
  if (tools.length === 0) throw new Error(`${file} listed no tools`);
  if (call.expectError !== Boolean(result.isError)) throw new Error(`${file}: unexpected call result ${JSON.stringify(result)}`);
  return { ms, callMs, tools: tools.length };
};
const FLOOR_CALL = { name: "echo", arguments: { text: "hi" }, expectError: false };
const FRONTKIT_CALL = { name: "list-tags", arguments: { not_a_field: 1 }, expectError: true };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// One unmeasured round of each warms the OS file cache, as any second launch would be.
await coldStart(FLOOR, FLOOR_CALL);
await coldStart(BIN, FRONTKIT_CALL);

const floor = [];
const frontkit = [];
const floorCall = [];
const frontkitCall = [];
let frontkitTools = 0;
for (let i = 0; i < runs; i++) {
  const f0 = await coldStart(FLOOR, FLOOR_CALL);
  floor.push(f0.ms);
  floorCall.push(f0.callMs);
  const r = await coldStart(BIN, FRONTKIT_CALL);
  frontkit.push(r.ms);
  frontkitCall.push(r.callMs);
  frontkitTools = r.tools;
}

const f = median(floor);
const k = median(frontkit);
const ratio = k / f;
const fmt = (x) => `${x.toFixed(1)} ms`;
console.log(`cold start to first tools/list answer, median of ${runs} runs (node ${process.version}, ${process.platform}/${process.arch})`);
console.log(`  floor (bare MCP SDK server, 1 tool)   ${fmt(f)}   [min ${fmt(Math.min(...floor))}, max ${fmt(Math.max(...floor))}]`);
console.log(`  frontkit-mcp (${frontkitTools} tools)               ${fmt(k)}   [min ${fmt(Math.min(...frontkit))}, max ${fmt(Math.max(...frontkit))}]`);
console.log(`  ratio ${ratio.toFixed(2)}×  (target ≤ ${TARGET}×: ${ratio <= TARGET ? "met" : "NOT met"})`);
const fc = median(floorCall);
const kc = median(frontkitCall);
console.log(`then to the first tools/call answer (no network): floor ${fmt(fc)}, frontkit-mcp ${fmt(kc)} (${(kc / fc).toFixed(2)}×; Effect and the tools load here)`);
if (process.env.BENCH_CHECK === "1" && ratio > TARGET) process.exit(1);
