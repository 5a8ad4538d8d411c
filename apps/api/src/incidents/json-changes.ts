/** One RFC 6902 operation: what changed at a JSON Pointer (RFC 6901). */
export type JsonChange =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'replace'; path: string; value: unknown };

const pointer = (path: string, key: string | number) =>
  `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The keys JSON would write: those with a value other than undefined. */
const keysOf = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
/** A member's own value: a key like "valueOf" must not find Object.prototype's. */
const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

/**
 * The changes that turn `before` into `after`, at the deepest place each happened: an element appended
 * to a list is one `add` of that element, not the list again, so a step's changes are as large as the
 * step, not as the case. Applying them in order to `before` (RFC 6902) gives `after`.
 */
export const jsonChanges = (before: unknown, after: unknown, path = ''): JsonChange[] => {
  // States evolve by copying what changed and sharing the rest, so `===` settles most subtrees at once;
  // the rest are walked once, here, and come back with no changes when they are equal.
  if (before === after) return [];
  if (isObject(before) && isObject(after)) {
    const changes: JsonChange[] = [];
    for (const key of keysOf(before))
      if (own(after, key) === undefined) changes.push({ op: 'remove', path: pointer(path, key) });
    for (const key of keysOf(after))
      if (own(before, key) === undefined) changes.push({ op: 'add', path: pointer(path, key), value: after[key] });
      else changes.push(...jsonChanges(before[key], after[key], pointer(path, key)));
    return changes;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const common = Math.min(before.length, after.length);
    const changes: JsonChange[] = [];
    for (let i = 0; i < common; i++) changes.push(...jsonChanges(before[i], after[i], pointer(path, i)));
    // Removed from the end backwards, so each index still names the element it removes.
    for (let i = before.length - 1; i >= common; i--) changes.push({ op: 'remove', path: pointer(path, i) });
    for (let i = common; i < after.length; i++) changes.push({ op: 'add', path: pointer(path, i), value: after[i] });
    return changes;
  }
  return [{ op: 'replace', path, value: after }];
};
