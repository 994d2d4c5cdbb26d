/**
 * The order in which the simulated Front lists conversations, and what moves them.
 *
 * Front lists `/conversations` "most recently updated first" as the company's bump settings decide
 * (help.front.com, "Customize when conversations bump up"): the setting says whether a teammate's outbound
 * reply, comment, both or neither moves a conversation to the top; a new inbound message always does.
 * Tagging or assigning changes `updated_at` without moving it. So a conversation's `updated_at` and its
 * place in the list ("bump time") are two separate things, modelled here. `/inboxes/{id}/conversations`
 * has no documented order: it is listed in an order unrelated to either time (a hash of the index).
 *
 * Only what happened is stored (a sparse map of touched conversations), so a 10 000-conversation company
 * costs nothing until something happens to it. Actions change times and order only: no message,
 * comment or tag is added to the data.
 */
import type { Dataset } from "./dataset.js";

/** The company's bump setting: which teammate actions move a conversation to the top of company-wide lists. */
export type BumpSetting = "replies" | "comments" | "replies_and_comments" | "never";

/** Every bump setting, for tests that try them all. */
export const BUMP_SETTINGS: ReadonlyArray<BumpSetting> = ["replies", "comments", "replies_and_comments", "never"];

/** Something that happens to a conversation at a given time. */
export type ConversationAction = "tag" | "assign" | "comment" | "reply" | "inbound";

/** Whether `action` moves a conversation to the top under `bump`. */
export const bumps = (action: ConversationAction, bump: BumpSetting): boolean => {
  switch (action) {
    case "inbound":
      // The setting governs teammates' replies and comments; a customer's new message always bumps.
      return true;
    case "reply":
      return bump === "replies" || bump === "replies_and_comments";
    case "comment":
      return bump === "comments" || bump === "replies_and_comments";
    case "tag":
    case "assign":
      return false;
  }
};

// Same mixing as the dataset's hash, on another stream: an inbox list order unrelated to any time.
const mix = (seed: number, i: number): number => {
  let h = (seed ^ 0x27d4eb2f) >>> 0;
  h = Math.imul(h ^ i, 0x85ebca6b) >>> 0;
  h = (h ^ (h >>> 13)) >>> 0;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
};

/** Times and list order of the simulated company's conversations. */
export class ConversationOrder {
  private readonly updated = new Map<number, number>();
  private readonly bumped = new Map<number, number>();
  private companyOrder: Int32Array | undefined;
  private inboxOrder: Int32Array | undefined;

  constructor(
    private readonly dataset: Dataset,
    /** The company's bump setting; changing it affects later actions only, as in Front. */
    public bump: BumpSetting,
  ) {}

  /** `updated_at` of conversation `index`: its last action's time, else the generated one. */
  updatedAt = (index: number): number => this.updated.get(index) ?? this.dataset.conversationUpdatedAt(index);

  /** The time that places conversation `index` in company-wide lists (newest first). */
  bumpedAt = (index: number): number => this.bumped.get(index) ?? this.dataset.conversationUpdatedAt(index);

  /** Records `action` on conversation `index` at `at` (unix seconds): always a new `updated_at`, a new place only if it bumps. */
  record(index: number, action: ConversationAction, at: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.dataset.size.conversations) {
      throw new RangeError(`No simulated conversation #${index} (the company has ${this.dataset.size.conversations}).`);
    }
    if (!Number.isFinite(at)) throw new TypeError(`The time of a ${action} must be unix seconds; got ${String(at)}.`);
    this.updated.set(index, at);
    if (bumps(action, this.bump)) {
      this.bumped.set(index, at);
      this.companyOrder = undefined;
    }
  }

  /** Forgets every action: conversations go back to their generated times and places. */
  clear(): void {
    this.updated.clear();
    this.bumped.clear();
    this.companyOrder = undefined;
  }

  /** The conversation at `position` of the company-wide list (bump time, newest first; ties by index). */
  companyAt = (position: number): number => {
    // Untouched conversations are already in bump order (generated times fall with the index).
    if (this.bumped.size === 0) return position;
    this.companyOrder ??= this.sorted((a, b) => this.bumpedAt(b) - this.bumpedAt(a) || a - b);
    return this.companyOrder[position]!;
  };

  /** The conversation at `position` of every inbox list (an order unrelated to any time); members are filtered by the caller. */
  inboxAt = (position: number): number => {
    this.inboxOrder ??= this.sorted((a, b) => mix(this.dataset.seed, a) - mix(this.dataset.seed, b) || a - b);
    return this.inboxOrder[position]!;
  };

  /** Conversation `index` as Front returns it, with its current `updated_at`. */
  render = (index: number) => ({ ...this.dataset.conversation(index), updated_at: this.updatedAt(index) });

  private sorted(compare: (a: number, b: number) => number): Int32Array {
    return Int32Array.from({ length: this.dataset.size.conversations }, (_, i) => i).sort(compare);
  }
}
