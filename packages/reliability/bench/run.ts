// The reliability benchmarks: RSS while streaming 10,000 conversations, consumer typecheck time, then scale-out
// (four frontkit-mcp processes sharing one company's limit through Redis).
// Started by `npm run bench` with `node --expose-gc --import tsx`; exits non-zero when a target is missed.
import { runMemoryBench } from "./memory.js";
import { runScaleOutBench } from "./scale-out.js";
import { runTypecheckBench } from "./typecheck.js";

const memory = await runMemoryBench();
console.log("");
const typecheck = await runTypecheckBench();
console.log("");
const scaleOut = await runScaleOutBench();
if (!memory.pass || !typecheck.pass || !scaleOut.pass) {
  console.error("\nreliability bench: a target was missed (see above)");
  process.exitCode = 1;
}
