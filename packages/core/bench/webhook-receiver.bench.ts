/**
 * Webhook receiver throughput: signed application webhooks (~2 KB events) verified, deduplicated and handed to
 * `onEvent` by `createFrontWebhookReceiver`, against a bare node:http handler that only reads the body and
 * answers 200, in the same process (one thread: one core). For attribution a third server reads the body and
 * calls `verifyFrontWebhook` inline (the verification's own cost: HMAC-SHA256 and JSON.parse of the body). The
 * load comes from a child process over keep-alive sockets and sends the very same requests to every server (a
 * fresh event id and timestamp each, signed like Front). Each round runs the variants in a fresh random order so
 * drift hits them alike.
 *
 * Two figures per variant: requests answered per wall-clock second, and per second of the server process's own
 * CPU time (user + system). The second is the capacity of one core and is what the target is judged on: on a
 * shared machine the wall-clock rate mostly measures the load client and the neighbours (profiles showed the
 * server idle half the time), while CPU time per request is what the receiver costs. Target: the median of the
 * per-round ratios receiver / bare, per CPU-second, ≥ 0.5×. Also fails if any request failed or if the receiver
 * did not dispatch exactly one event per answered request.
 *
 *   npm run build -w @frontkit/core && npm run bench -w @frontkit/core -- [--rounds 6] [--ms 1500] [--concurrency 16]
 */
import { fork, type ChildProcess } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { applicationWebhookBody, sampleFrontEvent } from "../../testkit/src/webhooks.js";
// The built package, as users run it (`npm run bench` at the root builds first); the source through tsx would
// also measure tsx's per-function name helpers.
import { createFrontWebhookReceiver, verifyFrontWebhook } from "../dist/index.js";

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const ROUNDS = arg("rounds", 6);
const ROUND_MS = arg("ms", 1500);
const CONCURRENCY = arg("concurrency", 16);
const TARGET = 0.5;
const SECRET = "bench-app-signing-secret";

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 0 ? (s[m - 1]! + s[m]!) / 2 : s[m]!;
};

const listen = async (handler: (req: IncomingMessage, res: ServerResponse) => void) => {
  const server = createServer(handler);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/front` };
};

const readBody = (req: IncomingMessage, then: (body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => then(Buffer.concat(chunks)));
};

const answer = (res: ServerResponse, status: number): void => {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end('{"ok":true}');
};

interface RoundResult {
  readonly ok: number;
  readonly failed: number;
  readonly elapsedMs: number;
}

const ask = <T>(child: ChildProcess, message: object, reply: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== reply) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(m as T);
    };
    const onExit = (code: number | null) => reject(new Error(`the load client exited (${code}) during "${reply}"`));
    child.on("message", onMessage);
    child.once("exit", onExit);
    child.send(message);
  });

const VARIANTS = ["bare", "verify inline", "receiver"] as const;
type Variant = (typeof VARIANTS)[number];

const main = async (): Promise<number> => {
  // A tag event (~2 KB in its application envelope), with a placeholder id the client makes unique per request.
  const template = JSON.stringify(applicationWebhookBody(sampleFrontEvent({ type: "tag", id: "evt_PLACEHOLDER", inboxId: "inb_bench" })));

  let dispatched = 0;
  let refusedInline = 0;
  const servers: Record<Variant, Awaited<ReturnType<typeof listen>>> = {
    bare: await listen((req, res) => readBody(req, () => answer(res, 200))),
    "verify inline": await listen((req, res) =>
      readBody(req, (body) => {
        const result = verifyFrontWebhook({ kind: "application", secret: SECRET, headers: req.headers, body });
        if (!result.valid) refusedInline += 1;
        answer(res, result.valid ? 200 : 401);
      }),
    ),
    receiver: await listen(
      createFrontWebhookReceiver({
        kind: "application",
        secret: SECRET,
        onEvent: () => {
          dispatched += 1;
        },
      }),
    ),
  };

  const child = fork(fileURLToPath(new URL("./webhook-client.mjs", import.meta.url)), [], { execArgv: [], stdio: "inherit" });
  try {
    await ask(child, { type: "setup", template, secret: SECRET }, "ready");
    const round = (variant: Variant) => ask<RoundResult>(child, { type: "run", url: servers[variant].url, durationMs: ROUND_MS, concurrency: CONCURRENCY }, "result");
    // Warm-up: JIT, sockets, the dedupe store's first entries.
    for (const variant of VARIANTS) await round(variant);
    dispatched = 0;

    const wall: Record<Variant, number[]> = { bare: [], "verify inline": [], receiver: [] };
    const perCpu: Record<Variant, number[]> = { bare: [], "verify inline": [], receiver: [] };
    const ratios: number[] = [];
    let receiverAnswered = 0;
    let failures = 0;
    console.log(`webhook receiver bench: ${template.length} B application webhooks, ${ROUNDS} rounds × ${VARIANTS.length} variants × ${ROUND_MS} ms, ${CONCURRENCY} keep-alive connections`);
    for (let i = 0; i < ROUNDS; i++) {
      const order = [...VARIANTS];
      for (let j = order.length - 1; j > 0; j--) {
        const k = Math.floor(Math.random() * (j + 1));
        [order[j], order[k]] = [order[k]!, order[j]!];
      }
      for (const variant of order) {
        const cpu = process.cpuUsage();
        const result = await round(variant);
        const used = process.cpuUsage(cpu);
        failures += result.failed;
        if (variant === "receiver") receiverAnswered += result.ok;
        wall[variant].push((result.ok / result.elapsedMs) * 1000);
        perCpu[variant].push(result.ok / ((used.user + used.system) / 1e6));
      }
      ratios.push(perCpu.receiver.at(-1)! / perCpu.bare.at(-1)!);
      console.log(
        `  round ${i + 1}: ${VARIANTS.map((v) => `${v} ${wall[v].at(-1)!.toFixed(0)}/s (${perCpu[v].at(-1)!.toFixed(0)} per CPU-s)`).join(", ")}; receiver/bare ${ratios.at(-1)!.toFixed(2)}× per CPU-s`,
      );
    }
    const ratio = median(ratios);
    console.log(`median per wall-clock second: ${VARIANTS.map((v) => `${v} ${median(wall[v]).toFixed(0)}`).join(", ")}`);
    console.log(`median per CPU-second (one core): ${VARIANTS.map((v) => `${v} ${median(perCpu[v]).toFixed(0)}`).join(", ")}`);
    console.log(`CPU per request: ${VARIANTS.map((v) => `${v} ${(1e6 / median(perCpu[v])).toFixed(0)} µs`).join(", ")}`);
    console.log(`receiver: ${ratio.toFixed(2)}× the bare handler's events per CPU-second (target ≥ ${TARGET}×)`);
    await new Promise((r) => setImmediate(r));
    if (failures > 0 || refusedInline > 0) {
      console.error(`✗ ${failures} requests failed (non-200 or network error), ${refusedInline} refused by the inline verifier`);
      return 1;
    }
    if (dispatched !== receiverAnswered) {
      console.error(`✗ the receiver answered ${receiverAnswered} requests but dispatched ${dispatched} events`);
      return 1;
    }
    if (ratio < TARGET) {
      console.error(`✗ below target: ${ratio.toFixed(2)}× < ${TARGET}×`);
      return 1;
    }
    console.log("✓ target met");
    return 0;
  } finally {
    child.send({ type: "exit" });
    for (const { server } of Object.values(servers)) {
      server.closeAllConnections();
      server.close();
    }
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
