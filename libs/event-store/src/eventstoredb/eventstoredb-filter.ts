import { eventTypeFilter, excludeSystemEvents, type Filter, streamNameFilter } from '@eventstore/db-client';
import type { EventFilter, RecordedEvent } from '../port/event-store.port';

const escape = (name: string) => name.replace(/[.]/g, '\\.');

/** Records the server considers per catch-up page, and between two checkpoints. */
export const SEARCH_WINDOW = 100;

/**
 * $all has one server-side filter: on stream names (categories) when given, else on event types,
 * else system events out. Whatever the server cannot filter is filtered again here.
 * The server reports a checkpoint every SEARCH_WINDOW considered records; a catch-up ends at the
 * head read before subscribing (see orderedSubscription), so a quiet log still reaches its end.
 */
export const serverFilter = (filter: EventFilter, checkpointReached: Filter['checkpointReached']): Filter => {
  const checkpoints = { checkpointReached, checkpointInterval: 1, maxSearchWindow: SEARCH_WINDOW };
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
