// Runs the simulated Front in its own process, so the memory benchmark measures only the SDK side.
// Prints `URL <url>` once listening; stops when stdin closes or on SIGTERM.
import { startSimulatedFront } from "@frontkit/testkit";

const conversations = Number(process.argv[2] ?? 10_000);
// Limits far above what the benchmark sends: the subject is memory, not rate limiting.
const front = await startSimulatedFront({ perMinute: 1_000_000, burstPerSecond: 1_000_000, dataset: { conversations } });
process.stdout.write(`URL ${front.url}\n`);

const stop = () => void front.stop().then(() => process.exit(0));
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
