import type { EventStore } from '@ceasefire/event-store';
import type { ProjectionRunner } from '@ceasefire/projections';
import { validationFailed } from '../http/validation-failed';

/**
 * Waits until the named read models hold the log as it is now, or up to `atPosition`: a read of the past
 * from them then misses nothing already written. A read "as the record stood at" a position gives the same
 * answer every time; a position the log has not reached would be answered with today's record: refused.
 */
export const caughtUpWithLog = async (
  store: EventStore,
  runner: ProjectionRunner,
  projections: string[],
  atPosition?: string,
): Promise<void> => {
  const head = await store.headPosition();
  if (atPosition !== undefined && (head === undefined || atPosition > head))
    throw validationFailed([
      {
        field: 'atPosition',
        message: `atPosition ${atPosition} is beyond the log's head (${head ?? 'empty'}): the record has not stood there yet`,
      },
    ]);
  const target = atPosition ?? head;
  if (target) await runner.waitFor(target, { projections });
};
