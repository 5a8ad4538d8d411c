import { NonCanonicalData } from '../port/event-store.errors';
import { canonicalText, toCanonicalValue } from './canonical-json';

describe('toCanonicalValue', () => {
  it.each([
    ['NaN', { a: Number.NaN }, '$.a'],
    ['-Infinity', { a: [1, Number.NEGATIVE_INFINITY] }, '$.a[1]'],
    ['an unsafe integer', { a: { b: 9007199254740992 } }, '$.a.b'],
    ['a lone high surrogate', { a: 'x\ud83d' }, '$.a'],
    ['a lone low surrogate in a key', { 'k\udc00': 1 }, '$.k\udc00'],
    ['undefined', { a: undefined }, '$.a'],
    ['a function', { a: () => 1 }, '$.a'],
    ['a bigint', { a: BigInt(1) }, '$.a'],
    ['a Map', { a: new Map() }, '$.a'],
    ['a "__proto__" key', JSON.parse('{"__proto__": 1}'), '$.__proto__'],
    ['keys equal once in NFC', { 'e\u0301': 1, '\u00e9': 2 }, '$.\u00e9'],
  ])('rejects %s, naming where', (_name, value, path) => {
    let error: unknown;
    try {
      toCanonicalValue(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NonCanonicalData);
    expect((error as NonCanonicalData).path).toBe(path);
  });

  it('accepts a surrogate pair, -0 as 0 and the largest safe integer, and serialises per RFC 8785', () => {
    const value = toCanonicalValue({ b: '\ud83d\ude00', a: -0, c: 9007199254740991, e: 0.1, d: 5e-324 });
    expect(canonicalText(value)).toBe('{"a":0,"b":"😀","c":9007199254740991,"d":5e-324,"e":0.1}');
  });

  it('rejects numbers that are integers beyond 2^53 even when written as exponents', () => {
    expect(() => toCanonicalValue({ d: 1e21 })).toThrow(NonCanonicalData);
  });

  it('normalises keys and strings to NFC', () => {
    expect(toCanonicalValue({ 'Qala\u0065\u0301': ['Qala\u0065\u0301'] })).toEqual({ 'Qala\u00e9': ['Qala\u00e9'] });
  });
});
