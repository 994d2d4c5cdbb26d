/**
 * Copies a value into plain JSON data (objects, arrays, strings, finite numbers, booleans,
 * null). Results cross into Spojit's workflow state as JSON, so anything that would not
 * survive JSON.stringify — cycles, functions, bigints, class instances with hidden state —
 * is dropped or flattened here rather than failing later inside Spojit.
 */
export const toJsonSafe = (value: unknown, maxDepth = 32): unknown => copy(value, maxDepth, new WeakSet());

const copy = (value: unknown, depth: number, seen: WeakSet<object>): unknown => {
  if (value === null) return null;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "bigint":
      return value.toString();
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }
  const object = value as object;
  if (depth <= 0 || seen.has(object)) return undefined;
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? null : object.toISOString();
  if (object instanceof URL) return object.href;
  seen.add(object);
  try {
    if (Array.isArray(object)) return object.map((item) => copy(item, depth - 1, seen) ?? null);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(object)) {
      const copied = copy(item, depth - 1, seen);
      // Plain assignment of "__proto__" would set the prototype and drop Front's key from the result.
      if (copied !== undefined) defineKey(out, key, copied);
    }
    return out;
  } finally {
    // Siblings may share a reference legitimately; only true cycles are cut.
    seen.delete(object);
  }
};

/** Sets `out[key]` as an own data property, `__proto__` included. */
export const defineKey = (out: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
};
