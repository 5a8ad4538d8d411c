import { jsonDepth } from './json-depth';

describe('jsonDepth', () => {
  it('counts nesting of objects and arrays, not brackets inside strings or after escaped quotes', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"quote \\" [[["}')).toBe(1);
    expect(jsonDepth(`${'['.repeat(40)}${']'.repeat(40)}`)).toBe(40);
  });
});
