import { eventTypeFilter, excludeSystemEvents, type Filter, streamNameFilter } from '@eventstore/db-client';
import type { EventFilter, RecordedEvent } from '../port/event-store.port';

const escape = (name: string) => name.replace(/[.]/g, '\\.');

/**
 * $all has one server-side filter: on stream names (categories) when given, else on event types,
 * else system events out. Whatever the server cannot filter is filtered again here.
 * A checkpoint after every filtered-out event (interval 1 × window 1) keeps a consumer's checkpoint
 * moving past events it does not handle, so waitFor(position) resolves for any position; the log of a
 * ceasefire is small enough that the extra messages cost little.
 */
export const serverFilter = (filter: EventFilter, checkpointReached: Filter['checkpointReached']): Filter => {
  const checkpoints = { checkpointReached, checkpointInterval: 1, maxSearchWindow: 1 };
  if (filter.categories)
    return streamNameFilter({ regex: `^(${filter.categories.map(escape).join('|')})-`, ...checkpoints });
  if (filter.eventTypes)
    return eventTypeFilter({ regex: `^(${filter.eventTypes.map(escape).join('|')})$`, ...checkpoints });
  return excludeSystemEvents(checkpoints);
};

export const matchesFilter = (filter: EventFilter, event: Pick<RecordedEvent, 'stream' | 'type'>): boolean =>
  !event.stream.startsWith('$') &&
  !event.type.startsWith('$') &&
  (!filter.categories || filter.categories.includes(event.stream.slice(0, event.stream.indexOf('-')))) &&
  (!filter.eventTypes || filter.eventTypes.includes(event.type));
