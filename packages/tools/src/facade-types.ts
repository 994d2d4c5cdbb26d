/**
 * The Promise facade's public types as plain interfaces, for `@frontkit/tools/promise`.
 *
 * Why restate them: the facade's types in the main entry are derived from the tools' Effect schemas, so a
 * consumer's `tsc` must load Effect's whole declaration graph (≈ 250k lines) to check one `front.listTags()`
 * call. These interfaces import nothing, which keeps a Promise consumer's typecheck near an empty file's
 * (issue 7). They are not a second source of truth: test/promise-types.test-d.ts proves each one equal to the
 * type derived from its schema, so a schema change that is not mirrored here fails the tests.
 *
 * Nothing in this file may import `effect` or `@frontkit/core` (core's declarations hold the whole spec).
 */

/** A JSON value, as raw-api-request sends it (Effect's `Schema.Json`). */
export type JsonValue = null | number | boolean | string | JsonArray | JsonObject;
/** A JSON array. */
export interface JsonArray extends ReadonlyArray<JsonValue> {}
/** A JSON object. */
export interface JsonObject {
  readonly [x: string]: JsonValue;
}

/** A tag (`tag_…`). */
export interface Tag {
  readonly id: string;
  readonly name: string;
  readonly description?: string | null;
  readonly highlight?: string | null;
  readonly is_private?: boolean;
  readonly is_visible_in_conversation_lists?: boolean;
  readonly created_at?: number;
  readonly updated_at?: number;
}

/** An inbox (`inb_…`). Send messages through one of its channels, not the inbox id. */
export interface Inbox {
  readonly id: string;
  readonly name?: string | null;
  readonly is_private?: boolean;
  readonly is_public?: boolean;
  readonly custom_fields?: { readonly [x: string]: unknown } | null;
}

/** A teammate (`tea_…`). */
export interface Teammate {
  readonly id: string;
  readonly email?: string | null;
  readonly username?: string | null;
  readonly first_name?: string | null;
  readonly last_name?: string | null;
  readonly is_admin?: boolean;
  readonly is_available?: boolean;
  readonly is_blocked?: boolean;
  readonly type?: string | null;
  readonly custom_fields?: { readonly [x: string]: unknown } | null;
}

/** A contact handle: where the contact can be reached (`source`) and the address there (`handle`). */
export interface ContactHandle {
  readonly handle: string;
  readonly source: string;
}

/** A contact group or list as nested in a contact. */
export interface ContactGroup {
  readonly id?: string;
  readonly name?: string | null;
  readonly is_private?: boolean;
}

/** A contact (`crd_…`). */
export interface Contact {
  readonly id: string;
  readonly name?: string | null;
  readonly description?: string | null;
  readonly avatar_url?: string | null;
  readonly links?: ReadonlyArray<unknown> | null;
  readonly groups?: ReadonlyArray<ContactGroup> | null;
  readonly lists?: ReadonlyArray<ContactGroup> | null;
  readonly handles?: ReadonlyArray<ContactHandle> | null;
  readonly custom_fields?: { readonly [x: string]: unknown } | null;
  readonly is_private?: boolean;
  readonly updated_at?: number | null;
}

/** The sources Front accepts for a contact handle. */
export type ContactHandleSource = "email" | "phone" | "twitter" | "facebook" | "intercom" | "front_chat" | "custom";

/** A recipient: a handle on a conversation or message, with its role (from, to, cc, bcc, …). */
export interface Recipient {
  readonly name?: string | null;
  readonly handle?: string | null;
  readonly role?: string | null;
}

/** A conversation (`cnv_…`). `inbox_ids`: the inboxes it was listed from, when known. */
export interface Conversation {
  readonly id: string;
  readonly subject?: string | null;
  readonly status?: string | null;
  readonly status_id?: string | null;
  readonly status_category?: string | null;
  readonly assignee?: Teammate | null;
  readonly recipient?: Recipient | null;
  readonly tags?: ReadonlyArray<Tag> | null;
  readonly inbox_ids?: ReadonlyArray<string>;
  readonly is_private?: boolean | null;
  readonly created_at?: number | null;
  readonly updated_at?: number | null;
  readonly waiting_since?: number | null;
}

/** A message attachment's metadata (the file itself is fetched by its url with the token). */
export interface MessageAttachmentInfo {
  readonly id?: string | null;
  readonly filename?: string | null;
  readonly url?: string | null;
  readonly content_type?: string | null;
  readonly size?: number | null;
  readonly is_inline?: boolean | null;
}

/** A message of a conversation (`msg_…`), inbound or outbound. */
export interface ConversationMessage {
  readonly id: string;
  readonly type?: string | null;
  readonly is_inbound?: boolean | null;
  readonly draft_mode?: string | null;
  readonly created_at?: number | null;
  readonly subject?: string | null;
  readonly blurb?: string | null;
  readonly author?: Teammate | null;
  readonly recipients?: ReadonlyArray<Recipient> | null;
  readonly body?: string | null;
  readonly text?: string | null;
  readonly attachments?: ReadonlyArray<MessageAttachmentInfo> | null;
}

/** A point in time: an ISO 8601 date or date-time with zone, or unix seconds. */
export type Timestamp = string | number;

/** Input of list-tags. */
export interface ListTagsInput {
  readonly refresh?: boolean;
}
/** Output of list-tags. */
export interface ListTagsOutput {
  readonly tags: ReadonlyArray<Tag>;
  readonly count: number;
}

/** Input of list-inboxes. */
export interface ListInboxesInput {
  readonly refresh?: boolean;
}
/** Output of list-inboxes. */
export interface ListInboxesOutput {
  readonly inboxes: ReadonlyArray<Inbox>;
  readonly count: number;
}

/** Input of list-teammates: none (`{}`). */
export interface ListTeammatesInput {
  readonly [x: string]: never;
}
/** Output of list-teammates. */
export interface ListTeammatesOutput {
  readonly teammates: ReadonlyArray<Teammate>;
  readonly count: number;
}

/** get-contact by contact id or alias. */
export interface GetContactById {
  readonly contact_id: string;
  readonly email?: never;
  readonly phone?: never;
  readonly handle?: never;
  readonly source?: never;
}
/** get-contact by email address. */
export interface GetContactByEmail {
  readonly email: string;
  readonly contact_id?: never;
  readonly phone?: never;
  readonly handle?: never;
  readonly source?: never;
}
/** get-contact by phone number. */
export interface GetContactByPhone {
  readonly phone: string;
  readonly contact_id?: never;
  readonly email?: never;
  readonly handle?: never;
  readonly source?: never;
}
/** get-contact by a handle of another source. */
export interface GetContactByHandle {
  readonly handle: string;
  readonly source: ContactHandleSource;
  readonly contact_id?: never;
  readonly email?: never;
  readonly phone?: never;
}
/** Input of get-contact: exactly one of contact_id, email, phone, or handle with its source. */
export type GetContactInput = GetContactById | GetContactByEmail | GetContactByPhone | GetContactByHandle;
/** Output of get-contact. */
export interface GetContactOutput {
  readonly contact: Contact;
}

/** A handle of a new contact. */
export interface NewContactHandle {
  readonly source: ContactHandleSource;
  readonly handle: string;
}
/** Input of create-contact. */
export interface CreateContactInput {
  readonly handles: ReadonlyArray<NewContactHandle>;
  readonly name?: string;
  readonly description?: string;
  readonly links?: ReadonlyArray<string>;
  readonly group_names?: ReadonlyArray<string>;
  readonly custom_fields?: { readonly [x: string]: string | number | boolean };
}
/** Output of create-contact. */
export interface CreateContactOutput {
  readonly contact: Contact;
}

/** Input of list-contacts. */
export interface ListContactsInput {
  readonly updated_after?: Timestamp;
  readonly updated_before?: Timestamp;
  readonly sort_by?: "created_at" | "updated_at";
  readonly sort_order?: "asc" | "desc";
  readonly limit?: number;
  readonly page_token?: string;
  readonly auto_paginate?: boolean;
  readonly max_results?: number;
}
/** Output of list-contacts. */
export interface ListContactsOutput {
  readonly contacts: ReadonlyArray<Contact>;
  readonly count: number;
  readonly next_page_token?: string;
}

/** Input of list-conversations. */
export interface ListConversationsInput {
  readonly inbox_ids?: ReadonlyArray<string>;
  readonly statuses?: ReadonlyArray<"assigned" | "unassigned" | "archived" | "trashed">;
  readonly status_categories?: ReadonlyArray<"open" | "waiting" | "resolved">;
  readonly updated_after?: Timestamp;
  readonly limit?: number;
  readonly page_token?: string;
  readonly auto_paginate?: boolean;
  readonly max_results?: number;
  readonly max_pages?: number;
}
/** Output of list-conversations. */
export interface ListConversationsOutput {
  readonly conversations: ReadonlyArray<Conversation>;
  readonly count: number;
  readonly next_page_token?: string;
  /** True when every list was read to its end; false when a bound (limit, max_results, max_pages) stopped first. */
  readonly complete: boolean;
  /** @deprecated Always false: paging never stops at a date (Front's lists are not in updated_at order). Use `complete`. */
  readonly stopped_by_date_filter: boolean;
}

/** Input of get-conversation. */
export interface GetConversationInput {
  readonly conversation_id: string;
  readonly include_messages?: boolean;
  readonly max_messages?: number;
}
/** Output of get-conversation. */
export interface GetConversationOutput {
  readonly conversation: Conversation;
  readonly requested_id: string;
  readonly merged_into?: string;
  readonly messages?: ReadonlyArray<ConversationMessage>;
  readonly message_count?: number;
  readonly more_messages?: boolean;
}

/** Input of add-tag: tag ids, tag names, or both. */
export interface AddTagInput {
  readonly conversation_id: string;
  readonly tag_ids?: ReadonlyArray<string>;
  readonly tag_names?: ReadonlyArray<string>;
}
/** A tag add-tag applied. */
export interface AppliedTag {
  readonly id: string;
  readonly name?: string;
}
/** Output of add-tag. */
export interface AddTagOutput {
  readonly conversation_id: string;
  readonly requested_id: string;
  readonly merged_into?: string;
  readonly tag_ids: ReadonlyArray<string>;
  readonly tags: ReadonlyArray<AppliedTag>;
}

/** A file to attach to a message, base64-encoded. */
export interface Base64Attachment {
  readonly filename: string;
  readonly content_type: string;
  readonly data_base64: string;
}
/** Input of send-message: `conversation_id` to reply, or `channel_id` and `to` for a new message. */
export interface SendMessageInput {
  readonly conversation_id?: string;
  readonly channel_id?: string;
  readonly to?: ReadonlyArray<string>;
  readonly cc?: ReadonlyArray<string>;
  readonly bcc?: ReadonlyArray<string>;
  readonly subject?: string;
  readonly body: string;
  readonly text?: string;
  readonly quote_body?: string;
  readonly sender_name?: string;
  readonly author_id?: string;
  readonly options?: { readonly tag_ids?: ReadonlyArray<string>; readonly archive?: boolean };
  readonly signature_id?: string;
  readonly should_add_default_signature?: boolean;
  readonly attachments?: ReadonlyArray<Base64Attachment>;
}
/** Output of send-message. */
export interface SendMessageOutput {
  readonly status: string;
  readonly message_uid?: string;
  readonly kind: "reply" | "new";
  readonly conversation_id?: string;
  readonly requested_conversation_id?: string;
  readonly merged_into?: string;
  readonly channel_id?: string;
  readonly resolved_from_inbox_id?: string;
  readonly attachment_count: number;
  readonly note?: string;
}

/** A query parameter value of raw-api-request. */
export type RawQueryValue = string | number | boolean | ReadonlyArray<string | number | boolean>;
/** Input of raw-api-request: any Core API path template, relative. */
export interface RawApiRequestInput {
  readonly method: "get" | "put" | "post" | "delete" | "patch" | "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  readonly path: string;
  readonly query?: { readonly [x: string]: RawQueryValue | { readonly [x: string]: RawQueryValue } };
  readonly body?: JsonObject;
  readonly auto_paginate?: boolean;
  readonly max_results?: number;
}
/** Output of raw-api-request. */
export interface RawApiRequestOutput {
  readonly status: number;
  readonly template: string;
  readonly body: unknown;
  readonly location?: string;
  readonly merged_into?: string;
  readonly operation_id?: string;
  readonly pages?: number;
  readonly has_more?: boolean;
  readonly next_page_token?: string;
  readonly rate_limit: {
    readonly limit?: number;
    readonly remaining?: number;
    readonly reset_at?: number;
    readonly retry_after_ms?: number;
  };
}

/** One progress report: `progress` grows with every report and is never above `total`; `total` when known (it may grow, never shrinks). */
export interface ProgressUpdate {
  readonly progress: number;
  readonly total?: number;
  readonly message?: string;
}

/** One HTTP attempt, answered or not. */
export interface RequestAttemptEvent {
  readonly type: "attempt";
  /** Method and Front path template, e.g. `GET /contacts/{contact_id}`. */
  readonly operation: string;
  /** 1 for the first try of this request, 2 for the first retry, … */
  readonly attempt: number;
  /** Front's HTTP status; absent when no response came (reset, timeout, …). */
  readonly status?: number;
  /** The typed error's tag when the attempt failed (a non-2xx answer or none). */
  readonly error?: string;
  /** From sending the request to having its answer read, in milliseconds. */
  readonly durationMs: number;
  /** How long the attempt waited for the rate limiter (concurrency, burst pacing, a 429's gate) before it was sent. */
  readonly queuedMs: number;
}

/** A wait before trying a request again, decided by the retry schedule. */
export interface RequestRetryEvent {
  readonly type: "retry";
  /** Method and Front path template. */
  readonly operation: string;
  /** The attempt about to be made after the wait (2 for the first retry). */
  readonly attempt: number;
  /** The wait, in milliseconds (a 429's retry-after, or backoff). */
  readonly delayMs: number;
  /** The tag of the failure being retried (`RateLimited`, `ServerError`, `Transport`). */
  readonly reason: string;
  /** Its HTTP status, when Front answered. */
  readonly status?: number;
}

/** What the request boundary reports: each attempt and each retry wait. */
export type RequestEvent = RequestAttemptEvent | RequestRetryEvent;

/** Per-call options. */
export interface InvokeOptions {
  /** Aborting it interrupts the tool and aborts its in-flight request. */
  readonly signal?: AbortSignal | undefined;
  /** Progress of long tools (paging). */
  readonly onProgress?: ((progress: ProgressUpdate) => void) | undefined;
  /** Each HTTP attempt and retry wait of this call (method, path template, status, timings; never the token or a body). */
  readonly onRequest?: ((event: RequestEvent) => void) | undefined;
}

/** Rate-limit headers of a response (as `@frontkit/core` parses them). */
export interface RateLimitInfo {
  /** `x-ratelimit-limit`: requests allowed per window for the company. */
  readonly limit?: number;
  /** `x-ratelimit-remaining`: requests left in the current window. */
  readonly remaining?: number;
  /** `x-ratelimit-reset` converted from unix seconds to unix milliseconds. */
  readonly resetAt?: number;
  /** `retry-after` converted to milliseconds from `now` (never negative). */
  readonly retryAfterMs?: number;
  /** `x-front-tier`: present when a burst (per-resource) limit was hit rather than the company limit. */
  readonly tier?: string;
}

/** Result of `invokeDetailed`. */
export interface DetailedResult<O> {
  readonly data: O;
  readonly meta: {
    /** HTTP attempts sent by this call, retries included. */
    readonly attempts: number;
    /** Rate-limit headers of the last response. */
    readonly rateLimit: RateLimitInfo;
  };
}

/** Units of a duration string such as `"30 seconds"`. */
export type DurationUnit =
  | "nano"
  | "nanos"
  | "micro"
  | "micros"
  | "milli"
  | "millis"
  | "second"
  | "seconds"
  | "minute"
  | "minutes"
  | "hour"
  | "hours"
  | "day"
  | "days"
  | "week"
  | "weeks";
/** A duration: milliseconds, or a string such as `"30 seconds"`. */
export type DurationInput = number | `${number} ${DurationUnit}`;

/**
 * Options of `createFrontTools` from `@frontkit/tools/promise`. The main entry's options also accept a
 * `Redacted` token, Effect `Duration`s and a custom retry `Schedule`; those need Effect, so they live there.
 */
export interface FrontToolsOptions {
  /** The Front API token. */
  readonly token: string;
  /** Core API base URL (default `https://api2.frontapp.com`); http only for loopback. */
  readonly baseUrl?: string | undefined;
  /** A fetch implementation (tests, proxies). */
  readonly fetch?: ((input: Request) => Promise<Response>) | undefined;
  /** Per-request timeout in ms (default 30 000). */
  readonly timeoutMs?: number | undefined;
  /** Prepended to frontkit's user agent. */
  readonly userAgent?: string | undefined;
  /** Largest answer read, in bytes after decompression (default 32 MiB); a larger one is UnexpectedResponse. */
  readonly maxResponseBytes?: number | undefined;
  /** Most bytes of answers one call reads across all its pages (default 64 MiB); past it the call fails with UnexpectedResponse naming this option. */
  readonly maxCallBytes?: number | undefined;
  /** Most pages one whole-list read may request (default 100; empty pages count); past it UnexpectedResponse names this option. */
  readonly maxListPages?: number | undefined;
  /** Cap on a 429's retry-after (default 60 s). */
  readonly maxRetryAfter?: DurationInput | undefined;
  /** Requests in flight at once for this token (default 50, at most 1000). */
  readonly maxConcurrency?: number | undefined;
  /** Requests per second per burst-limited resource type (default 5, Front's burst limit; 0, or above 1000, disables burst pacing). */
  readonly burstPerSecond?: number | undefined;
  /** Which resource types are burst-paced: `"learn"` (default) those Front refused with a burst 429, `"always"` all of them. */
  readonly burstPacing?: "learn" | "always" | undefined;
  /** How long list-tags / list-inboxes results are reused (default 5 minutes; 0 disables). */
  readonly cacheTtl?: DurationInput | undefined;
  /** Observes every HTTP attempt and retry wait of every call (method, path template, status, timings; never the token or a body). */
  readonly onRequest?: ((event: RequestEvent) => void) | undefined;
  /** `redis://` or `rediss://` URL of a Redis shared by every process serving the same accounts: the limiter's state and cached lists are kept there (needs the `ioredis` package). */
  readonly redisUrl?: string | undefined;
}

/** The `source` or `target` of an event: what kind of resource (`_meta.type`) and the resource (`data`). */
export interface FrontEventParty {
  readonly _meta: { readonly type: string };
  readonly data?: unknown;
}

/**
 * A Front event (`evt_…`) as `GET /events` lists it; at runtime every field Front sent is kept. The main entry
 * types `conversation` as Front's conversation resource; here it is any object with an id.
 */
export interface FrontEvent {
  readonly id: string;
  /** `inbound`, `outbound`, `tag`, `assign`, … (Front adds types; unknown ones arrive as they are). */
  readonly type: string;
  /** Unix seconds with decimals. */
  readonly emitted_at: number;
  readonly source?: FrontEventParty;
  readonly target?: FrontEventParty;
  readonly conversation?: { readonly id: string; readonly [field: string]: unknown };
  readonly _links?: { readonly self?: string };
}

/** A persisted position in the events feed (store it, or its string form, between runs). */
export interface EventCursor {
  readonly v: 1;
  /** Unix seconds: the next poll asks for events after `after − overlapSeconds`. */
  readonly after: number;
  /** Ids of delivered events near `after`, skipped when Front lists them again. */
  readonly seen: ReadonlyArray<string>;
}

/** Options of `pollEvents` and `events`. */
export interface EventsFeedOptions {
  /** Only these event types (`inbound`, `tag`, …; any `[a-z_]+`). Default: all. */
  readonly types?: ReadonlyArray<string>;
  /** Only events of these inboxes (`inb_…`). */
  readonly inboxIds?: ReadonlyArray<string>;
  /** Where to continue: a cursor or `cursorString` from an earlier poll. Wins over `since`. */
  readonly cursor?: EventCursor | string;
  /** Without a cursor: events emitted after this time (ISO 8601 or unix seconds). Default: now. */
  readonly since?: Timestamp;
  /** Seconds re-read below the cursor and held back before delivery (default 5, at most 300). */
  readonly overlapSeconds?: number;
  /** Most events one poll delivers (default 1000). */
  readonly maxEventsPerPoll?: number;
}

/** Result of `pollEvents`. */
export interface EventsPoll {
  /** New events, oldest first. */
  readonly events: ReadonlyArray<FrontEvent>;
  /** Where the next poll continues. */
  readonly cursor: EventCursor;
  /** The cursor as a compact string. */
  readonly cursorString: string;
}

/** One event of `events()`, with the cursor to persist once it is handled. */
export interface EventsFeedItem {
  readonly event: FrontEvent;
  readonly cursor: EventCursor;
}

/** Options of `events()`. */
export interface EventsIteratorOptions extends EventsFeedOptions {
  /** Wait between polls that found nothing more to read, in ms (default 30 000, at least 1 000). */
  readonly pollIntervalMs?: number | undefined;
  /** Aborting it ends the iteration (interrupting a wait or an in-flight request); no error is thrown. */
  readonly signal?: AbortSignal | undefined;
}

/** The tools as camelCase async methods; a tool whose input is all optional may be called without one. */
export interface FrontToolMethods {
  /** add-tag: adds existing tags (by id or name) to a conversation. */
  readonly addTag: (input: AddTagInput, options?: InvokeOptions) => Promise<AddTagOutput>;
  /** create-contact: creates a contact with its handles. */
  readonly createContact: (input: CreateContactInput, options?: InvokeOptions) => Promise<CreateContactOutput>;
  /** get-contact: one contact by id or handle. */
  readonly getContact: (input: GetContactInput, options?: InvokeOptions) => Promise<GetContactOutput>;
  /** get-conversation: one conversation (following merges) and its newest messages. */
  readonly getConversation: (input: GetConversationInput, options?: InvokeOptions) => Promise<GetConversationOutput>;
  /** list-contacts: contacts, filtered and paged. */
  readonly listContacts: (input?: ListContactsInput, options?: InvokeOptions) => Promise<ListContactsOutput>;
  /** list-conversations: conversations of one or more inboxes, filtered and paged. */
  readonly listConversations: (input?: ListConversationsInput, options?: InvokeOptions) => Promise<ListConversationsOutput>;
  /** list-inboxes: every inbox (cached). */
  readonly listInboxes: (input?: ListInboxesInput, options?: InvokeOptions) => Promise<ListInboxesOutput>;
  /** list-tags: every tag (cached). */
  readonly listTags: (input?: ListTagsInput, options?: InvokeOptions) => Promise<ListTagsOutput>;
  /** list-teammates: every teammate. */
  readonly listTeammates: (input?: ListTeammatesInput, options?: InvokeOptions) => Promise<ListTeammatesOutput>;
  /** raw-api-request: any Core API operation by method and relative path. */
  readonly rawApiRequest: (input: RawApiRequestInput, options?: InvokeOptions) => Promise<RawApiRequestOutput>;
  /** send-message: a new message from a channel, or a reply in a conversation. */
  readonly sendMessage: (input: SendMessageInput, options?: InvokeOptions) => Promise<SendMessageOutput>;
}

/** Each tool's input and output, by its kebab-case name. */
export interface FrontToolTypes {
  readonly "add-tag": { readonly input: AddTagInput; readonly output: AddTagOutput };
  readonly "create-contact": { readonly input: CreateContactInput; readonly output: CreateContactOutput };
  readonly "get-contact": { readonly input: GetContactInput; readonly output: GetContactOutput };
  readonly "get-conversation": { readonly input: GetConversationInput; readonly output: GetConversationOutput };
  readonly "list-contacts": { readonly input: ListContactsInput; readonly output: ListContactsOutput };
  readonly "list-conversations": { readonly input: ListConversationsInput; readonly output: ListConversationsOutput };
  readonly "list-inboxes": { readonly input: ListInboxesInput; readonly output: ListInboxesOutput };
  readonly "list-tags": { readonly input: ListTagsInput; readonly output: ListTagsOutput };
  readonly "list-teammates": { readonly input: ListTeammatesInput; readonly output: ListTeammatesOutput };
  readonly "raw-api-request": { readonly input: RawApiRequestInput; readonly output: RawApiRequestOutput };
  readonly "send-message": { readonly input: SendMessageInput; readonly output: SendMessageOutput };
}

type KebabToCamel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<KebabToCamel<T>>}` : S;

/** Each tool's input and output by its kebab-case and its camelCase name (`list-tags`, `listTags`). */
export type FrontToolTypesByAnyName = FrontToolTypes & { readonly [K in keyof FrontToolTypes as KebabToCamel<K>]: FrontToolTypes[K] };

/** A tool name `invoke` knows, kebab-case or camelCase. */
export type FrontToolName = keyof FrontToolTypesByAnyName & string;

/** `invoke`: typed by the tool for a literal tool name, `unknown` for any other string. */
export interface InvokeTool {
  <N extends FrontToolName>(name: N, input: FrontToolTypesByAnyName[N]["input"], options?: InvokeOptions): Promise<FrontToolTypesByAnyName[N]["output"]>;
  <S extends string>(name: S extends FrontToolName ? never : S, input: unknown, options?: InvokeOptions): Promise<unknown>;
}

/** `invokeDetailed`: typed by the tool for a literal tool name, `unknown` data for any other string. */
export interface InvokeToolDetailed {
  <N extends FrontToolName>(
    name: N,
    input: FrontToolTypesByAnyName[N]["input"],
    options?: InvokeOptions,
  ): Promise<DetailedResult<FrontToolTypesByAnyName[N]["output"]>>;
  <S extends string>(name: S extends FrontToolName ? never : S, input: unknown, options?: InvokeOptions): Promise<DetailedResult<unknown>>;
}

/** The Front tools behind Promises. */
export interface FrontTools extends FrontToolMethods {
  /**
   * Runs a tool by name (`list-tags`; camelCase accepted); an unknown name rejects with InvalidInput listing the
   * valid ones. A literal tool name types the input and the result by that tool.
   */
  readonly invoke: InvokeTool;
  /** Like `invoke`, resolving to `{ data, meta: { attempts, rateLimit } }`: HTTP attempts sent (retries included) and the last rate-limit headers. */
  readonly invokeDetailed: InvokeToolDetailed;
  /** Polls Front's events once: new events oldest first and the cursor to pass next time. */
  readonly pollEvents: (options?: EventsFeedOptions, invokeOptions?: InvokeOptions) => Promise<EventsPoll>;
  /** Every event from the cursor (or `since`, default now) on, each with the cursor to persist once handled; ends on `break` or `signal`. */
  readonly events: (options?: EventsIteratorOptions) => AsyncIterable<EventsFeedItem>;
  /** Releases the runtime and ends running event iterations; later calls reject with Disposed. */
  readonly dispose: () => Promise<void>;
}

/** The `_tag` of every error a tool call can reject with. */
export type FrontToolErrorTag =
  | "InvalidInput"
  | "Unauthorized"
  | "Forbidden"
  | "NotFound"
  | "Conflict"
  | "Validation"
  | "RateLimited"
  | "ServerError"
  | "Transport"
  | "UnexpectedResponse"
  | "Disposed";

/** What every rejection of a tool call carries (the main entry exports each error's class with its own fields). */
export interface FrontToolFailure extends Error {
  readonly _tag: FrontToolErrorTag;
  readonly message: string;
  /** Whether trying again later may succeed. */
  readonly retryable: boolean;
  /** The HTTP status Front answered, when there was an answer. */
  readonly status?: number;
  /** Front's `x-request-id`, for Front support. */
  readonly requestId?: string;
  /** The tool or operation that failed. */
  readonly operation?: string;
}
