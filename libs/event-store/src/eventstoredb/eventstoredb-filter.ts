import { eventTypeFilter, excludeSystemEvents, type Filter, streamNameFilter } from '@eventstore/db-client';
import type { EventFilter, RecordedEvent } from '../port/event-store.port';

const escape = (name: string) => name.replace(/[.]/g, '\\.');

/**
 * $all has one server-side filter: on stream names (categories) when given, else on event types,
 * else system events out. Whatever the server cannot filter is filtered again here.
 */
export const serverFilter = (filter: EventFilter, checkpointReached: Filter['checkpointReached']): Filter => {
  if (filter.categories)
    return streamNameFilter({ regex: `^(${filter.categories.map(escape).join('|')})-`, checkpointReached });
  if (filter.eventTypes)
    return eventTypeFilter({ regex: `^(${filter.eventTypes.map(escape).join('|')})$`, checkpointReached });
  return excludeSystemEvents({ checkpointReached });
};

export const matchesFilter = (filter: EventFilter, event: Pick<RecordedEvent, 'stream' | 'type'>): boolean =>
  !event.stream.startsWith('$') &&
  !event.type.startsWith('$') &&
  (!filter.categories || filter.categories.includes(event.stream.slice(0, event.stream.indexOf('-')))) &&
  (!filter.eventTypes || filter.eventTypes.includes(event.type));
