/** Runs every tools benchmark in turn; the exit code fails if any missed its target. */
await import("./overhead.bench.js");
const overhead = process.exitCode ?? 0;
process.exitCode = 0;
console.log();
// It finishes asynchronously (no top-level await of its own): wait for it before reading the exit code.
await (await import("./ratelimit.bench.js")).finished;
const ratelimit = process.exitCode ?? 0;
process.exitCode = 0;
console.log();
await import("./events-polling.bench.js");
process.exitCode = Math.max(Number(overhead), Number(ratelimit), Number(process.exitCode ?? 0));
