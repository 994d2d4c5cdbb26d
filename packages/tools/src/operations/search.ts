/**
 * Search over the Core API operations for agents: which operation does "assign a conversation"? The index (word
 * stems with weights from the operation id, summary, tags, path words, description and synonyms) is built at
 * build time by scripts/codegen.mjs; here the query is split the same way and the operations are scored.
 */
import { type ApiOperation, apiOperations } from "./catalogue.js";

// Kept in step with STOP and stem in scripts/codegen.mjs, which built the index.
const STOP = new Set(["a", "an", "the", "of", "to", "for", "in", "on", "and", "or", "with", "by", "is", "be", "this", "that", "it", "its", "as", "at", "from", "you", "your", "id", "ids", "required", "scope", "scopes", "https", "dev", "frontapp", "com", "docs", "how", "do", "i", "can", "my", "me", "all"]);
const stem = (word: string): string => word.replace(/(ies)$/u, "y").replace(/(ing|ed|es|s)$/u, "") || word;

/** The query's word stems, as the index holds them. */
export const queryTerms = (text: string): ReadonlyArray<string> =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map(stem);

// Verbs that say which method a job needs: a small bonus, so "list" prefers the GET and "add" the POST of a resource.
const VERB_METHODS: Readonly<Record<string, ReadonlyArray<ApiOperation["method"]>>> = {
  list: ["GET"],
  get: ["GET"],
  show: ["GET"],
  read: ["GET"],
  fetch: ["GET"],
  find: ["GET"],
  search: ["GET"],
  add: ["POST"],
  create: ["POST"],
  new: ["POST"],
  send: ["POST"],
  post: ["POST"],
  update: ["PATCH", "PUT"],
  change: ["PATCH", "PUT"],
  edit: ["PATCH", "PUT"],
  set: ["PATCH", "PUT"],
  archive: ["PATCH"],
  assign: ["PUT"],
  delete: ["DELETE"],
  remove: ["DELETE"],
};

/** Filters and size of a search. */
export interface OperationSearch {
  readonly query: string;
  /** Only this HTTP method. */
  readonly method?: string | undefined;
  /** Only operations with this tag (case-insensitive), e.g. "Conversations". */
  readonly tag?: string | undefined;
  /** Most results (default 5). */
  readonly limit?: number | undefined;
}

/** The best-matching operations, best first (all in catalogue order when the query has no words). */
export const searchOperations = (search: OperationSearch): ReadonlyArray<ApiOperation> => {
  const method = search.method?.toUpperCase();
  const tag = search.tag?.toLowerCase();
  const candidates = apiOperations().filter(
    (op) => (method === undefined || op.method === method) && (tag === undefined || op.tags.some((t) => t.toLowerCase() === tag)),
  );
  const terms = queryTerms(search.query);
  const limit = search.limit ?? 5;
  if (terms.length === 0) return candidates.slice(0, limit);
  const wanted = new Set(terms.flatMap((t) => VERB_METHODS[t] ?? []));
  const scored = candidates
    .map((op) => {
      let score = 0;
      let matched = 0;
      for (const term of terms) {
        const weight = op.terms[term] ?? 0;
        score += weight;
        if (weight > 0) matched++;
      }
      if (score > 0 && wanted.has(op.method)) score += 1.5;
      // Covering more of the query's words beats one heavy word.
      score += matched * 0.5;
      return { op, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.op.path.length - b.op.path.length || a.op.path.localeCompare(b.op.path));
  return scored.slice(0, limit).map((s) => s.op);
};
