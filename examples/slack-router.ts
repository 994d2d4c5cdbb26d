/**
 * Route new Front messages to a Slack channel (Promise facade).
 *
 * Lists unassigned conversations updated after a cursor, reads each one's newest message
 * and posts it to a Slack incoming webhook as `{ text }`. The returned cursor is the newest
 * `updated_at` seen, to pass back as `since` on the next run.
 *
 * Run: SLACK_WEBHOOK_URL=https://hooks.slack.com/... npx tsx examples/slack-router.ts
 * (without SLACK_WEBHOOK_URL a local stand-in prints the posts)
 */
import { createFrontTools } from "@frontkit/tools/promise";
import { startHttpSink } from "./lib/http-sink.js";
import { isMain, reportFailure, withFrontTarget } from "./lib/target.js";

/** Options of the Slack router. */
export interface SlackRouterOptions {
  readonly baseUrl: string;
  readonly token: string;
  /** The Slack incoming-webhook URL to post to. */
  readonly slackWebhookUrl: string;
  /** Only conversations updated after this (unix seconds or ISO 8601); omit for the first run. */
  readonly since?: number | string | undefined;
}

/** One Slack post the router made. */
export interface SlackPost {
  readonly conversationId: string;
  readonly text: string;
}

/** What one run of the router did. */
export interface SlackRouterResult {
  readonly posted: ReadonlyArray<SlackPost>;
  /** Newest `updated_at` seen (unix seconds), or the previous cursor when nothing was new. */
  readonly cursor: number | string | undefined;
}

/** Slack's text for a conversation's newest message. */
export const slackText = (subject: string | null | undefined, author: string | undefined, blurb: string | null | undefined): string =>
  `New Front message${author === undefined ? "" : ` from ${author}`} in "${subject ?? "(no subject)"}": ${blurb ?? ""}`.trimEnd();

/** Posts new Front messages to Slack once. */
export const run = async (options: SlackRouterOptions): Promise<SlackRouterResult> => {
  const front = createFrontTools({ token: options.token, baseUrl: options.baseUrl });
  try {
    const list = await front.listConversations({
      statuses: ["unassigned"],
      ...(options.since === undefined ? {} : { updated_after: options.since }),
    });
    const posted: SlackPost[] = [];
    let cursor: number | undefined;
    for (const conversation of list.conversations) {
      const detail = await front.getConversation({ conversation_id: conversation.id, max_messages: 1 });
      const message = detail.messages?.[0];
      const author = message?.author?.email ?? message?.recipients?.find((r) => r.role === "from")?.handle ?? undefined;
      const text = slackText(conversation.subject, author, message?.blurb ?? message?.text);
      const response = await fetch(options.slackWebhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text }),
      });
      // Slack answers 200 "ok"; anything else means the post was lost, so the cursor must not move past it.
      if (!response.ok) throw new Error(`Slack webhook answered ${response.status} for ${conversation.id}; nothing after it was posted.`);
      await response.body?.cancel();
      posted.push({ conversationId: conversation.id, text });
      const updated = conversation.updated_at ?? undefined;
      if (updated !== undefined && (cursor === undefined || updated > cursor)) cursor = updated;
    }
    return { posted, cursor: cursor ?? options.since };
  } finally {
    await front.dispose();
  }
};

if (isMain(import.meta.url)) {
  const main = async (): Promise<void> => {
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
    try {
      const result = await withFrontTarget((target) => run({ ...target, slackWebhookUrl }));
      console.log(`posted ${result.posted.length} message(s); next cursor: ${String(result.cursor)}`);
    } finally {
      await standIn?.stop();
    }
  };
  main().catch(reportFailure);
}
