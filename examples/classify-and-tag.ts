/**
 * Classify incoming conversations and tag them (Effect).
 *
 * An Effect program over the Front service and the tool definitions: list-tags once
 * (the classifier may only choose tags that exist), list-conversations, then for each
 * conversation get-conversation (newest message), ask the Classifier, and add-tag by
 * name. The classifier is a layer: keywords by default, an OpenAI-compatible
 * chat-completions endpoint when OPENAI_BASE_URL and OPENAI_API_KEY are set.
 *
 * Run: npx tsx examples/classify-and-tag.ts
 */
import { Front, type FrontToolError, runTool, tools } from "@frontkit/tools";
import { Effect, Layer } from "effect";
import { Classifier, type ClassifierError } from "./lib/classifier.js";
import { type KeywordRules, keywordClassifierLayer } from "./lib/keyword-classifier.js";
import { type OpenAiClassifierConfig, openAiClassifierLayer } from "./lib/openai-classifier.js";
import { isMain, reportFailure, withFrontTarget } from "./lib/target.js";

/** Which conversations to classify. */
export interface ClassifyAndTagInput {
  /** Default: unassigned (nobody has triaged them yet). */
  readonly statuses?: ReadonlyArray<"assigned" | "unassigned" | "archived" | "trashed"> | undefined;
  /** Only conversations updated after this (unix seconds or ISO 8601). */
  readonly since?: number | string | undefined;
}

/** What happened to one conversation. */
export interface Classification {
  readonly conversationId: string;
  /** Tag names the classifier chose (and add-tag applied); empty = left untagged. */
  readonly tags: ReadonlyArray<string>;
}

/** The program: classify every listed conversation and tag it by name. */
export const classifyAndTag = Effect.fn("classifyAndTag")(function* (input: ClassifyAndTagInput = {}) {
  const classifier = yield* Classifier;
  const { tags } = yield* runTool(tools["list-tags"], {});
  const labels = tags.map((t) => t.name);
  const list = yield* runTool(tools["list-conversations"], {
    statuses: [...(input.statuses ?? ["unassigned"])],
    ...(input.since === undefined ? {} : { updated_after: input.since }),
  });
  const results: Classification[] = [];
  for (const conversation of list.conversations) {
    const detail = yield* runTool(tools["get-conversation"], { conversation_id: conversation.id, max_messages: 1 });
    const newest = detail.messages?.[0];
    const chosen = yield* classifier.classify(
      { subject: conversation.subject ?? "", body: newest?.text ?? newest?.blurb ?? newest?.body ?? "" },
      labels,
    );
    if (chosen.length > 0) yield* runTool(tools["add-tag"], { conversation_id: conversation.id, tag_names: [...chosen] });
    results.push({ conversationId: conversation.id, tags: chosen });
  }
  return results;
});

/** Options of `run`. */
export interface ClassifyAndTagOptions extends ClassifyAndTagInput {
  readonly baseUrl: string;
  readonly token: string;
  /** Use this chat-completions endpoint instead of keywords. */
  readonly openAi?: OpenAiClassifierConfig | undefined;
  /** Keyword rules of the default classifier. */
  readonly rules?: KeywordRules | undefined;
}

/** Runs the program with the Front layer and the chosen classifier; rejects with the typed error. */
export const run = (options: ClassifyAndTagOptions): Promise<ReadonlyArray<Classification>> => {
  const classifier = options.openAi === undefined ? keywordClassifierLayer(options.rules) : openAiClassifierLayer(options.openAi);
  const program: Effect.Effect<ReadonlyArray<Classification>, FrontToolError | ClassifierError> = classifyAndTag(options).pipe(
    Effect.provide(Layer.mergeAll(Front.layer({ token: options.token, baseUrl: options.baseUrl }), classifier)),
  );
  return Effect.runPromise(program);
};

/** The chat-completions configuration from OPENAI_BASE_URL / OPENAI_API_KEY / OPENAI_MODEL, when both are set. */
export const openAiFromEnv = (env: NodeJS.ProcessEnv = process.env): OpenAiClassifierConfig | undefined => {
  const baseUrl = env["OPENAI_BASE_URL"];
  const apiKey = env["OPENAI_API_KEY"];
  if (baseUrl === undefined || baseUrl.length === 0 || apiKey === undefined || apiKey.length === 0) return undefined;
  return { baseUrl, apiKey, model: env["OPENAI_MODEL"] };
};

if (isMain(import.meta.url)) {
  // The mock's example tag is "Warehouse task"; give it a keyword so a run against Prism tags something.
  const rules: KeywordRules = { "Warehouse task": ["prank", "warehouse"], Billing: ["invoice", "refund"], Bug: ["error", "broken"] };
  withFrontTarget((target) => run({ ...target, openAi: openAiFromEnv(), rules }))
    .then((results) => results.forEach((r) => console.log(`${r.conversationId}: ${r.tags.length === 0 ? "(no tag)" : r.tags.join(", ")}`)))
    .catch(reportFailure);
}
