// The reliability benchmarks: RSS while streaming 10,000 conversations, then consumer typecheck time.
// Started by `npm run bench` with `node --expose-gc --import tsx`; exits non-zero when a target is missed.
import { runMemoryBench } from "./memory.js";
import { runTypecheckBench } from "./typecheck.js";

const memory = await runMemoryBench();
console.log("");
const typecheck = await runTypecheckBench();
if (!memory.pass || !typecheck.pass) {
  console.error("\nreliability bench: a target was missed (see above)");
  process.exitCode = 1;
}
