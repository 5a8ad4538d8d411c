import type { EventStore } from '@ceasefire/event-store';
import { validationFailed } from '../http/validation-failed';

/**
 * A read "as the record stood at" a position is the same answer every time it is asked. A position the
 * log has not reached would be answered with today's record, and differently once it grows: refused.
 */
export const refuseBeyondHead = async (store: EventStore, atPosition: string | undefined): Promise<void> => {
  if (atPosition === undefined) return;
  const head = await store.headPosition();
  if (head === undefined || atPosition > head)
    throw validationFailed([
      {
        field: 'atPosition',
        message: `atPosition ${atPosition} is beyond the log's head (${head ?? 'empty'}): the record has not stood there yet`,
      },
    ]);
};
