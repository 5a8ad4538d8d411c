import canonicalize from 'canonicalize';
import { NonCanonicalData } from '../port/event-store.errors';
import type { JsonValue } from '../port/event-store.port';

const checkedString = (value: string, path: string): string => {
  if (!value.isWellFormed()) throw new NonCanonicalData(path, 'string contains a lone UTF-16 surrogate');
  return value.normalize('NFC');
};

/**
 * Returns a plain-JSON copy of `value` with every string (keys too) in Unicode NFC, or throws
 * NonCanonicalData naming the first field RFC 8785 cannot carry faithfully (RFC 8785 §3.2.2:
 * I-JSON numbers and strings). JSON.stringify would silently drop or coerce such values.
 */
export const toCanonicalValue = (value: unknown, path = '$'): JsonValue => {
  switch (typeof value) {
    case 'string':
      return checkedString(value, path);
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new NonCanonicalData(path, `non-finite number ${value}`);
      if (Number.isInteger(value) && !Number.isSafeInteger(value))
        throw new NonCanonicalData(path, 'integer outside ±(2^53−1); send it as a string');
      return value;
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) return canonicalArray(value, path);
      return canonicalObject(value, path);
    default:
      throw new NonCanonicalData(path, `${typeof value} is not JSON`);
  }
};

const canonicalArray = (value: unknown[], path: string): JsonValue[] => {
  const out: JsonValue[] = new Array<JsonValue>(value.length);
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw new NonCanonicalData(`${path}[${i}]`, 'sparse array hole');
    out[i] = toCanonicalValue(value[i], `${path}[${i}]`);
  }
  return out;
};

const canonicalObject = (value: object, path: string): { [key: string]: JsonValue } => {
  // A plain object's prototype is some realm's Object.prototype (whose own prototype is null), or null.
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== null && Object.getPrototypeOf(proto) !== null)
    throw new NonCanonicalData(path, `${(value as object).constructor?.name ?? 'object'} is not a plain JSON object`);
  const out: { [key: string]: JsonValue } = {};
  const keys = Object.keys(value);
  for (const rawKey of keys) {
    const key = checkedString(rawKey, `${path}.${rawKey}`);
    if (key === '__proto__') throw new NonCanonicalData(`${path}.${rawKey}`, 'the key "__proto__" is not accepted');
    if (Object.hasOwn(out, key))
      throw new NonCanonicalData(`${path}.${rawKey}`, 'two keys are the same once normalised to NFC');
    out[key] = toCanonicalValue((value as Record<string, unknown>)[rawKey], `${path}.${key}`);
  }
  return out;
};

/** RFC 8785 serialisation of an already-checked value. */
export const canonicalText = (value: JsonValue): string => canonicalize(value) as string;

/** RFC 8785 serialisation of an already-checked value, as UTF-8 bytes. */
export const canonicalBytes = (value: JsonValue): Buffer => Buffer.from(canonicalText(value), 'utf8');
