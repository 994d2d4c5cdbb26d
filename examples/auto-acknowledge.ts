/**
 * Auto-acknowledge inbound emails (Promise facade).
 *
 * Lists conversations and replies once to each with send-message. The set of
 * acknowledged conversation ids is the caller's: keep it between runs (a file, a
 * database) so a conversation is never acknowledged twice, even when a later
 * message bumps it back to the top of the list.
 *
 * Run: npx tsx examples/auto-acknowledge.ts
 */
import { createFrontTools } from "@frontkit/tools/promise";
import { isMain, reportFailure, withFrontTarget } from "./lib/target.js";

/** The reply sent when no body is given. */
export const DEFAULT_ACKNOWLEDGEMENT =
  "<p>Thanks for your message — we have received it and will get back to you shortly.</p>";

/** Options of the auto-acknowledger. */
export interface AutoAcknowledgeOptions {
  readonly baseUrl: string;
  readonly token: string;
  /** Conversations already acknowledged; the run adds the ones it replies to. */
  readonly acknowledged?: Set<string> | undefined;
  /** Reply body (HTML or text). */
  readonly body?: string | undefined;
  /** Only conversations with these statuses (default: unassigned, i.e. nobody has picked them up yet). */
  readonly statuses?: ReadonlyArray<"assigned" | "unassigned" | "archived" | "trashed"> | undefined;
  /** Only conversations updated after this (unix seconds or ISO 8601). */
  readonly since?: number | string | undefined;
}

/** What one run did. */
export interface AutoAcknowledgeResult {
  /** Conversations replied to in this run. */
  readonly replied: ReadonlyArray<string>;
  /** Conversations skipped because they were already acknowledged. */
  readonly skipped: ReadonlyArray<string>;
  readonly acknowledged: Set<string>;
}

/** Replies once to every listed conversation not yet in `acknowledged`. */
export const run = async (options: AutoAcknowledgeOptions): Promise<AutoAcknowledgeResult> => {
  const acknowledged = options.acknowledged ?? new Set<string>();
  const front = createFrontTools({ token: options.token, baseUrl: options.baseUrl });
  try {
    const list = await front.listConversations({
      statuses: [...(options.statuses ?? ["unassigned"])],
      ...(options.since === undefined ? {} : { updated_after: options.since }),
    });
    const replied: string[] = [];
    const skipped: string[] = [];
    for (const conversation of list.conversations) {
      if (acknowledged.has(conversation.id)) {
        skipped.push(conversation.id);
        continue;
      }
      await front.sendMessage({ conversation_id: conversation.id, body: options.body ?? DEFAULT_ACKNOWLEDGEMENT });
      // Recorded only after Front accepted the reply, so a failed send is tried again next run.
      acknowledged.add(conversation.id);
      replied.push(conversation.id);
    }
    return { replied, skipped, acknowledged };
  } finally {
    await front.dispose();
  }
};

if (isMain(import.meta.url)) {
  withFrontTarget((target) => run(target))
    .then((result) => console.log(`acknowledged ${result.replied.length} conversation(s): ${result.replied.join(", ") || "none"}`))
    .catch(reportFailure);
}
