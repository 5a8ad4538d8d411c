import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BREACH_EVENT_TYPES } from './breach-feed.projection';
import { EVENT_TYPES } from './event-types';

/** Every event type the deciders can emit, read from their sources, must be accepted by `types` filters. */
const emitted = (): string[] => {
  const root = join(process.cwd(), 'libs', 'mvm', 'src');
  const names = new Set<string>();
  for (const dir of readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name))
    for (const file of readdirSync(join(root, dir)).filter((f) => /\.(events|decider)\.ts$/.test(f)))
      for (const m of readFileSync(join(root, dir, file), 'utf8').matchAll(/(?:E<|DomainEvent<)\s*'([A-Z][A-Za-z]+)'/g))
        names.add(m[1]);
  return [...names].sort();
};

describe('the event type list', () => {
  it('names every event the deciders emit, and nothing else', () => {
    expect([...EVENT_TYPES].sort()).toEqual(emitted());
  });
  it('holds every breach event type', () => {
    expect(BREACH_EVENT_TYPES.every((t) => EVENT_TYPES.includes(t))).toBe(true);
  });
});
