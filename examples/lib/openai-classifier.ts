/**
 * A classifier backed by any OpenAI-compatible chat-completions endpoint
 * (OPENAI_BASE_URL, OPENAI_API_KEY, optional OPENAI_MODEL). The model is asked
 * for a JSON array of tag names; anything not in the label list is dropped, so
 * a model cannot invent tags.
 */
import { Effect, Layer, Redacted } from "effect";
import { Classifier, ClassifierError, type ClassifierService } from "./classifier.js";

/** Configuration of the chat-completions classifier. */
export interface OpenAiClassifierConfig {
  /** e.g. https://api.openai.com/v1 — `/chat/completions` is appended. */
  readonly baseUrl: string;
  readonly apiKey: Redacted.Redacted<string> | string;
  /** Default gpt-4o-mini. */
  readonly model?: string | undefined;
}

/** Default model name. */
export const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";

/** Picks the labels named in a model's answer: a JSON array of strings, or failing that, a comma-separated list. */
export const labelsFromAnswer = (answer: string, labels: ReadonlyArray<string>): ReadonlyArray<string> => {
  const byLower = new Map(labels.map((l) => [l.toLowerCase(), l]));
  let names: ReadonlyArray<unknown>;
  const json = answer.match(/\[[\s\S]*\]/u)?.[0];
  try {
    names = json === undefined ? answer.split(",") : (JSON.parse(json) as ReadonlyArray<unknown>);
  } catch {
    names = answer.split(",");
  }
  if (!Array.isArray(names)) return [];
  const out = new Set<string>();
  for (const n of names) {
    const known = typeof n === "string" ? byLower.get(n.trim().toLowerCase()) : undefined;
    if (known !== undefined) out.add(known);
  }
  return [...out];
};

interface ChatCompletion {
  readonly choices?: ReadonlyArray<{ readonly message?: { readonly content?: string | null } }>;
}

/** A chat-completions classifier. */
export const makeOpenAiClassifier = (config: OpenAiClassifierConfig): ClassifierService => {
  const apiKey = typeof config.apiKey === "string" ? Redacted.make(config.apiKey) : config.apiKey;
  const url = `${config.baseUrl.replace(/\/+$/u, "")}/chat/completions`;
  return {
    classify: Effect.fn("OpenAiClassifier.classify")(function* (text, labels) {
      if (labels.length === 0) return [];
      const response = yield* Effect.tryPromise({
        try: (signal) =>
          fetch(url, {
            method: "POST",
            signal,
            headers: { "content-type": "application/json", authorization: `Bearer ${Redacted.value(apiKey)}` },
            body: JSON.stringify({
              model: config.model ?? DEFAULT_OPENAI_MODEL,
              temperature: 0,
              messages: [
                {
                  role: "system",
                  content: `Classify the support conversation. Answer only with a JSON array of the labels that apply, chosen from: ${JSON.stringify(labels)}. Answer [] when none apply.`,
                },
                { role: "user", content: `Subject: ${text.subject}\n\n${text.body}` },
              ],
            }),
          }),
        // The message names the endpoint, never the key.
        catch: (cause) => new ClassifierError({ message: `chat-completions request to ${url} failed: ${cause instanceof Error ? cause.message : String(cause)}` }),
      });
      if (!response.ok) {
        yield* Effect.promise(() => response.body?.cancel() ?? Promise.resolve());
        return yield* new ClassifierError({ message: `chat-completions endpoint ${url} answered ${response.status}` });
      }
      const body = yield* Effect.tryPromise({
        try: () => response.json() as Promise<ChatCompletion>,
        catch: () => new ClassifierError({ message: `chat-completions endpoint ${url} answered with a body that is not JSON` }),
      });
      const content = body.choices?.[0]?.message?.content;
      if (typeof content !== "string") return yield* new ClassifierError({ message: `chat-completions endpoint ${url} answered without choices[0].message.content` });
      return labelsFromAnswer(content, labels);
    }),
  };
};

/** Layer of the chat-completions classifier. */
export const openAiClassifierLayer = (config: OpenAiClassifierConfig): Layer.Layer<Classifier> => Layer.succeed(Classifier, makeOpenAiClassifier(config));
