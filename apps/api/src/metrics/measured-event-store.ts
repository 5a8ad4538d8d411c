import { type EventStore, WrongExpectedRevision } from '@ceasefire/event-store';
import type { LedgerMetrics } from './ledger-metrics';

/** The process's event store, with every append counted and timed. */
export const measuredEventStore = (store: EventStore, metrics: LedgerMetrics): EventStore => {
  const append: EventStore['append'] = async (stream, events, options) => {
    const stop = metrics.appendDuration.startTimer();
    try {
      const result = await store.append(stream, events, options);
      metrics.appends.inc({ outcome: 'ok' });
      metrics.appendedEvents.inc(result.events.length);
      return result;
    } catch (error) {
      metrics.appends.inc({ outcome: error instanceof WrongExpectedRevision ? 'conflict' : 'error' });
      throw error;
    } finally {
      stop();
    }
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'append') return append;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
};
