import { InvalidArgument } from './event-store.errors';
import type { EventFilter, ReadStreamOptions } from './event-store.port';

const NAME = /^[A-Za-z][A-Za-z0-9_.]{0,127}$/;

export const checkFilter = (filter: EventFilter | undefined): EventFilter => {
  const out: EventFilter = {};
  for (const key of ['categories', 'eventTypes'] as const) {
    const list = filter?.[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== 'string' || !NAME.test(v)))
      throw new InvalidArgument(`filter.${key}`, 'must be a non-empty list of names');
    out[key] = list;
  }
  return out;
};

export const checkMaxCount = (maxCount: unknown): number => {
  if (maxCount === undefined) return Number.MAX_SAFE_INTEGER;
  if (typeof maxCount !== 'number' || !Number.isSafeInteger(maxCount) || maxCount < 0)
    throw new InvalidArgument('maxCount', 'must be a non-negative integer');
  return maxCount;
};

export const checkReadStreamOptions = (options: ReadStreamOptions | undefined) => {
  const direction = options?.direction ?? 'forwards';
  if (direction !== 'forwards' && direction !== 'backwards')
    throw new InvalidArgument('direction', 'must be "forwards" or "backwards"');
  const from = options?.from;
  if (from !== undefined && (!Number.isSafeInteger(from) || from < 0))
    throw new InvalidArgument('from', 'must be a non-negative revision');
  return { direction, from, maxCount: checkMaxCount(options?.maxCount) };
};
