/** Tool name spellings: kebab-case (`list-tags`) as registered, camelCase (`listTags`) as facade methods. */

/** `list-tags` → `listTags`. */
export const camelName = (kebab: string): string => kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `listTags` / `list_tags` / `ListTags` → `list-tags`. */
export const kebabName = (name: string): string =>
  name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[_\s]+/g, "-")
    .toLowerCase();
