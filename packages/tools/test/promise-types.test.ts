// `@frontkit/tools/promise` types the facade with plain declarations (so consumers' typechecks skip Effect's
// declarations): the tools' types are generated from the schemas at build time (scripts/facade-types.mjs), the
// options, events and errors are written in src/facade-types.ts. These tests keep every one exactly equal to what
// the schemas and the main facade define, so they cannot drift.
import type { Duration, Schema } from "effect";
import { describe, expect, expectTypeOf, it } from "vitest";
import type * as P from "../src/facade-types.js";
import type { FrontConfig } from "../src/front.js";
import type { ProgressUpdate } from "../src/progress.js";
import type { RateLimitInfo } from "@frontkit/core";
import {
  addTag,
  createContact,
  createFrontTools as createMain,
  type DetailedResult,
  type FrontToolError,
  type FrontToolMethods,
  type FrontToolName,
  type FrontTools,
  getContact,
  type InvokeOptions,
  type RequestEvent,
  listInboxes,
  listTags,
  listTeammates,
  rawApiRequest,
  sendMessage,
  type Contact,
  type EventCursor,
  type EventsFeedItem,
  type EventsFeedOptions,
  type EventsIteratorOptions,
  type EventsPoll,
  type FrontEvent,
  type Inbox,
  type Tag,
  type Teammate,
  type ToolInput,
  type ToolOutput,
  tools,
} from "../src/index.js";
import type { getConversation } from "../src/tools/get-conversation.js";
import type { listContacts } from "../src/tools/list-contacts.js";
import type { listConversations } from "../src/tools/list-conversations.js";
import { NotFound, isFrontToolError as isMainError } from "../src/index.js";
import {
  createFrontTools as createPromise,
  type FrontTools as PromiseFrontTools,
  isFrontToolError as isPromiseError,
} from "../src/promise.js";
import { fakeFetch, frontError, json } from "./support/fake-fetch.js";

describe("@frontkit/tools/promise types equal the schema-derived ones", () => {
  it("tool inputs", () => {
    expectTypeOf<P.AddTagInput>().toEqualTypeOf<ToolInput<typeof addTag>>();
    expectTypeOf<P.CreateContactInput>().toEqualTypeOf<ToolInput<typeof createContact>>();
    expectTypeOf<P.GetContactInput>().toEqualTypeOf<ToolInput<typeof getContact>>();
    expectTypeOf<P.GetConversationInput>().toEqualTypeOf<ToolInput<typeof getConversation>>();
    expectTypeOf<P.ListContactsInput>().toEqualTypeOf<ToolInput<typeof listContacts>>();
    expectTypeOf<P.ListConversationsInput>().toEqualTypeOf<ToolInput<typeof listConversations>>();
    expectTypeOf<P.ListInboxesInput>().toEqualTypeOf<ToolInput<typeof listInboxes>>();
    expectTypeOf<P.ListTagsInput>().toEqualTypeOf<ToolInput<typeof listTags>>();
    expectTypeOf<P.ListTeammatesInput>().toEqualTypeOf<ToolInput<typeof listTeammates>>();
    expectTypeOf<P.RawApiRequestInput>().toEqualTypeOf<ToolInput<typeof rawApiRequest>>();
    expectTypeOf<P.SendMessageInput>().toEqualTypeOf<ToolInput<typeof sendMessage>>();
  });

  it("tool outputs", () => {
    expectTypeOf<P.AddTagOutput>().toEqualTypeOf<ToolOutput<typeof addTag>>();
    expectTypeOf<P.CreateContactOutput>().toEqualTypeOf<ToolOutput<typeof createContact>>();
    expectTypeOf<P.GetContactOutput>().toEqualTypeOf<ToolOutput<typeof getContact>>();
    expectTypeOf<P.GetConversationOutput>().toEqualTypeOf<ToolOutput<typeof getConversation>>();
    expectTypeOf<P.ListContactsOutput>().toEqualTypeOf<ToolOutput<typeof listContacts>>();
    expectTypeOf<P.ListConversationsOutput>().toEqualTypeOf<ToolOutput<typeof listConversations>>();
    expectTypeOf<P.ListInboxesOutput>().toEqualTypeOf<ToolOutput<typeof listInboxes>>();
    expectTypeOf<P.ListTagsOutput>().toEqualTypeOf<ToolOutput<typeof listTags>>();
    expectTypeOf<P.ListTeammatesOutput>().toEqualTypeOf<ToolOutput<typeof listTeammates>>();
    expectTypeOf<P.RawApiRequestOutput>().toEqualTypeOf<ToolOutput<typeof rawApiRequest>>();
    expectTypeOf<P.SendMessageOutput>().toEqualTypeOf<ToolOutput<typeof sendMessage>>();
  });

  it("shared records and helpers", () => {
    expectTypeOf<P.Tag>().toEqualTypeOf<Tag>();
    expectTypeOf<P.Inbox>().toEqualTypeOf<Inbox>();
    expectTypeOf<P.Teammate>().toEqualTypeOf<Teammate>();
    expectTypeOf<P.Contact>().toEqualTypeOf<Contact>();
    expectTypeOf<P.JsonValue>().toEqualTypeOf<Schema.Json>();
    expectTypeOf<P.ProgressUpdate>().toEqualTypeOf<ProgressUpdate>();
    expectTypeOf<P.InvokeOptions>().toEqualTypeOf<InvokeOptions>();
    expectTypeOf<P.RateLimitInfo>().toEqualTypeOf<RateLimitInfo>();
    expectTypeOf<P.RequestEvent>().toEqualTypeOf<RequestEvent>();
    expectTypeOf<P.DetailedResult<unknown>>().toEqualTypeOf<DetailedResult<unknown>>();
    expectTypeOf<P.FrontToolErrorTag>().toEqualTypeOf<FrontToolError["_tag"]>();
  });

  it("the facade: same methods, same signatures", () => {
    // Key by key, so a method added to the registry but not to the interface (or the reverse) fails.
    expectTypeOf<keyof P.FrontToolMethods>().toEqualTypeOf<keyof FrontToolMethods>();
    expectTypeOf<P.FrontToolMethods["addTag"]>().toEqualTypeOf<FrontToolMethods["addTag"]>();
    expectTypeOf<P.FrontToolMethods["createContact"]>().toEqualTypeOf<FrontToolMethods["createContact"]>();
    expectTypeOf<P.FrontToolMethods["getContact"]>().toEqualTypeOf<FrontToolMethods["getContact"]>();
    expectTypeOf<P.FrontToolMethods["getConversation"]>().toEqualTypeOf<FrontToolMethods["getConversation"]>();
    expectTypeOf<P.FrontToolMethods["listContacts"]>().toEqualTypeOf<FrontToolMethods["listContacts"]>();
    expectTypeOf<P.FrontToolMethods["listConversations"]>().toEqualTypeOf<FrontToolMethods["listConversations"]>();
    expectTypeOf<P.FrontToolMethods["listInboxes"]>().toEqualTypeOf<FrontToolMethods["listInboxes"]>();
    expectTypeOf<P.FrontToolMethods["listTags"]>().toEqualTypeOf<FrontToolMethods["listTags"]>();
    expectTypeOf<P.FrontToolMethods["listTeammates"]>().toEqualTypeOf<FrontToolMethods["listTeammates"]>();
    expectTypeOf<P.FrontToolMethods["rawApiRequest"]>().toEqualTypeOf<FrontToolMethods["rawApiRequest"]>();
    expectTypeOf<P.FrontToolMethods["sendMessage"]>().toEqualTypeOf<FrontToolMethods["sendMessage"]>();
    expectTypeOf<keyof P.FrontTools>().toEqualTypeOf<keyof FrontTools>();
    // invoke/invokeDetailed are generic overloads, which type equality cannot compare: the per-tool map they are
    // built from is proven equal, the names too, and each signature is assignable to the other.
    expectTypeOf<P.FrontToolTypes>().toEqualTypeOf<{
      readonly [K in keyof typeof tools]: { readonly input: ToolInput<(typeof tools)[K]>; readonly output: ToolOutput<(typeof tools)[K]> };
    }>();
    expectTypeOf<P.FrontToolName>().toEqualTypeOf<FrontToolName>();
    expectTypeOf<P.FrontTools["invoke"]>().toExtend<FrontTools["invoke"]>();
    expectTypeOf<FrontTools["invoke"]>().toExtend<P.FrontTools["invoke"]>();
    expectTypeOf<P.FrontTools["invokeDetailed"]>().toExtend<FrontTools["invokeDetailed"]>();
    expectTypeOf<FrontTools["invokeDetailed"]>().toExtend<P.FrontTools["invokeDetailed"]>();
    expectTypeOf<P.FrontTools["dispose"]>().toEqualTypeOf<FrontTools["dispose"]>();
  });

  it("the events feed: options and cursor equal, events a plain supertype of core's FrontEvent", () => {
    expectTypeOf<P.EventCursor>().toEqualTypeOf<EventCursor>();
    expectTypeOf<P.EventsFeedOptions>().toEqualTypeOf<EventsFeedOptions>();
    expectTypeOf<P.EventsIteratorOptions>().toEqualTypeOf<EventsIteratorOptions>();
    // core's FrontEvent types `conversation` with the spec's conversation, which the plain entry cannot import.
    expectTypeOf<FrontEvent>().toExtend<P.FrontEvent>();
    expectTypeOf<EventsPoll>().toExtend<P.EventsPoll>();
    expectTypeOf<EventsFeedItem>().toExtend<P.EventsFeedItem>();
    expectTypeOf<P.FrontTools["pollEvents"]>().parameters.toEqualTypeOf<Parameters<FrontTools["pollEvents"]>>();
    expectTypeOf<P.FrontTools["events"]>().parameters.toEqualTypeOf<Parameters<FrontTools["events"]>>();
    expectTypeOf<FrontTools["pollEvents"]>().toExtend<P.FrontTools["pollEvents"]>();
    expectTypeOf<FrontTools["events"]>().toExtend<P.FrontTools["events"]>();
  });

  it("options and errors fit the main entry's", () => {
    // The Promise options are the main options minus what needs Effect (Redacted, Duration objects, Schedule).
    expectTypeOf<P.FrontToolsOptions>().toExtend<FrontConfig>();
    expectTypeOf<P.DurationInput>().toExtend<Duration.Input>();
    expectTypeOf<Exclude<keyof FrontConfig, keyof P.FrontToolsOptions>>().toEqualTypeOf<"retry">();
    expectTypeOf<FrontToolError>().toExtend<P.FrontToolFailure>();
    expectTypeOf(createPromise).parameter(0).toEqualTypeOf<P.FrontToolsOptions>();
    expectTypeOf(createPromise).returns.toEqualTypeOf<PromiseFrontTools>();
    expectTypeOf(createMain).returns.toExtend<PromiseFrontTools>();
  });

  it("calls stay exactly typed", () => {
    const check = (front: PromiseFrontTools) => {
      expectTypeOf(front.listTags).returns.resolves.toEqualTypeOf<P.ListTagsOutput>();
      expectTypeOf(front.getConversation).returns.resolves.toHaveProperty("conversation");
      // @ts-expect-error refresh is a boolean
      void front.listTags({ refresh: "yes" });
      // @ts-expect-error create-contact needs handles
      void front.createContact({ name: "x" });
      // @ts-expect-error an unknown handle source
      void front.createContact({ handles: [{ handle: "a@b.c", source: "fax" }] });
      // @ts-expect-error send-message needs a body
      void front.sendMessage({ conversation_id: "cnv_1" });
      // @ts-expect-error misspelt field
      void front.addTag({ conversation_id: "cnv_1", tagIds: ["tag_1"] });
      // @ts-expect-error not a tool
      void front.deleteEverything;
      // @ts-expect-error a Redacted token or custom Schedule needs the main entry; an object is not a token
      void createPromise({ token: { value: "x" } });
      // @ts-expect-error get-contact names the contact to get
      void front.getContact();
      expectTypeOf(front.invoke("list-tags", {})).resolves.toEqualTypeOf<P.ListTagsOutput>();
      expectTypeOf(front.invoke("getContact", { email: "jane@example.com" })).resolves.toEqualTypeOf<P.GetContactOutput>();
      expectTypeOf(front.invokeDetailed("list-tags", {})).resolves.toEqualTypeOf<P.DetailedResult<P.ListTagsOutput>>();
      expectTypeOf(front.invoke(String("list-tags"), {})).resolves.toBeUnknown();
      // @ts-expect-error refresh is a boolean
      void front.invoke("list-tags", { refresh: "yes" });
      // @ts-expect-error refresh is a boolean (camelCase name)
      void front.invokeDetailed("listTags", { refresh: "yes" });
      // @ts-expect-error the inbox filter is inboxIds
      void front.pollEvents({ inboxes: ["inb_1"] });
      // @ts-expect-error pollIntervalMs is a number of milliseconds
      void front.events({ pollIntervalMs: "30 seconds" });
      expectTypeOf(front.pollEvents).returns.resolves.toEqualTypeOf<P.EventsPoll>();
    };
    expectTypeOf(check).toBeFunction();
  });
});

describe("@frontkit/tools/promise at runtime", () => {
  it("is the main entry's facade: same functions, so errors are the main entry's classes", async () => {
    expect(createPromise).toBe(createMain);
    expect(isPromiseError).toBe(isMainError);
    const { fetch, requests } = fakeFetch([
      json(200, { _results: [{ id: "tag_1", name: "Urgent" }], _pagination: { next: null } }),
      frontError(404, "no such contact"),
    ]);
    const front = createPromise({ token: "tok_promise_0123456789", baseUrl: "http://127.0.0.1:9", fetch, cacheTtl: "1 minute" });
    try {
      const tags: P.ListTagsOutput = await front.listTags();
      expect(tags).toEqual({ tags: [{ id: "tag_1", name: "Urgent" }], count: 1 });
      const failure = await front.getContact({ contact_id: "crd_1" }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isPromiseError(failure)).toBe(true);
      expect(failure).toBeInstanceOf(NotFound);
      expect((failure as P.FrontToolFailure)._tag).toBe("NotFound");
      expect(requests).toHaveLength(2);
    } finally {
      await front.dispose();
    }
  });
});
