/**
 * "Did you mean …?" for names users type: tag names, API paths. Ranks
 * candidates by edit distance, with substring matches first, so an error can
 * name the closest real options instead of just saying "unknown".
 */

/** Levenshtein distance (insert, delete, substitute each cost 1). */
export const editDistance = (a: string, b: string): number => {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
};

/**
 * The candidates closest to `wanted` (case-insensitive): those containing it or contained in it first,
 * then by edit distance (to the whole name or its prefix); candidates further than about half the shorter length away are left out as noise.
 */
export const closestMatches = <A>(wanted: string, candidates: ReadonlyArray<A>, keyOf: (a: A) => string, limit = 5): ReadonlyArray<A> => {
  const w = wanted.toLowerCase();
  return candidates
    .map((candidate) => {
      const key = keyOf(candidate).toLowerCase();
      const contains = key.length > 0 && w.length > 0 && (key.includes(w) || w.includes(key));
      // A typo at the start of a longer name ("Biling" for "Billing dispute") is near its prefix, not the whole.
      const prefix = key.length > w.length ? editDistance(w, key.slice(0, w.length)) + 1 : Number.POSITIVE_INFINITY;
      const distance = Math.min(editDistance(w, key), prefix);
      return { candidate, contains, distance, near: distance <= Math.max(2, Math.ceil(Math.min(w.length, key.length) / 2)) };
    })
    .filter((s) => s.contains || s.near)
    .sort((x, y) => (x.contains === y.contains ? x.distance - y.distance : x.contains ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.candidate);
};
