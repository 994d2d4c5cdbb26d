/**
 * The pluggable classifier of classify-and-tag: given a conversation's text and the
 * tag names that exist, it picks the ones that apply. Swap it with a layer.
 */
import { Context, Data, type Effect } from "effect";

/** What a classifier reads of a conversation. */
export interface ConversationText {
  readonly subject: string;
  readonly body: string;
}

/** A classifier could not answer (its endpoint failed or said something unusable). */
export class ClassifierError extends Data.TaggedError("ClassifierError")<{ readonly message: string }> {}

/** A classifier: returns a subset of `labels` (tag names) that fit the conversation. */
export interface ClassifierService {
  readonly classify: (text: ConversationText, labels: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<string>, ClassifierError>;
}

/** The classifier used by classify-and-tag. */
export class Classifier extends Context.Service<Classifier, ClassifierService>()("@frontkit/examples/Classifier") {}
