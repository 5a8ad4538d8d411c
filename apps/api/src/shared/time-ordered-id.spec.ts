import { timeOrderedUuid } from './time-ordered-id';
import { UUID } from './validation';

describe('timeOrderedUuid', () => {
  it('is a lower-case version 7 UUID with the RFC 9562 variant', () => {
    const id = timeOrderedUuid();
    expect(id).toMatch(UUID);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
  });

  it('starts with the milliseconds it was made at, so ids of later milliseconds sort after', () => {
    const at = Date.UTC(2025, 9, 30, 12, 0, 0, 5);
    const id = timeOrderedUuid(at);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
    const later = Array.from({ length: 50 }, (_, i) => timeOrderedUuid(at + 1 + i));
    expect([...later].sort()).toEqual(later);
    expect(later.every((x) => x > id)).toBe(true);
  });

  it('differs within one millisecond', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => timeOrderedUuid(1_700_000_000_000)));
    expect(ids.size).toBe(10_000);
  });
});
