/** How many of each resource the simulated company has. */
export interface DatasetSize {
  readonly inboxes: number;
  readonly tags: number;
  readonly teammates: number;
  readonly contacts: number;
  readonly conversations: number;
  /** Messages per conversation are 1..maxMessagesPerConversation, fixed by the seed. */
  readonly maxMessagesPerConversation: number;
  /** Events in the generated history of `GET /events` (before the dataset's epoch). */
  readonly events: number;
}

/** Default dataset: small enough for unit tests, several pages of everything. */
export const DEFAULT_DATASET: DatasetSize = {
  inboxes: 3,
  tags: 12,
  teammates: 5,
  contacts: 250,
  conversations: 300,
  maxMessagesPerConversation: 4,
  events: 200,
};

/** Conversation statuses Front filters on with `q[statuses]`. */
export const CONVERSATION_STATUSES = ["assigned", "unassigned", "archived", "trashed"] as const;

const COMPANY_HOST = "https://acme.api.frontapp.com";
// Fixed epoch so a seed always yields the same data: 2026-01-01T00:00:00Z.
const EPOCH_SECONDS = 1_767_225_600;

// Records are computed from their index on demand (never stored), so a 10k-conversation
// company costs no memory; a small integer hash keeps them deterministic per seed.
/** The testkit's deterministic integer hash of a seed and some integers (dataset records, the event history). */
export const hash = (seed: number, ...parts: number[]): number => {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const p of parts) {
    h = Math.imul(h ^ p, 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h;
};

const pad = (n: number): string => n.toString(36).padStart(4, "0");
const link = (path: string) => ({ self: `${COMPANY_HOST}${path}` });

/** Parses `<prefix>_<base36 index>` ids produced by this dataset. */
export const indexFromId = (id: string, prefix: string, count: number): number | undefined => {
  if (!id.startsWith(`${prefix}_`)) return undefined;
  const body = id.slice(prefix.length + 1);
  if (!/^[0-9a-z]+$/.test(body)) return undefined;
  const index = parseInt(body, 36);
  return Number.isSafeInteger(index) && index >= 0 && index < count ? index : undefined;
};

/** A deterministic, lazily generated Front company. */
export class Dataset {
  constructor(
    readonly size: DatasetSize,
    readonly seed: number,
  ) {}

  inboxId = (i: number): string => `inb_${pad(i)}`;
  tagId = (i: number): string => `tag_${pad(i)}`;
  teammateId = (i: number): string => `tea_${pad(i)}`;
  contactId = (i: number): string => `crd_${pad(i)}`;
  conversationId = (i: number): string => `cnv_${pad(i)}`;
  channelId = (i: number): string => `cha_${pad(i)}`;

  inbox = (i: number) => ({
    _links: { ...link(`/inboxes/${this.inboxId(i)}`), related: {} },
    id: this.inboxId(i),
    name: `Inbox ${i + 1}`,
    is_private: false,
    is_public: true,
    custom_fields: {},
  });

  tag = (i: number) => ({
    _links: { ...link(`/tags/${this.tagId(i)}`), related: {} },
    id: this.tagId(i),
    name: `tag-${i + 1}`,
    description: null,
    highlight: null,
    is_private: false,
    is_visible_in_conversation_lists: true,
    created_at: EPOCH_SECONDS - 86_400 * (i + 1),
    updated_at: EPOCH_SECONDS - 86_400 * (i + 1),
  });

  teammate = (i: number) => ({
    _links: { ...link(`/teammates/${this.teammateId(i)}`), related: {} },
    id: this.teammateId(i),
    email: `teammate${i + 1}@acme.example`,
    username: `teammate${i + 1}`,
    first_name: "Teammate",
    last_name: String(i + 1),
    is_admin: i === 0,
    is_available: true,
    is_blocked: false,
    type: "user",
    custom_fields: {},
  });

  /** Generated times fall with the index: index 0 is newest (conversations' list order: conversation-order.ts). */
  contactUpdatedAt = (i: number): number => EPOCH_SECONDS - i * 600;

  contact = (i: number) => ({
    _links: { ...link(`/contacts/${this.contactId(i)}`), related: {} },
    id: this.contactId(i),
    name: `Contact ${i + 1}`,
    description: null,
    avatar_url: null,
    links: [],
    groups: [],
    lists: [],
    handles: [{ handle: `contact${i + 1}@customer.example`, source: "email" }],
    custom_fields: {},
    is_private: false,
    updated_at: this.contactUpdatedAt(i),
  });

  conversationUpdatedAt = (i: number): number => EPOCH_SECONDS - i * 60;

  conversationStatus = (i: number): (typeof CONVERSATION_STATUSES)[number] =>
    CONVERSATION_STATUSES[hash(this.seed, 1, i) % CONVERSATION_STATUSES.length]!;

  conversationInbox = (i: number): number => i % Math.max(1, this.size.inboxes);

  messageCount = (i: number): number => 1 + (hash(this.seed, 2, i) % Math.max(1, this.size.maxMessagesPerConversation));

  conversation = (i: number) => {
    const status = this.conversationStatus(i);
    const assignee = status === "assigned" && this.size.teammates > 0 ? this.teammate(i % this.size.teammates) : null;
    const tagCount = this.size.tags > 0 ? hash(this.seed, 3, i) % 3 : 0;
    return {
      _links: {
        ...link(`/conversations/${this.conversationId(i)}`),
        related: {
          messages: `${COMPANY_HOST}/conversations/${this.conversationId(i)}/messages`,
          inboxes: `${COMPANY_HOST}/conversations/${this.conversationId(i)}/inboxes`,
        },
      },
      id: this.conversationId(i),
      subject: `Conversation ${i + 1}`,
      status,
      assignee,
      recipient: { handle: `contact${(i % Math.max(1, this.size.contacts)) + 1}@customer.example`, role: "from" },
      tags: Array.from({ length: tagCount }, (_, k) => this.tag((i + k) % this.size.tags)),
      links: [],
      custom_fields: {},
      created_at: this.conversationUpdatedAt(i) - 3_600,
      updated_at: this.conversationUpdatedAt(i),
      waiting_since: this.conversationUpdatedAt(i),
      is_private: false,
      scheduled_reminders: [],
      metadata: {},
    };
  };

  message = (conversation: number, k: number) => {
    const id = `msg_${pad(conversation)}${pad(k)}`;
    const inbound = k % 2 === 0;
    return {
      _links: { ...link(`/messages/${id}`), related: { conversation: `${COMPANY_HOST}/conversations/${this.conversationId(conversation)}` } },
      id,
      message_uid: `uid-${id}`,
      type: "email",
      is_inbound: inbound,
      draft_mode: null,
      error_type: null,
      version: null,
      created_at: this.conversationUpdatedAt(conversation) - 3_600 + k * 60,
      subject: `Conversation ${conversation + 1}`,
      blurb: `Message ${k + 1}`,
      author: inbound || this.size.teammates === 0 ? null : this.teammate(conversation % this.size.teammates),
      recipients: [],
      body: `<p>Message ${k + 1}</p>`,
      text: `Message ${k + 1}`,
      attachments: [],
      signature: null,
      metadata: {},
    };
  };
}

/** The company host Front puts in `_links` and `_pagination.next`. */
export const SIMULATED_COMPANY_HOST = COMPANY_HOST;
