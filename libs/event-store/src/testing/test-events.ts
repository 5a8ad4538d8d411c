import { randomUUID } from 'node:crypto';
import type { JsonObject, NewEvent } from '../port/event-store.port';

/** A stream name no other test (or earlier run against a shared server) has used. */
export const uniqueStream = (category = 'conformance'): string => `${category}-${randomUUID()}`;

/** A category name unique to this test, for filters over a shared log. */
export const uniqueCategory = (prefix = 'cat'): string => `${prefix}${randomUUID().replace(/-/g, '')}`;

export const anEvent = (
  type = 'SomethingHappened',
  data: JsonObject = { n: 1 },
  extra: Partial<NewEvent> = {},
): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { correlationId: 'corr-1', principal: 'tester' },
  ...extra,
});

export const someEvents = (count: number, type = 'SomethingHappened'): NewEvent[] =>
  Array.from({ length: count }, (_, i) => anEvent(type, { n: i }));

export const collect = async <T>(source: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
};
