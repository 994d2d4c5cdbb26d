// The load generator of webhook-receiver.bench.ts, in its own process so the servers under test have their
// core to themselves. It POSTs signed application webhooks (the same requests to either server: a fresh event id
// and timestamp each time, signed like Front) over keep-alive sockets, and reports how many were answered.
import { createHmac } from "node:crypto";
import { Agent, request } from "node:http";

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
let template = "";
let secret = "";
let sequence = 0;

const post = (url) =>
  new Promise((resolve) => {
    const id = `evt_b${(sequence++).toString(36)}`;
    const body = template.replaceAll("evt_PLACEHOLDER", id);
    const timestamp = String(Date.now());
    const signature = createHmac("sha256", secret).update(`${timestamp}:`).update(body).digest("base64");
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-front-request-timestamp": timestamp,
          "x-front-signature": signature,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode === 200));
        res.on("error", () => resolve(false));
      },
    );
    req.on("error", () => resolve(false));
    req.end(body);
  });

const run = async ({ url, durationMs, concurrency }) => {
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      if (await post(url)) ok += 1;
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { ok, failed, elapsedMs: performance.now() - started };
};

process.on("message", async (message) => {
  if (message.type === "setup") {
    template = message.template;
    secret = message.secret;
    process.send({ type: "ready" });
  } else if (message.type === "run") {
    process.send({ type: "result", ...(await run(message)) });
  } else if (message.type === "exit") {
    agent.destroy();
    process.exit(0);
  }
});
