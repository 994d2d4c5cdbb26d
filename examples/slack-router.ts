/**
 * Route new Front messages to a Slack channel, from Front's webhooks.
 *
 * A node:http server on 127.0.0.1 receives Front's webhook requests through core's
 * `createFrontWebhookReceiver`, which checks each signature, answers Front at once and hands
 * every event to us once (a redelivered event id is dropped). Each inbound message becomes one
 * `{ text }` post to a Slack incoming webhook. No Front API token is needed: the event carries
 * the message.
 *
 * Run: FRONT_WEBHOOK_SECRET=… [FRONT_WEBHOOK_KIND=rule] [PORT=8787] \
 *      [SLACK_WEBHOOK_URL=https://hooks.slack.com/...] npx tsx examples/slack-router.ts
 * (without SLACK_WEBHOOK_URL a local stand-in prints the posts). Expose the printed URL over
 * https (your reverse proxy or a tunnel) and give it to Front: see examples/README.md.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createFrontWebhookReceiver, eventTypeOf, type FrontWebhookDelivery, type WebhookKind } from "@frontkit/core";
import { startHttpSink } from "./lib/http-sink.js";
import { isMain, reportFailure } from "./lib/target.js";

/** Options of the Slack router. */
export interface SlackRouterOptions {
  /** Which Front webhook calls us: an app's webhook feature (`application`) or a rule's webhook action (`rule`). */
  readonly kind: WebhookKind;
  /** The app's signing secret (application) or the company's API secret (rule). */
  readonly secret: string;
  /** The Slack incoming-webhook URL to post to. */
  readonly slackWebhookUrl: string;
  /** Port on 127.0.0.1; default 0 (a free one). */
  readonly port?: number;
  /** Longest wait for Slack's answer to one post; default 10 s. */
  readonly slackTimeoutMs?: number;
  /** Called when a post to Slack fails (default: one line on stderr). */
  readonly onPostFailure?: (conversationId: string | undefined, error: unknown) => void;
}

/** One Slack post the router made. */
export interface SlackPost {
  readonly eventId: string;
  readonly conversationId: string | undefined;
  readonly text: string;
}

/** A running router. */
export interface SlackRouter {
  /** Where Front must send its webhooks (loopback: put an https proxy or tunnel in front). */
  readonly url: string;
  /** Posts made so far, in order. */
  readonly posted: ReadonlyArray<SlackPost>;
  /** Resolves once every post started so far has finished (the receiver answers Front before posting). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** Slack's text for a new message. */
export const slackText = (subject: string | null | undefined, author: string | undefined, blurb: string | null | undefined): string =>
  `New Front message${author === undefined ? "" : ` from ${author}`} in "${subject ?? "(no subject)"}": ${blurb ?? ""}`.trimEnd();

type Json = Record<string, unknown>;
const record = (value: unknown): Json | undefined => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined);
const text = (value: unknown): string | undefined => (typeof value === "string" && value.length > 0 ? value : undefined);

/** The post for an inbound event; a rule webhook's preview carries no message, so it names the conversation. */
const postFor = (delivery: FrontWebhookDelivery): SlackPost | undefined => {
  const event = delivery.event;
  if (event === undefined || eventTypeOf(delivery) !== "inbound") return undefined;
  const conversationId = text(record(event.conversation)?.["id"]);
  const message = record(record(event.target)?.["data"]);
  if (message === undefined) {
    return { eventId: event.id, conversationId, text: `New Front message in conversation ${conversationId ?? "(unknown)"}` };
  }
  const recipients = Array.isArray(message["recipients"]) ? message["recipients"] : [];
  const from = text(recipients.map(record).find((r) => r?.["role"] === "from")?.["handle"]);
  const subject = text(message["subject"]) ?? text(record(event.conversation)?.["subject"]);
  return { eventId: event.id, conversationId, text: slackText(subject, from, text(message["blurb"]) ?? text(message["text"])) };
};

/** Starts the router: a webhook receiver on 127.0.0.1 that posts every inbound message to Slack. */
export const startSlackRouter = async (options: SlackRouterOptions): Promise<SlackRouter> => {
  const posted: SlackPost[] = [];
  const pending = new Set<Promise<void>>();
  const timeoutMs = options.slackTimeoutMs ?? 10_000;
  const onPostFailure =
    options.onPostFailure ??
    ((conversationId: string | undefined, error: unknown) =>
      console.error(`slack-router: the Slack post for ${conversationId ?? "an event"} failed: ${error instanceof Error ? error.message : String(error)}`));

  const post = async (item: SlackPost): Promise<void> => {
    try {
      const response = await fetch(options.slackWebhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: item.text }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      // Slack answers 200 "ok"; anything else means the post was lost.
      if (!response.ok) throw new Error(`Slack webhook answered ${response.status}`);
      posted.push(item);
    } catch (error) {
      onPostFailure(item.conversationId, error);
    }
  };

  const receiver = createFrontWebhookReceiver({
    kind: options.kind,
    secret: options.secret,
    // The receiver has already answered Front; this only posts (and never throws).
    onEvent: (delivery) => {
      const item = postFor(delivery);
      if (item === undefined) return;
      const running = post(item).finally(() => pending.delete(running));
      pending.add(running);
    },
  });
  const server = createServer(receiver);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    posted,
    settled: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
};

if (isMain(import.meta.url)) {
  const main = async (): Promise<void> => {
    const secret = process.env["FRONT_WEBHOOK_SECRET"];
    if (secret === undefined || secret.length === 0) {
      throw new Error("Set FRONT_WEBHOOK_SECRET: the app's signing secret (application webhook) or the company's API secret (rule webhook).");
    }
    const kind = process.env["FRONT_WEBHOOK_KIND"] ?? "application";
    if (kind !== "application" && kind !== "rule") throw new Error(`FRONT_WEBHOOK_KIND must be application or rule, not ${kind}.`);
    const port = Number(process.env["PORT"] ?? 8787);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, not ${process.env["PORT"]}.`);
    let slackWebhookUrl = process.env["SLACK_WEBHOOK_URL"];
    // Without a real webhook, a local stand-in prints what Slack would have received.
    const standIn =
      slackWebhookUrl === undefined || slackWebhookUrl.length === 0
        ? await startHttpSink((request, response) => {
            console.log(`Slack stand-in received: ${request.body}`);
            response.writeHead(200, { "content-type": "text/plain" }).end("ok");
          })
        : undefined;
    slackWebhookUrl = standIn?.url ?? slackWebhookUrl!;
    const router = await startSlackRouter({ kind, secret, slackWebhookUrl, port });
    console.log(`slack-router: Front ${kind} webhook URL ${router.url} (expose it over https and give it to Front); Ctrl-C stops`);
    const stop = () => {
      void router
        .stop()
        .then(() => standIn?.stop())
        .then(() => console.log(`slack-router: stopped after ${router.posted.length} post(s)`));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  };
  main().catch(reportFailure);
}
