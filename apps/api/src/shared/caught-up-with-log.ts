import type { EventStore } from '@ceasefire/event-store';
import type { ProjectionRunner } from '@ceasefire/projections';

/**
 * Waits until the named read models hold the log as it is now (or up to `upTo`, if earlier): a read of
 * the past from them then misses nothing already written.
 */
export const caughtUpWithLog = async (
  store: EventStore,
  runner: ProjectionRunner,
  projections: string[],
  upTo?: string,
): Promise<void> => {
  const head = await store.headPosition();
  const target = upTo && head && upTo < head ? upTo : head;
  if (target) await runner.waitFor(target, { projections });
};
