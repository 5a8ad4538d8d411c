import canonicalize from 'canonicalize';

const keysSorted = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every(keysSorted);
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1] < keys[i])) return false;
  return keys.every((k) => keysSorted((value as Record<string, unknown>)[k]));
};

/**
 * JCS(parse(line)) === line. RFC 8785 is ECMAScript's JSON.stringify with every object's keys sorted by
 * UTF-16 code units, so a line that JSON.stringify reproduces exactly and whose keys are all in that order
 * is canonical: a fast path for the common case. Anything else is decided by the canonicalize package.
 */
export const isCanonical = (value: unknown, line: string): boolean =>
  (JSON.stringify(value) === line && keysSorted(value)) || canonicalize(value) === line;
