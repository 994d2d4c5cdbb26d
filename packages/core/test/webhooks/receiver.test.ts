import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { deliverFrontWebhook, sampleFrontEvent, type JsonObject } from "@frontkit/testkit";
import { listenOnLoopback, type LoopbackListener } from "../../../testkit/src/loopback-server.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  FrontInputError,
  createFrontWebhookReceiver,
  type DedupeStore,
  type FrontWebhookDelivery,
  type FrontWebhookReceiverOptions,
  type ReceiverRefusal,
} from "../../src/index.js";
import { APP_SECRET, RULE_SECRET } from "./support.js";

let servers: LoopbackListener[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
  vi.restoreAllMocks();
});

interface Harness {
  readonly url: string;
  readonly deliveries: FrontWebhookDelivery[];
  readonly errors: Array<{ error: unknown; stage: string; eventId?: string }>;
  readonly refusals: Array<{ code: ReceiverRefusal; reason: string; status: number }>;
}

const start = async (
  options: Partial<FrontWebhookReceiverOptions> = {},
  wrap?: (receiver: ReturnType<typeof createFrontWebhookReceiver>) => (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Harness> => {
  const deliveries: FrontWebhookDelivery[] = [];
  const errors: Harness["errors"] = [];
  const refusals: Harness["refusals"] = [];
  const receiver = createFrontWebhookReceiver({
    kind: "application",
    secret: APP_SECRET,
    onEvent: (delivery) => {
      deliveries.push(delivery);
    },
    onError: (error, context) => errors.push({ error, ...context }),
    onRefused: (refusal) => refusals.push(refusal),
    ...options,
  });
  const listener = await listenOnLoopback(createServer(wrap ? wrap(receiver) : receiver));
  servers.push(listener);
  return { url: `${listener.url}/front`, deliveries, errors, refusals };
};

const parse = (body: string | undefined): unknown => JSON.parse(body ?? "null");

// Raw HTTP for what a well-behaved sender would not do (huge, slow or chunked bodies).
const rawPost = (url: string, options: { headers?: Record<string, string>; chunks?: Buffer[]; pauseMs?: number; end?: boolean }) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
    void (async () => {
      for (const chunk of options.chunks ?? []) {
        if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
        if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
      }
      if (options.end !== false) req.end();
    })().catch(() => undefined);
  });

describe("createFrontWebhookReceiver over node:http", () => {
  it("echoes Front's challenge and hands over the sync delivery", async () => {
    const h = await start();
    const report = await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, challenge: "chal-42", authorizationId: "cmp_x" });
    expect(report.last.status).toBe(200);
    expect(parse(report.last.body)).toEqual({ challenge: "chal-42" });
    await vi.waitFor(() => expect(h.deliveries).toEqual([{ kind: "application", type: "sync", authorizationId: "cmp_x" }]));
  });

  it("acknowledges a verified event and calls onEvent with the decoded delivery", async () => {
    const h = await start();
    const event = sampleFrontEvent({ type: "inbound", id: "evt_ok", inboxId: "inb_1" });
    const report = await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, event, authorizationId: "cmp_1" });
    expect(report.last.status).toBe(200);
    await vi.waitFor(() => expect(h.deliveries).toHaveLength(1));
    expect(h.deliveries[0]).toMatchObject({ kind: "application", type: "inbound_received", authorizationId: "cmp_1", event: { id: "evt_ok", type: "inbound" } });
  });

  it("delivers an event sent several times only once, and answers 200 every time", async () => {
    const h = await start();
    const event = sampleFrontEvent({ type: "tag", id: "evt_dup" });
    const report = await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, event, duplicates: 4 });
    expect(report.deliveries.map((d) => d.attempts.map((a) => a.status))).toEqual([[200], [200], [200], [200]]);
    const other = await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, event: sampleFrontEvent({ id: "evt_other" }) });
    expect(other.last.status).toBe(200);
    await vi.waitFor(() => expect(h.deliveries.map((d) => d.event?.id)).toEqual(["evt_dup", "evt_other"]));
  });

  it("works for rule webhooks too", async () => {
    const h = await start({ kind: "rule", secret: RULE_SECRET });
    const report = await deliverFrontWebhook(h.url, { kind: "rule", secret: RULE_SECRET, event: sampleFrontEvent({ id: "evt_rule", type: "archive" }) });
    expect(report.last.status).toBe(200);
    await vi.waitFor(() => expect(h.deliveries).toMatchObject([{ kind: "rule", preview: false, event: { id: "evt_rule" } }]));
  });

  it("answers 405 to anything but POST", async () => {
    const h = await start();
    const response = await fetch(h.url);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.json()).toMatchObject({ error: "method_not_allowed" });
  });

  it("answers 401 with a short reason (never the secret) to a bad signature, and does not retry-storm", async () => {
    const h = await start();
    const report = await deliverFrontWebhook(h.url, { kind: "application", secret: "not-the-secret", event: sampleFrontEvent(), retries: 2, retryDelayMs: 1 });
    expect(report.deliveries[0]!.attempts.map((a) => a.status)).toEqual([401, 401, 401]);
    const body = parse(report.last.body) as { error: string; reason: string };
    expect(body.error).toBe("bad_signature");
    expect(report.last.body).not.toContain(APP_SECRET);
    expect(h.refusals[0]).toMatchObject({ code: "bad_signature", status: 401 });
    expect(h.deliveries).toHaveLength(0);
  });

  it("answers 401 to a stale timestamp and 400 to a signed body that is not an event", async () => {
    const h = await start();
    const stale = await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, event: sampleFrontEvent(), timestampMs: Date.now() - 3_600_000, retries: 0 });
    expect(stale.last.status).toBe(401);
    expect(parse(stale.last.body)).toMatchObject({ error: "stale_timestamp" });
    const garbage = await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, body: "{not json", retries: 0 });
    expect(garbage.last.status).toBe(400);
    expect(parse(garbage.last.body)).toMatchObject({ error: "not_json" });
    expect(h.deliveries).toHaveLength(0);
  });

  it("answers 413 to a body over maxBodyBytes (declared or streamed) and keeps serving", async () => {
    const h = await start({ maxBodyBytes: 4096 });
    const big = { ...sampleFrontEvent(), filler: "x".repeat(10_000) } as JsonObject;
    const declared = await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, event: big, retries: 0 });
    expect(declared.last, JSON.stringify(declared.last)).toMatchObject({ status: 413 });
    const chunked = await rawPost(h.url, { chunks: [Buffer.alloc(3000, 0x20), Buffer.alloc(3000, 0x20)] });
    expect(chunked.status).toBe(413);
    expect(parse(chunked.body)).toMatchObject({ error: "payload_too_large" });
    const fine = await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, event: sampleFrontEvent({ id: "evt_small" }) });
    expect(fine.last.status).toBe(200);
    expect(h.refusals.map((r) => r.status)).toEqual([413, 413]);
  });

  it("bounds a slow body with 408", async () => {
    const h = await start({ bodyTimeoutMs: 200 });
    const started = Date.now();
    const slow = await rawPost(h.url, { headers: { "content-length": "1000", "content-type": "application/json" }, chunks: [Buffer.from('{"type":')], end: false });
    expect(slow.status).toBe(408);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(parse(slow.body)).toMatchObject({ error: "body_timeout" });
  });

  it("survives a client that disconnects mid-body", async () => {
    const h = await start();
    await new Promise<void>((resolve) => {
      const req = httpRequest(h.url, { method: "POST", headers: { "content-length": "5000" } });
      req.on("error", () => resolve());
      req.write(Buffer.alloc(100, 0x20), () => setTimeout(() => req.destroy(), 50));
      req.on("close", () => resolve());
    });
    await vi.waitFor(() => expect(h.refusals).toMatchObject([{ code: "body_unavailable" }]));
    const report = await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, event: sampleFrontEvent({ id: "evt_after_abort" }) });
    expect(report.last.status).toBe(200);
    await vi.waitFor(() => expect(h.deliveries.map((d) => d.event?.id)).toEqual(["evt_after_abort"]));
  });

  it("acknowledges even when the handler throws or rejects, reports it, and keeps serving", async () => {
    let calls = 0;
    const h = await start({
      onEvent: (delivery) => {
        calls += 1;
        if (delivery.event?.id === "evt_throw") throw new Error("handler broke");
        if (delivery.event?.id === "evt_reject") return Promise.reject(new Error("handler rejected"));
        return undefined;
      },
    });
    for (const id of ["evt_throw", "evt_reject", "evt_fine"]) {
      const report = await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, event: sampleFrontEvent({ id }) });
      expect(report.last.status).toBe(200);
    }
    await vi.waitFor(() => expect(h.errors).toHaveLength(2));
    expect(calls).toBe(3);
    expect(h.errors.map((e) => [e.stage, e.eventId, (e.error as Error).message])).toEqual([
      ["handler", "evt_throw", "handler broke"],
      ["handler", "evt_reject", "handler rejected"],
    ]);
  });

  it("logs handler failures in one line without the secret by default", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const receiver = createFrontWebhookReceiver({
      kind: "application",
      secret: APP_SECRET,
      onEvent: () => {
        throw new Error(`cannot reach the database with ${APP_SECRET}`);
      },
    });
    const listener = await listenOnLoopback(createServer(receiver));
    servers.push(listener);
    const h = { url: listener.url };
    await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, event: sampleFrontEvent({ id: "evt_log" }) });
    await vi.waitFor(() => expect(log).toHaveBeenCalledTimes(1));
    const line = String(log.mock.calls[0]![0]);
    expect(line).toMatch(/^\[frontkit\] Front webhook handler failed for evt_log: Error: cannot reach the database with <redacted>$/);
    expect(line).not.toContain(APP_SECRET);
  });

  it("delivers anyway when the dedupe store throws or rejects", async () => {
    const throwing: DedupeStore = {
      firstSeen: () => {
        throw new Error("store down");
      },
    };
    const h = await start({ dedupeStore: throwing });
    await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, event: sampleFrontEvent({ id: "evt_s1" }) });
    const rejecting: DedupeStore = { firstSeen: () => Promise.reject(new Error("redis timeout")) };
    const h2 = await start({ dedupeStore: rejecting });
    await deliverFrontWebhook(h2.url, { kind: "application", secret: APP_SECRET, event: sampleFrontEvent({ id: "evt_s2" }) });
    await vi.waitFor(() => expect([...h.deliveries, ...h2.deliveries].map((d) => d.event?.id)).toEqual(["evt_s1", "evt_s2"]));
    expect([...h.errors, ...h2.errors].map((e) => [e.stage, e.eventId])).toEqual([
      ["dedupe", "evt_s1"],
      ["dedupe", "evt_s2"],
    ]);
  });

  it("uses an async dedupe store's answer", async () => {
    const seen = new Set<string>();
    const store: DedupeStore = {
      firstSeen: async (key) => {
        await new Promise((r) => setTimeout(r, 5));
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      },
    };
    const h = await start({ dedupeStore: store });
    await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, event: sampleFrontEvent({ id: "evt_async" }), duplicates: 3 });
    await new Promise((r) => setTimeout(r, 50));
    expect(h.deliveries.map((d) => d.event?.id)).toEqual(["evt_async"]);
    expect([...seen]).toEqual(["application:evt_async"]);
  });
});

describe("createFrontWebhookReceiver behind a framework that read the body", () => {
  // What express.raw() / a Fastify raw-body parser leave behind: the body on req.body.
  const readFirst =
    (as: "buffer" | "string" | "json" | "placeholder") =>
    (receiver: ReturnType<typeof createFrontWebhookReceiver>) =>
    (req: IncomingMessage, res: ServerResponse) => {
      if (as === "placeholder") {
        // body-parser 1.x when the content type did not match: `{}` and the stream untouched.
        Object.assign(req, { body: {} });
        receiver(req, res, () => undefined);
        return;
      }
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks);
        const body = as === "buffer" ? raw : as === "string" ? raw.toString("utf8") : (JSON.parse(raw.toString("utf8")) as unknown);
        Object.assign(req, { body, _body: true });
        receiver(req, res, () => undefined);
      });
    };

  it.each(["buffer", "string", "placeholder"] as const)("verifies a %s body", async (as) => {
    const h = await start({}, readFirst(as));
    const report = await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, event: sampleFrontEvent({ id: `evt_${as}` }) });
    expect(report.last.status).toBe(200);
    await vi.waitFor(() => expect(h.deliveries.map((d) => d.event?.id)).toEqual([`evt_${as}`]));
  });

  it("refuses a body already parsed into an object, saying how to mount it", async () => {
    const h = await start({}, readFirst("json"));
    const report = await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, event: sampleFrontEvent(), retries: 0 });
    expect(report.last.status).toBe(500);
    const body = parse(report.last.body) as { error: string; reason: string };
    expect(body.error).toBe("body_unavailable");
    expect(body.reason).toMatch(/before body parsers.*express\.raw/);
    expect(h.deliveries).toHaveLength(0);
  });
});

describe("createFrontWebhookReceiver options", () => {
  it("refuses bad options with a FrontInputError naming the field", () => {
    const base = { kind: "application" as const, secret: APP_SECRET, onEvent: () => undefined };
    const cases: Array<[Partial<FrontWebhookReceiverOptions>, string]> = [
      [{ kind: "hook" as "rule" }, "kind"],
      [{ secret: "" }, "secret"],
      [{ onEvent: "no" as unknown as () => void }, "onEvent"],
      [{ maxBodyBytes: 0 }, "maxBodyBytes"],
      [{ toleranceMs: -1 }, "toleranceMs"],
      [{ dedupeWindowMs: Number.NaN }, "dedupeWindowMs"],
      [{ bodyTimeoutMs: 0 }, "bodyTimeoutMs"],
      [{ dedupeStore: {} as DedupeStore }, "dedupeStore"],
      [{ onError: 1 as unknown as () => void }, "onError"],
    ];
    for (const [override, field] of cases) {
      let thrown: unknown;
      try {
        createFrontWebhookReceiver({ ...base, ...override });
      } catch (error) {
        thrown = error;
      }
      expect(thrown, field).toBeInstanceOf(FrontInputError);
      expect((thrown as FrontInputError).field).toBe(field);
      expect((thrown as Error).message).not.toContain(APP_SECRET);
    }
  });

  it("turns dedupe off with a window of 0", async () => {
    const h = await start({ dedupeWindowMs: 0 });
    await deliverFrontWebhook(h.url, { kind: "application", secret: APP_SECRET, event: sampleFrontEvent({ id: "evt_again" }), duplicates: 2 });
    await vi.waitFor(() => expect(h.deliveries).toHaveLength(2));
  });
});
