// Preloaded into the servers of the HTTP throughput bench (node --expose-gc --import …): on SIGUSR2 it runs a full
// garbage collection and prints process.memoryUsage() to stderr, so memory per warm account is measured on live
// objects, not on whatever garbage the last load left behind.
process.on("SIGUSR2", () => {
  globalThis.gc?.();
  globalThis.gc?.();
  process.stderr.write(`memory-probe ${JSON.stringify(process.memoryUsage())}\n`);
});
