/** The default classifier: a tag applies when any of its keywords occurs in the subject or body. */
import { Effect, Layer } from "effect";
import { Classifier, type ClassifierService } from "./classifier.js";

/** Tag name → keywords (matched case-insensitively as whole words). */
export type KeywordRules = Readonly<Record<string, ReadonlyArray<string>>>;

/** Rules used when none are given; tags that do not exist in the company are never applied. */
export const DEFAULT_KEYWORD_RULES: KeywordRules = {
  Billing: ["invoice", "refund", "payment", "billing", "charge"],
  Bug: ["bug", "error", "broken", "crash"],
  Urgent: ["urgent", "asap", "immediately"],
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A keyword classifier from `rules`. */
export const makeKeywordClassifier = (rules: KeywordRules = DEFAULT_KEYWORD_RULES): ClassifierService => {
  const compiled = Object.entries(rules).map(([tag, words]) => ({
    tag,
    pattern: new RegExp(`\\b(?:${words.map(escape).join("|")})\\b`, "iu"),
    empty: words.length === 0,
  }));
  return {
    classify: (text, labels) =>
      Effect.sync(() => {
        const haystack = `${text.subject}\n${text.body}`;
        const known = new Set(labels.map((l) => l.toLowerCase()));
        return compiled.filter((r) => !r.empty && known.has(r.tag.toLowerCase()) && r.pattern.test(haystack)).map((r) => r.tag);
      }),
  };
};

/** Layer of the keyword classifier. */
export const keywordClassifierLayer = (rules?: KeywordRules): Layer.Layer<Classifier> => Layer.succeed(Classifier, makeKeywordClassifier(rules));
