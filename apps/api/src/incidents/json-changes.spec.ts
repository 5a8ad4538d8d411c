import fc from 'fast-check';
import { type JsonChange, jsonChanges } from './json-changes';

/** RFC 6902 application, enough for add/remove/replace: the oracle the changes must satisfy. */
const applyChanges = (doc: unknown, changes: JsonChange[]): unknown => {
  let root = structuredClone(doc);
  for (const change of changes) {
    if (change.path === '') {
      root = change.op === 'remove' ? undefined : structuredClone(change.value);
      continue;
    }
    const keys = change.path
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop()!;
    let parent = root as Record<string, unknown>;
    for (const k of keys) parent = parent[k] as Record<string, unknown>;
    if (Array.isArray(parent)) {
      const i = Number(last);
      if (change.op === 'add') parent.splice(i, 0, structuredClone(change.value));
      else if (change.op === 'remove') parent.splice(i, 1);
      else parent[i] = structuredClone(change.value);
    } else if (change.op === 'remove') delete parent[last];
    // defineProperty, not `=`: a member named "__proto__" is data in JSON, not the object's prototype.
    else
      Object.defineProperty(parent, last, {
        value: structuredClone(change.value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return root;
};

describe('json changes', () => {
  it('applied to the state before, give the state after, for any two JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        // Equal as JSON: -0 is written 0 (RFC 8785), and a state read back from the log never holds -0.
        const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
        expect(asJson(applyChanges(a, jsonChanges(a, b)))).toEqual(asJson(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('names only what an appended dissent adds, not the list again', () => {
    const before = { status: 'FINDING_ADOPTED', dissents: [{ text: 'x'.repeat(10_000) }] };
    const after = { ...before, dissents: [...before.dissents, { text: 'short' }] };
    expect(jsonChanges(before, after)).toEqual([{ op: 'add', path: '/dissents/1', value: { text: 'short' } }]);
  });

  it('removes a member named like an Object.prototype property (found by the property above)', () => {
    expect(jsonChanges({ valueOf: '' }, {})).toEqual([{ op: 'remove', path: '/valueOf' }]);
    expect(jsonChanges({}, { toString: 1 })).toEqual([{ op: 'add', path: '/toString', value: 1 }]);
  });

  it('adds and removes a member named "__proto__" as any other (found by the property above)', () => {
    const withProto = JSON.parse('{"__proto__":{"a":1}}') as unknown;
    expect(jsonChanges({}, withProto)).toEqual([{ op: 'add', path: '/__proto__', value: { a: 1 } }]);
    expect(applyChanges({}, jsonChanges({}, withProto))).toEqual(withProto);
    expect(jsonChanges(withProto, {})).toEqual([{ op: 'remove', path: '/__proto__' }]);
  });

  it('escapes keys in pointers and says nothing when nothing changed', () => {
    expect(jsonChanges({ 'a/b~': 1 }, { 'a/b~': 2 })).toEqual([{ op: 'replace', path: '/a~1b~0', value: 2 }]);
    expect(jsonChanges({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});

describe('json changes of values with undefined members', () => {
  it('treat an undefined member as absent, as JSON does', () => {
    expect(jsonChanges({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
    expect(jsonChanges({ a: undefined }, { a: 2 })).toEqual([{ op: 'add', path: '/a', value: 2 }]);
    expect(jsonChanges({ a: 2 }, { a: undefined })).toEqual([{ op: 'remove', path: '/a' }]);
  });
});
